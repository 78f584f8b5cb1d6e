import { CryptoError } from './crypto.errors';

// Helpers for key rotation (NFR-SEC-2): find field ciphertexts written under any key id but the
// current one, in SQL, from the clear "v1.<key id>." prefix alone, without decrypting anything.

const KEY_ID = /^[a-z0-9]{1,16}$/;
// IV (16 bytes) and tag (32 bytes) alone are 64 base64url characters: shorter is not a ciphertext.
const SEALED = '[A-Za-z0-9_-]{64,}';

function checkedKeyId(keyId: string): string {
  if (!KEY_ID.test(keyId)) throw new CryptoError('CRYPTO.INVALID_INPUT', '密钥标识格式错误');
  return keyId;
}

/**
 * A PostgreSQL regular expression matching a field ciphertext under any key id except `currentKeyId`,
 * anywhere in a text (a column, a JSONB document or a whole row cast to text).
 */
export function staleFieldPattern(currentKeyId: string): string {
  return `(^|[^A-Za-z0-9_-])v1\\.(?!${checkedKeyId(currentKeyId)}\\.)[a-z0-9]{1,16}\\.${SEALED}`;
}

/** A PostgreSQL regular expression matching a field ciphertext written under `keyId`. */
export function fieldUnderKeyPattern(keyId: string): string {
  return `(^|[^A-Za-z0-9_-])v1\\.${checkedKeyId(keyId)}\\.${SEALED}`;
}
