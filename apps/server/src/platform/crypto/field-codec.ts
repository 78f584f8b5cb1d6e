import { CryptoError } from './crypto.errors';
import type { FieldAssociatedData } from './crypto-provider.types';
import { openBytes, sealBytes, type SealingKeys } from './authenticated-sm4';

// Text form of an encrypted field: "v1.<key id>.<base64url(IV ‖ ciphertext ‖ tag)>". The version
// and key id stay readable so rotation can find old rows without decrypting them.

const FIELD_FORMAT_VERSION = 'v1';
const KEY_ID_PATTERN = /^[a-z0-9]{1,16}$/;
const FIELD_PATTERN = /^(v\d+)\.([a-z0-9]{1,16})\.([A-Za-z0-9_-]+)$/;

/** Looks up the keys of a key id; throws CryptoError('CRYPTO.UNKNOWN_KEY_ID') if it has none. */
export type FieldKeyResolver = (keyId: string) => SealingKeys;

/** Refuses blank associated data: a field sealed without its row id could be moved freely. */
function associatedDataParts(ad: FieldAssociatedData): string[] {
  const parts = [ad.table, ad.column, ad.rowId];
  if (parts.some((part) => typeof part !== 'string' || part.length === 0)) {
    throw new CryptoError('CRYPTO.INVALID_INPUT', '字段加密的关联数据（表、列、行标识）不能为空');
  }
  return parts;
}

/** Splits a field ciphertext into version, key id and sealed bytes, refusing anything else. */
export function parseFieldCiphertext(text: string): {
  version: string;
  keyId: string;
  sealed: Buffer;
} {
  const match = FIELD_PATTERN.exec(text);
  if (!match || match[1] !== FIELD_FORMAT_VERSION) {
    throw new CryptoError('CRYPTO.MALFORMED_CIPHERTEXT', '不是可识别的字段密文');
  }
  return { version: match[1], keyId: match[2]!, sealed: Buffer.from(match[3]!, 'base64url') };
}

/** Encrypts a field and binds it to version, key id and its table, column and row (NFR-SEC-3). */
export function sealField(
  plain: string,
  ad: FieldAssociatedData,
  keyId: string,
  keys: SealingKeys,
): string {
  if (!KEY_ID_PATTERN.test(keyId))
    throw new CryptoError('CRYPTO.INVALID_INPUT', '密钥标识格式错误');
  const sealed = sealBytes(
    keys,
    Buffer.from(plain, 'utf8'),
    [FIELD_FORMAT_VERSION, keyId],
    associatedDataParts(ad),
  );
  return `${FIELD_FORMAT_VERSION}.${keyId}.${sealed.toString('base64url')}`;
}

/** Verifies and decrypts a field under the keys of the id it names (NFR-SEC-3). */
export function openField(
  text: string,
  ad: FieldAssociatedData,
  resolveKeys: FieldKeyResolver,
): string {
  const { version, keyId, sealed } = parseFieldCiphertext(text);
  const plain = openBytes(resolveKeys(keyId), sealed, [version, keyId], associatedDataParts(ad));
  return plain.toString('utf8');
}
