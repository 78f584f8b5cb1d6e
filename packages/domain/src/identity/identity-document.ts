import type { Outcome } from '../shared/outcome';
import { validateIdNumber, type IdNumberFacts, type IdNumberOptions } from './id-number';

/** Document types a candidate may register with. */
export type DocumentType =
  | 'resident_id' // 居民身份证
  | 'hk_macao_permit' // 港澳居民来往内地通行证
  | 'taiwan_permit' // 台湾居民来往大陆通行证
  | 'foreign_passport'
  | 'passport';

/** Result of checking a document: only resident IDs can be verified offline. */
export type DocumentCheck =
  | { verifiable: true; facts: IdNumberFacts }
  | { verifiable: false; documentType: DocumentType; number: string; note: string };

/**
 * Checks an identity document (GB 11643-1999 for resident IDs); permits and passports have no public
 * check algorithm, so they pass through marked unverifiable for manual review.
 */
export function checkIdentityDocument(
  document: { type: DocumentType; number: string },
  options: IdNumberOptions = {},
): Outcome<DocumentCheck> {
  if (document.type === 'resident_id') {
    const result = validateIdNumber(document.number, options);
    return result.ok ? { ok: true, value: { verifiable: true, facts: result.value } } : result;
  }
  const number = document.number.trim();
  if (number.length === 0) {
    return {
      ok: false,
      reasons: [{ code: 'ID.EMPTY', message: '证件号码不能为空', path: 'number' }],
    };
  }
  return {
    ok: true,
    value: {
      verifiable: false,
      documentType: document.type,
      number,
      note: '该证件类型无法自动校验，需人工核验',
    },
  };
}
