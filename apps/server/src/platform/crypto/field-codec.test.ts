import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CryptoError } from './crypto.errors';
import { openField, parseFieldCiphertext, sealField } from './field-codec';

const keys = { encryptionKey: randomBytes(16), macKey: randomBytes(32) };
const AD = { table: 'candidate', column: 'id_number', rowId: '42' };

describe('field ciphertext encoding', () => {
  it('writes version, key id and IV ‖ ciphertext ‖ tag as compact text', () => {
    const text = sealField('310101199001011234', AD, 'k1', keys);
    expect(text).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+$/);
    const { keyId, sealed } = parseFieldCiphertext(text);
    expect(keyId).toBe('k1');
    expect(sealed).toHaveLength(16 + 18 + 32);
  });

  it('authenticates the key id, so relabelling a ciphertext with another id fails', () => {
    const text = sealField('13812345678', AD, 'k1', keys);
    const relabelled = text.replace('v1.k1.', 'v1.k2.');
    expect(() => openField(relabelled, AD, () => keys)).toThrow(CryptoError);
  });

  it('keeps length-prefixed associated data apart ("ab"+"c" differs from "a"+"bc")', () => {
    const text = sealField('x', { table: 'ab', column: 'c', rowId: '1' }, 'k1', keys);
    expect(() => openField(text, { table: 'a', column: 'bc', rowId: '1' }, () => keys)).toThrow(
      /完整性/,
    );
  });

  it('refuses blank associated data and malformed text', () => {
    expect(() => sealField('x', { ...AD, rowId: '' }, 'k1', keys)).toThrow(/关联数据/);
    expect(() => sealField('x', AD, 'K-1', keys)).toThrow(/密钥标识/);
    expect(() => openField('v1.k1.', AD, () => keys)).toThrow(/不是可识别/);
    expect(() => openField('v1.k1.AAAA', AD, () => keys)).toThrow(/长度不足/);
  });
});
