// Public face of the crypto platform: modules import from here, never from the files behind it.
export type {
  BlindIndexPurpose,
  CryptoInput,
  CryptoProvider,
  FieldAssociatedData,
  MacKeyPurpose,
  Sm4Mode,
} from './crypto-provider.types';
export { CryptoError, type CryptoErrorCode } from './crypto.errors';
export { normaliseBlindIndexValue } from './blind-index';
export {
  initKeyRingFile,
  loadKeyRing,
  resolveKeyFilePath,
  rotateFieldKey,
  type KeyRingOptions,
  type LoadedKeyRing,
} from './key-ring-store';
export { generateMasterKeyHex } from './key-wrap';
export {
  createCryptoProviderFromKeyRing,
  createSoftwareCryptoProvider,
  type SoftwareCryptoProvider,
} from './software-crypto-provider';
export { SM2_USER_ID, verifySm2 } from './sm2-signature';
export { fieldUnderKeyPattern, staleFieldPattern } from './field-rotation';
