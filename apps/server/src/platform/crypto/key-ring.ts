import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CryptoError } from './crypto.errors';
import type { MacKeyPurpose } from './crypto-provider.types';
import type { SealingKeys } from './authenticated-sm4';
import { unwrapDataKey, wrapDataKey, type MasterKey } from './key-wrap';
import { assertSm2KeyPair, generateSm2KeyPair, type Sm2KeyPair } from './sm2-signature';

// The key ring: every data key, each wrapped by the master key and named by slot. Field keys come
// in generations (key ids) so rotation can add one while older ids keep decrypting.

const MAC_KEY_PURPOSES = ['audit_chain', 'token'] as const satisfies readonly MacKeyPurpose[];
const KeyIdSchema = z.string().regex(/^[a-z0-9]{1,16}$/);
const WrappedSchema = z.string().startsWith('w1.');

export const KeyRingFileSchema = z.object({
  format: z.literal('kaolu-keyring'),
  version: z.literal(1),
  createdAt: z.string(),
  masterKeyFingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  /** Only in development key files; production refuses a file that carries it. */
  developmentMasterKeyHex: z.string().optional(),
  currentFieldKeyId: KeyIdSchema,
  fieldKeys: z
    .array(
      z.object({
        id: KeyIdSchema,
        createdAt: z.string(),
        encryptionKey: WrappedSchema,
        macKey: WrappedSchema,
      }),
    )
    .min(1),
  blindIndexKey: WrappedSchema,
  macKeys: z.object({ audit_chain: WrappedSchema, token: WrappedSchema }),
  signingKey: z.object({
    publicKeyHex: z.string().regex(/^04[0-9a-f]{128}$/),
    privateKey: WrappedSchema,
  }),
});
export type KeyRingFile = z.infer<typeof KeyRingFileSchema>;

/** Unwrapped keys held in memory by the software provider. */
export type KeyRing = {
  masterKeyFingerprint: string;
  currentFieldKeyId: string;
  fieldKeys: ReadonlyMap<string, SealingKeys>;
  blindIndexKey: Buffer;
  macKeys: Readonly<Record<MacKeyPurpose, Buffer>>;
  signingKey: Sm2KeyPair;
};

/** Random 8-hex key ids, so a ring recreated by mistake never reuses an id of the lost one. */
function generateKeyId(): string {
  return randomBytes(4).toString('hex');
}

function newFieldKey(master: MasterKey, now: Date): KeyRingFile['fieldKeys'][number] {
  const id = generateKeyId();
  return {
    id,
    createdAt: now.toISOString(),
    encryptionKey: wrapDataKey(master, `field/${id}/enc`, randomBytes(16)),
    macKey: wrapDataKey(master, `field/${id}/mac`, randomBytes(32)),
  };
}

/** A complete new key ring under the master key (NFR-SEC-2 key hierarchy). */
export function createKeyRingFile(
  master: MasterKey,
  now: Date,
  developmentMasterKeyHex?: string,
): KeyRingFile {
  const fieldKey = newFieldKey(master, now);
  const signing = generateSm2KeyPair();
  return {
    format: 'kaolu-keyring',
    version: 1,
    createdAt: now.toISOString(),
    masterKeyFingerprint: master.fingerprint,
    ...(developmentMasterKeyHex ? { developmentMasterKeyHex } : {}),
    currentFieldKeyId: fieldKey.id,
    fieldKeys: [fieldKey],
    blindIndexKey: wrapDataKey(master, 'blind_index', randomBytes(32)),
    macKeys: {
      audit_chain: wrapDataKey(master, 'mac/audit_chain', randomBytes(32)),
      token: wrapDataKey(master, 'mac/token', randomBytes(32)),
    },
    signingKey: {
      publicKeyHex: signing.publicKeyHex,
      privateKey: wrapDataKey(master, 'sign/sm2', Buffer.from(signing.privateKeyHex, 'hex')),
    },
  };
}

/** The same ring with one more field key generation, which becomes current (key rotation). */
export function addFieldKeyGeneration(
  file: KeyRingFile,
  master: MasterKey,
  now: Date,
): KeyRingFile {
  const fieldKey = newFieldKey(master, now);
  return { ...file, currentFieldKeyId: fieldKey.id, fieldKeys: [...file.fieldKeys, fieldKey] };
}

/** Unwraps every key; any wrong master key, tampered slot or dangling current id throws. */
export function unwrapKeyRing(file: KeyRingFile, master: MasterKey): KeyRing {
  if (file.masterKeyFingerprint !== master.fingerprint) {
    throw new CryptoError('CRYPTO.MASTER_KEY_MISMATCH', '主密钥与密钥文件不匹配（指纹不同）');
  }
  const fieldKeys = new Map<string, SealingKeys>();
  for (const key of file.fieldKeys) {
    fieldKeys.set(key.id, {
      encryptionKey: unwrapDataKey(master, `field/${key.id}/enc`, key.encryptionKey),
      macKey: unwrapDataKey(master, `field/${key.id}/mac`, key.macKey),
    });
  }
  if (!fieldKeys.has(file.currentFieldKeyId)) {
    throw new CryptoError('CRYPTO.KEY_FILE', '密钥文件的当前字段密钥标识不存在');
  }
  const macKeys = Object.fromEntries(
    MAC_KEY_PURPOSES.map((purpose) => [
      purpose,
      unwrapDataKey(master, `mac/${purpose}`, file.macKeys[purpose]),
    ]),
  ) as Record<MacKeyPurpose, Buffer>;
  const signingKey = {
    privateKeyHex: unwrapDataKey(master, 'sign/sm2', file.signingKey.privateKey).toString('hex'),
    publicKeyHex: file.signingKey.publicKeyHex,
  };
  assertSm2KeyPair(signingKey);
  return {
    masterKeyFingerprint: master.fingerprint,
    currentFieldKeyId: file.currentFieldKeyId,
    fieldKeys,
    blindIndexKey: unwrapDataKey(master, 'blind_index', file.blindIndexKey),
    macKeys,
    signingKey,
  };
}
