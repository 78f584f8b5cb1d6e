import { randomBytes } from 'node:crypto';
import { CryptoError } from './crypto.errors';
import { openBytes, sealBytes, type SealingKeys } from './authenticated-sm4';
import { hmacSm3Bytes } from './sm-primitives';

// Data keys never rest in clear: each is sealed under key-encryption keys derived from the master
// key, with its slot name authenticated so wrapped keys cannot be swapped between purposes.

const WRAP_PREFIX = 'w1.';
const MASTER_KEY_PATTERN = /^[0-9a-fA-F]{64}$/;

export type MasterKey = { readonly kek: SealingKeys; readonly fingerprint: string };

/** A new 256-bit master key as hex, for the development key file and `initKeyRingFile`. */
export function generateMasterKeyHex(): string {
  return randomBytes(32).toString('hex');
}

/** Derives the SM4 and HMAC key-encryption keys and a public fingerprint from 64 hex chars. */
export function deriveMasterKey(masterKeyHex: string): MasterKey {
  if (!MASTER_KEY_PATTERN.test(masterKeyHex)) {
    throw new CryptoError('CRYPTO.KEY_CONFIG', '主密钥必须是 64 位十六进制字符（256 位）');
  }
  const master = Buffer.from(masterKeyHex, 'hex');
  return {
    kek: {
      encryptionKey: hmacSm3Bytes(master, 'kaolu/kek/sm4-ctr').subarray(0, 16),
      macKey: hmacSm3Bytes(master, 'kaolu/kek/hmac-sm3'),
    },
    // Lets a key file say which master key it belongs to without revealing anything usable.
    fingerprint: hmacSm3Bytes(master, 'kaolu/master-key/fingerprint')
      .subarray(0, 16)
      .toString('hex'),
  };
}

/** Seals a data key for the named slot (e.g. "field/3fa9c2d1/enc"). */
export function wrapDataKey(master: MasterKey, slot: string, key: Uint8Array): string {
  return WRAP_PREFIX + sealBytes(master.kek, key, ['wrap', slot]).toString('base64url');
}

/** Opens a wrapped data key; a wrong master key or a moved key fails loudly. */
export function unwrapDataKey(master: MasterKey, slot: string, wrapped: string): Buffer {
  if (!wrapped.startsWith(WRAP_PREFIX)) {
    throw new CryptoError('CRYPTO.KEY_FILE', `密钥文件中 ${slot} 的包装格式无法识别`);
  }
  try {
    return openBytes(master.kek, Buffer.from(wrapped.slice(WRAP_PREFIX.length), 'base64url'), [
      'wrap',
      slot,
    ]);
  } catch (error) {
    if (error instanceof CryptoError) {
      throw new CryptoError(
        'CRYPTO.MASTER_KEY_MISMATCH',
        `无法用主密钥解开 ${slot}：主密钥错误或密钥文件被篡改`,
      );
    }
    throw error;
  }
}
