// Public face of masking: the one serializer every presenter uses, and the scan the API tests run.
export {
  maskAddress,
  maskEmail,
  maskIdNumber,
  maskLandline,
  maskName,
  maskPersonalData,
  maskPersonalFields,
  maskPhone,
  type PersonalDataKind,
} from './personal-data-masking';
export { containsUnmaskedPersonalData, findUnmaskedPersonalData } from './unmasked-personal-data';
