import { createCipheriv, createDecipheriv, createHash, createHmac, pbkdf2 } from 'node:crypto';
import { CryptoError } from './crypto.errors';
import type { CryptoInput, Sm4Mode } from './crypto-provider.types';

// SM3 and SM4 come from Node's OpenSSL build, which the known-answer tests check against GB/T vectors.

const SM4_KEY_BYTES = 16;
const SM4_BLOCK_BYTES = 16;

/** Encodes text as UTF-8 and passes bytes through, so every caller hashes the same bytes. */
export function toBytes(data: CryptoInput): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** SM3 digest as raw bytes (NFR-SEC-2). */
export function sm3Bytes(data: CryptoInput): Buffer {
  return createHash('sm3').update(toBytes(data)).digest();
}

/** HMAC-SM3 as raw bytes (NFR-SEC-2). */
export function hmacSm3Bytes(key: CryptoInput, data: CryptoInput): Buffer {
  return createHmac('sm3', toBytes(key)).update(toBytes(data)).digest();
}

function assertSm4Parameters(
  mode: Sm4Mode,
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
): void {
  if (key.length !== SM4_KEY_BYTES)
    throw new CryptoError('CRYPTO.INVALID_INPUT', 'SM4 密钥必须为 16 字节');
  if (iv.length !== SM4_BLOCK_BYTES)
    throw new CryptoError('CRYPTO.INVALID_INPUT', 'SM4 IV 必须为 16 字节');
  if (mode === 'cbc' && data.length % SM4_BLOCK_BYTES !== 0) {
    throw new CryptoError('CRYPTO.INVALID_INPUT', 'SM4-CBC 无填充模式要求数据为 16 字节的整数倍');
  }
}

/** SM4 encryption in CBC (no padding) or CTR mode (NFR-SEC-2); ECB is not offered. */
export function sm4Encrypt(
  mode: Sm4Mode,
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
): Buffer {
  assertSm4Parameters(mode, key, iv, data);
  const cipher = createCipheriv(`sm4-${mode}`, key, iv).setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** SM4 decryption, the inverse of sm4Encrypt (NFR-SEC-2). */
export function sm4Decrypt(
  mode: Sm4Mode,
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
): Buffer {
  assertSm4Parameters(mode, key, iv, data);
  const decipher = createDecipheriv(`sm4-${mode}`, key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** PBKDF2-HMAC-SM3 on the libuv pool so password hashing never blocks the event loop. */
export function pbkdf2Sm3Hex(
  password: string,
  salt: CryptoInput,
  iterations: number,
  length: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    pbkdf2(password, toBytes(salt), iterations, length, 'sm3', (error, derived) => {
      if (error) reject(error);
      else resolve(derived.toString('hex'));
    });
  });
}
