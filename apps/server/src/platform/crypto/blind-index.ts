import { CryptoError } from './crypto.errors';
import type { BlindIndexPurpose } from './crypto-provider.types';
import { hmacSm3Bytes } from './sm-primitives';

// A blind index is HMAC-SM3 under its own key over the normalised value. Normalising first makes
// "310101199001011234x", "310101 19900101 123X" and the full-width form find the same account.

const SEPARATORS = /[\s\-()（）]/g;

/** Canonical form of an ID number: NFKC, no spaces or dashes, upper-case X check character. */
function normaliseIdNumber(value: string): string {
  return value.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
}

/** Canonical mainland mobile number: NFKC, digits only, without +86 / 0086 / 86 country code. */
function normalisePhone(value: string): string {
  const compact = value.normalize('NFKC').replace(SEPARATORS, '');
  const match = /^(?:\+86|0086|86)(1\d{10})$/.exec(compact);
  return match ? match[1]! : compact;
}

/** Canonical e-mail: NFKC, trimmed, lower-case (mailbox providers here ignore case). */
function normaliseEmail(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

/** The normalised value a blind index is computed over (NFR-SEC-3). */
export function normaliseBlindIndexValue(purpose: BlindIndexPurpose, value: string): string {
  const normalised =
    purpose === 'id_number'
      ? normaliseIdNumber(value)
      : purpose === 'phone'
        ? normalisePhone(value)
        : normaliseEmail(value);
  // An empty index would make every blank value collide in a unique index.
  if (normalised.length === 0) throw new CryptoError('CRYPTO.INVALID_INPUT', '盲索引的值不能为空');
  return normalised;
}

/**
 * HMAC-SM3(key, purpose ‖ 0x00 ‖ normalised value) as hex. The purpose prefix keeps a phone
 * index from ever equalling an ID-number index of the same digits.
 */
export function computeBlindIndex(
  key: Uint8Array,
  purpose: BlindIndexPurpose,
  value: string,
): string {
  const input = Buffer.concat([
    Buffer.from(purpose, 'utf8'),
    Buffer.from([0]),
    Buffer.from(normaliseBlindIndexValue(purpose, value), 'utf8'),
  ]);
  return hmacSm3Bytes(key, input).toString('hex');
}
