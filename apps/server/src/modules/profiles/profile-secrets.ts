import type { ProfileDocument } from '@kaolu/contracts';
import type { FieldAssociatedData } from '../../platform/crypto';

/** The stored document: clear address and permit number replaced by ciphertext bound to the row. */
export type StoredProfileDocument = Omit<ProfileDocument, 'contact' | 'residencePermit'> & {
  contact: Omit<ProfileDocument['contact'], 'address'> & { addressEnc?: string };
  residencePermit:
    | (Omit<NonNullable<ProfileDocument['residencePermit']>, 'number'> & { numberEnc?: string })
    | null;
};

// Associated data of a document secret: bound to the candidate, so a ciphertext copied into another
// candidate's document fails to decrypt (NFR-SEC-2). The same for current, versions and snapshots.
export const ad = (candidateId: string, column: string) => ({
  table: 'candidate_profile',
  column,
  rowId: candidateId,
});

/**
 * Passes every ciphertext inside a stored profile document (current, version or frozen snapshot:
 * all bound to the candidate) through `reseal`; key rotation uses it to re-encrypt them (NFR-SEC-2).
 */
export function resealProfileSecrets(
  document: StoredProfileDocument,
  candidateId: string,
  reseal: (ciphertext: string, ad: FieldAssociatedData) => string,
): StoredProfileDocument {
  const addressEnc = document.contact?.addressEnc;
  const numberEnc = document.residencePermit?.numberEnc;
  return {
    ...document,
    ...(addressEnc
      ? {
          contact: {
            ...document.contact,
            addressEnc: reseal(addressEnc, ad(candidateId, 'document.address')),
          },
        }
      : {}),
    ...(document.residencePermit && numberEnc
      ? {
          residencePermit: {
            ...document.residencePermit,
            numberEnc: reseal(numberEnc, ad(candidateId, 'document.permit_number')),
          },
        }
      : {}),
  };
}
