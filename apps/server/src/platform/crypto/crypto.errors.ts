/** Reasons a cryptographic operation refused; callers map them to 500s, never leak details. */
export type CryptoErrorCode =
  | 'CRYPTO.KEY_CONFIG'
  | 'CRYPTO.KEY_FILE'
  | 'CRYPTO.MASTER_KEY_MISMATCH'
  | 'CRYPTO.UNKNOWN_KEY_ID'
  | 'CRYPTO.MALFORMED_CIPHERTEXT'
  | 'CRYPTO.AUTHENTICATION_FAILED'
  | 'CRYPTO.INVALID_INPUT';

/**
 * A failed cryptographic check or key set-up. Kept separate from the module errors because
 * these are operator problems (startup, tampering) rather than answers to a user's request.
 */
export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
  }
}
