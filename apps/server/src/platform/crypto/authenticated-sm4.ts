import { randomFillSync, timingSafeEqual } from 'node:crypto';
import { CryptoError } from './crypto.errors';
import { hmacSm3Bytes, sm4Decrypt, sm4Encrypt, toBytes } from './sm-primitives';

// Node 20 has no SM4-GCM, so authenticated encryption is SM4-CTR then HMAC-SM3 under a second,
// independent key (encrypt-then-MAC). Shared by field encryption and data-key wrapping.

export const SM4_IV_BYTES = 16;
export const HMAC_SM3_BYTES = 32;

export type SealingKeys = { encryptionKey: Uint8Array; macKey: Uint8Array };

// IVs are drawn from the CSPRNG in 4 KiB batches: one randomBytes call per field cost ~10 µs,
// as much as the encryption itself. IVs are public, so buffering them ahead exposes nothing.
const ivPool = Buffer.alloc(4096);
let ivPoolOffset = ivPool.length;

function takeRandomIv(): Buffer {
  if (ivPoolOffset + SM4_IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivPoolOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivPoolOffset, ivPoolOffset + SM4_IV_BYTES));
  ivPoolOffset += SM4_IV_BYTES;
  return iv;
}

/**
 * Joins the authenticated parts with 4-byte length prefixes, so no two different part lists
 * (say table "ab" + column "c" versus "a" + "bc") produce the same MAC input.
 */
function lengthPrefixed(parts: readonly Uint8Array[]): Buffer {
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(part.length);
    chunks.push(length, part);
  }
  return Buffer.concat(chunks);
}

/** The tag over header ‖ IV ‖ ciphertext ‖ trailer, each length-prefixed. */
function computeTag(
  macKey: Uint8Array,
  header: readonly string[],
  iv: Uint8Array,
  ciphertext: Uint8Array,
  trailer: readonly string[],
): Buffer {
  const parts = [...header.map(toBytes), iv, ciphertext, ...trailer.map(toBytes)];
  return hmacSm3Bytes(macKey, lengthPrefixed(parts));
}

/** Encrypts under a fresh random IV and returns IV ‖ ciphertext ‖ tag (NFR-SEC-2). */
export function sealBytes(
  keys: SealingKeys,
  plaintext: Uint8Array,
  header: readonly string[],
  trailer: readonly string[] = [],
): Buffer {
  const iv = takeRandomIv();
  const ciphertext = sm4Encrypt('ctr', keys.encryptionKey, iv, plaintext);
  const tag = computeTag(keys.macKey, header, iv, ciphertext, trailer);
  return Buffer.concat([iv, ciphertext, tag]);
}

/** Checks the tag in constant time, then decrypts; any mismatch throws before decrypting. */
export function openBytes(
  keys: SealingKeys,
  sealed: Uint8Array,
  header: readonly string[],
  trailer: readonly string[] = [],
): Buffer {
  if (sealed.length < SM4_IV_BYTES + HMAC_SM3_BYTES) {
    throw new CryptoError('CRYPTO.MALFORMED_CIPHERTEXT', '密文长度不足');
  }
  const iv = sealed.subarray(0, SM4_IV_BYTES);
  const ciphertext = sealed.subarray(SM4_IV_BYTES, sealed.length - HMAC_SM3_BYTES);
  const tag = sealed.subarray(sealed.length - HMAC_SM3_BYTES);
  const expected = computeTag(keys.macKey, header, iv, ciphertext, trailer);
  if (!timingSafeEqual(expected, tag)) {
    throw new CryptoError('CRYPTO.AUTHENTICATION_FAILED', '密文完整性校验失败');
  }
  return sm4Decrypt('ctr', keys.encryptionKey, iv, ciphertext);
}
