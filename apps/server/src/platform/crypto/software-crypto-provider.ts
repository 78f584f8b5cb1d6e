import { randomBytes } from 'node:crypto';
import { computeBlindIndex } from './blind-index';
import { CryptoError } from './crypto.errors';
import type { CryptoProvider } from './crypto-provider.types';
import { openField, parseFieldCiphertext, sealField } from './field-codec';
import type { KeyRing } from './key-ring';
import { loadKeyRingSync, type KeyRingOptions } from './key-ring-store';
import { signSm2, verifySm2 } from './sm2-signature';
import { hmacSm3Bytes, pbkdf2Sm3Hex, sm3Bytes, sm4Decrypt, sm4Encrypt } from './sm-primitives';

// The software implementation of CryptoProvider for development, tests and CI. Keys stay in this
// closure; callers only ever see ciphertexts, indexes, signatures and the public key.

/** A new key id met while decrypting triggers at most one key-file reload per this interval. */
const RELOAD_INTERVAL_MS = 1_000;
const MAX_RANDOM_TOKEN_BYTES = 1024;

export type SoftwareCryptoProvider = {
  provider: CryptoProvider;
  keyFile: string;
  warning: string | undefined;
};

/** Builds the provider over an already unwrapped ring; `reload` re-reads it when keys change. */
export function createCryptoProviderFromKeyRing(
  initial: KeyRing,
  reload: () => KeyRing = () => initial,
): CryptoProvider {
  let ring = initial;
  let lastReloadAt = 0;

  const resolveFieldKeys = (keyId: string) => {
    let keys = ring.fieldKeys.get(keyId);
    if (!keys && Date.now() - lastReloadAt > RELOAD_INTERVAL_MS) {
      // Another process (the rotation command) may have added this id since startup.
      lastReloadAt = Date.now();
      ring = reload();
      keys = ring.fieldKeys.get(keyId);
    }
    if (!keys) throw new CryptoError('CRYPTO.UNKNOWN_KEY_ID', `未知的字段密钥标识 ${keyId}`);
    return keys;
  };

  const encryptField: CryptoProvider['encryptField'] = (plain, ad) =>
    sealField(plain, ad, ring.currentFieldKeyId, resolveFieldKeys(ring.currentFieldKeyId));
  const decryptField: CryptoProvider['decryptField'] = (ciphertext, ad) =>
    openField(ciphertext, ad, resolveFieldKeys);

  return {
    name: 'software',
    sm3: (data) => sm3Bytes(data).toString('hex'),
    hmacSm3: (purpose, data) => hmacSm3Bytes(ring.macKeys[purpose], data).toString('hex'),
    hmacSm3WithKey: (key, data) => hmacSm3Bytes(key, data).toString('hex'),
    sm4Encrypt: (mode, key, iv, data) => sm4Encrypt(mode, key, iv, data),
    sm4Decrypt: (mode, key, iv, data) => sm4Decrypt(mode, key, iv, data),
    encryptField,
    decryptField,
    reencryptField: (ciphertext, ad) => encryptField(decryptField(ciphertext, ad), ad),
    fieldKeyIdOf: (ciphertext) => parseFieldCiphertext(ciphertext).keyId,
    currentFieldKeyId: () => ring.currentFieldKeyId,
    blindIndex: (purpose, value) => computeBlindIndex(ring.blindIndexKey, purpose, value),
    sign: (data) => signSm2(data, ring.signingKey),
    verify: (data, signatureHex, publicKeyHex) =>
      verifySm2(data, signatureHex, publicKeyHex ?? ring.signingKey.publicKeyHex),
    publicKeyHex: () => ring.signingKey.publicKeyHex,
    randomToken: (bytes) => {
      if (!Number.isInteger(bytes) || bytes < 1 || bytes > MAX_RANDOM_TOKEN_BYTES) {
        throw new CryptoError('CRYPTO.INVALID_INPUT', '随机令牌长度必须是 1–1024 字节');
      }
      return randomBytes(bytes).toString('base64url');
    },
    pbkdf2Sm3: pbkdf2Sm3Hex,
    reloadKeys: async () => {
      lastReloadAt = Date.now();
      ring = reload();
    },
  };
}

/**
 * The software crypto provider from config settings (NFR-SEC-2). Outside production with no
 * master key it creates a development key file and returns a warning the caller must log loudly.
 */
export async function createSoftwareCryptoProvider(
  options: KeyRingOptions,
): Promise<SoftwareCryptoProvider> {
  const loaded = loadKeyRingSync(options);
  const provider = createCryptoProviderFromKeyRing(
    loaded.ring,
    () => loadKeyRingSync(options).ring,
  );
  return { provider, keyFile: loaded.keyFile, warning: loaded.warning };
}
