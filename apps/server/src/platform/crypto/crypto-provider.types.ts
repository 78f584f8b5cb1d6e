/**
 * The one interface every cryptographic operation goes through (NFR-SEC-2), so the government
 * cloud's certified cipher machine can replace the software provider without touching callers.
 * Hex outputs are lower-case; text in, text out, so presenters and repositories stay simple.
 */

/** Binds a field ciphertext to its place: a ciphertext copied to another row or column fails. */
export type FieldAssociatedData = { table: string; column: string; rowId: string };

/** Named HMAC keys; each purpose has its own key so one leaked purpose cannot forge another. */
export type MacKeyPurpose = 'audit_chain' | 'token';

/** Exact-match look-ups over encrypted personal data (login, duplicate checks, lists). */
export type BlindIndexPurpose = 'id_number' | 'phone' | 'email';

/** SM4 modes offered; ECB is deliberately absent (it leaks equal blocks). */
export type Sm4Mode = 'cbc' | 'ctr';

/** Bytes or UTF-8 text; text is always encoded as UTF-8 before hashing, MACing or signing. */
export type CryptoInput = Uint8Array | string;

export type CryptoProvider = {
  /** Which implementation answers, for logs and the health page (e.g. 'software'). */
  readonly name: string;

  /** SM3 digest (GB/T 32905) as hex. */
  sm3(data: CryptoInput): string;
  /** HMAC-SM3 under the provider-held key of the given purpose, as hex. */
  hmacSm3(purpose: MacKeyPurpose, data: CryptoInput): string;
  /** HMAC-SM3 under a caller-supplied key, as hex (interoperability and known-answer tests). */
  hmacSm3WithKey(key: CryptoInput, data: CryptoInput): string;
  /** SM4 (GB/T 32907) encryption without padding: CBC needs whole 16-byte blocks, CTR any length. */
  sm4Encrypt(mode: Sm4Mode, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  /** Inverse of sm4Encrypt. */
  sm4Decrypt(mode: Sm4Mode, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;

  /** Encrypts one personal-data field under the current field key (SM4-CTR + HMAC-SM3). */
  encryptField(plain: string, ad: FieldAssociatedData): string;
  /** Decrypts a field; throws CryptoError on any tampering, wrong row or unknown key. */
  decryptField(ciphertext: string, ad: FieldAssociatedData): string;
  /** Decrypts with whichever key id wrote it and encrypts again under the current key id. */
  reencryptField(ciphertext: string, ad: FieldAssociatedData): string;
  /** The key id a field ciphertext was written with, without decrypting it. */
  fieldKeyIdOf(ciphertext: string): string;
  /** The key id new field ciphertexts are written with. */
  currentFieldKeyId(): string;

  /** Deterministic keyed index over the normalised value, for unique indexes and look-ups. */
  blindIndex(purpose: BlindIndexPurpose, value: string): string;

  /** SM2 signature (GB/T 32918, SM3 with Z over user id 1234567812345678), DER hex. */
  sign(data: CryptoInput): string;
  /** Verifies an SM2 DER signature under the given public key, or the provider's own. */
  verify(data: CryptoInput, signatureHex: string, publicKeyHex?: string): boolean;
  /** The provider's SM2 public key, uncompressed '04' ‖ x ‖ y hex, for offline verifiers. */
  publicKeyHex(): string;

  /** Unpredictable token of the given byte length, base64url without padding. */
  randomToken(bytes: number): string;
  /** PBKDF2-HMAC-SM3 as hex; runs off the event loop, callers bound its concurrency. */
  pbkdf2Sm3(
    password: string,
    salt: CryptoInput,
    iterations: number,
    length: number,
  ): Promise<string>;

  /** Re-reads the keys, e.g. after the rotation command added a field key generation. */
  reloadKeys(): Promise<void>;
};
