import { describe, expect, it } from 'vitest';
import type { CryptoProvider, FieldAssociatedData } from './crypto-provider.types';
import { encodeSm2SignatureDer } from './sm2-signature';

// The known-answer suite every CryptoProvider must pass: the software provider runs it
// in CI, and a cipher-machine provider runs the very same function before it may replace it.

const hex = (value: string) => Buffer.from(value, 'hex');
const AD: FieldAssociatedData = { table: 'candidate', column: 'id_number', rowId: 'c-1001' };

/** GB/T 32918.2 appendix example: key pair, message and (r, s) for user id 1234567812345678. */
export const SM2_STANDARD_VECTOR = {
  publicKeyHex:
    '04' +
    '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020' +
    'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
  privateKeyHex: '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8',
  message: 'message digest',
  zHex: 'B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3',
  rHex: 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3',
  sHex: 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA',
} as const;

/** Flips one bit of the base64url body of a field ciphertext, keeping it well-formed. */
function tamperWithField(ciphertext: string, bodyIndex: number): string {
  const [version, keyId, body] = ciphertext.split('.') as [string, string, string];
  const bytes = Buffer.from(body, 'base64url');
  bytes[bodyIndex % bytes.length]! ^= 0x01;
  return `${version}.${keyId}.${bytes.toString('base64url')}`;
}

/** Registers the known-answer and misuse tests for one provider (NFR-SEC-2, REG-08). */
export function runCryptoProviderKnownAnswers(
  label: string,
  getProvider: () => CryptoProvider,
): void {
  describe(`${label}: known answers`, () => {
    it('computes SM3 of "abc" and of "abcd" × 16 as in GB/T 32905', () => {
      const p = getProvider();
      expect(p.sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
      expect(p.sm3('abcd'.repeat(16))).toBe(
        'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
      );
    });

    it('encrypts the GB/T 32907 single block and the SM4-CBC vector, and decrypts them back', () => {
      const p = getProvider();
      const key = hex('0123456789abcdeffedcba9876543210');
      // One CBC block under a zero IV is exactly the raw block cipher, without offering ECB.
      const block = p.sm4Encrypt('cbc', key, Buffer.alloc(16), key);
      expect(Buffer.from(block).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
      const iv = hex('000102030405060708090A0B0C0D0E0F');
      const plain = hex('AAAAAAAABBBBBBBBCCCCCCCCDDDDDDDDEEEEEEEEFFFFFFFFAAAAAAAABBBBBBBB');
      const cbc = p.sm4Encrypt('cbc', key, iv, plain);
      expect(Buffer.from(cbc).toString('hex').toUpperCase()).toBe(
        '78EBB11CC40B0A48312AAEB2040244CB4CB7016951909226979B0D15DC6A8F6D',
      );
      expect(Buffer.from(p.sm4Decrypt('cbc', key, iv, cbc))).toEqual(plain);
    });

    it('computes HMAC-SM3 and PBKDF2-HMAC-SM3 known answers', async () => {
      const p = getProvider();
      expect(p.hmacSm3WithKey('key', 'The quick brown fox jumps over the lazy dog')).toBe(
        'bd4a34077888162b210645b8ebf74b9af357303789357a27c7fc457244ebd398',
      );
      await expect(p.pbkdf2Sm3('password', 'salt', 4096, 32)).resolves.toBe(
        'b6e8f2074c87432b78f62e5ced980fdff89e86af2f693dab1638e2b3683045dd',
      );
    });

    it('verifies the GB/T 32918 SM2 example signature and rejects it for another message or key', () => {
      const p = getProvider();
      const v = SM2_STANDARD_VECTOR;
      const der = encodeSm2SignatureDer(v.rHex, v.sHex);
      expect(p.verify(v.message, der, v.publicKeyHex)).toBe(true);
      expect(p.verify('message digesT', der, v.publicKeyHex)).toBe(false);
      expect(p.verify(v.message, der, p.publicKeyHex())).toBe(false);
      expect(p.verify(v.message, encodeSm2SignatureDer(v.rHex, v.rHex), v.publicKeyHex)).toBe(
        false,
      );
    });
  });

  describe(`${label}: own keys`, () => {
    it('signs so that its own and any standard verifier accept, and refuses changed data or signatures', () => {
      const p = getProvider();
      const data = 'checkpoint|1|500|abcd';
      const signature = p.sign(data);
      expect(p.verify(data, signature)).toBe(true);
      expect(p.verify(Buffer.from(data), signature, p.publicKeyHex())).toBe(true);
      expect(p.verify(`${data}!`, signature)).toBe(false);
      const flipped = `${signature.slice(0, -2)}${signature.endsWith('00') ? '01' : '00'}`;
      expect(p.verify(data, flipped)).toBe(false);
      expect(p.verify(data, 'not-a-signature')).toBe(false);
      expect(p.verify(data, signature, SM2_STANDARD_VECTOR.publicKeyHex)).toBe(false);
    });

    it('round-trips a field and never repeats a ciphertext for the same value', () => {
      const p = getProvider();
      const first = p.encryptField('310101199001011234', AD);
      const second = p.encryptField('310101199001011234', AD);
      expect(first).not.toBe(second);
      expect(first).not.toContain('310101');
      expect(p.decryptField(first, AD)).toBe('310101199001011234');
      expect(p.decryptField(p.encryptField('', AD), AD)).toBe('');
      expect(p.decryptField(p.encryptField('上海市黄浦区 100 号', AD), AD)).toBe(
        '上海市黄浦区 100 号',
      );
    });

    it('refuses a tampered ciphertext, one moved to another row or column, and an unknown key id', () => {
      const p = getProvider();
      const ciphertext = p.encryptField('13812345678', AD);
      for (const index of [0, 16, 20, 40]) {
        expect(() => p.decryptField(tamperWithField(ciphertext, index), AD)).toThrow(/完整性/);
      }
      expect(() => p.decryptField(ciphertext, { ...AD, rowId: 'c-1002' })).toThrow(/完整性/);
      expect(() => p.decryptField(ciphertext, { ...AD, column: 'phone' })).toThrow(/完整性/);
      expect(() =>
        p.decryptField(ciphertext.replace(/^v1\.[a-z0-9]+\./, 'v1.zzzz0000.'), AD),
      ).toThrow(/未知/);
      expect(() => p.decryptField(ciphertext.replace(/^v1/, 'v9'), AD)).toThrow(/不是可识别/);
    });

    it('gives equal blind indexes for equal normalised values and different ones otherwise', () => {
      const p = getProvider();
      const id = p.blindIndex('id_number', '31010119900101123X');
      expect(id).toMatch(/^[0-9a-f]{64}$/);
      expect(p.blindIndex('id_number', ' 310101-19900101-123x ')).toBe(id);
      expect(p.blindIndex('id_number', '310101199001011234')).not.toBe(id);
      expect(p.blindIndex('phone', '+86 138-1234-5678')).toBe(p.blindIndex('phone', '13812345678'));
      expect(p.blindIndex('phone', '13812345678')).not.toBe(
        p.blindIndex('id_number', '13812345678'),
      );
      expect(p.blindIndex('phone', '13812345678')).not.toBe(p.sm3('13812345678'));
    });

    it('keys HMAC purposes apart and draws fresh random tokens', () => {
      const p = getProvider();
      expect(p.hmacSm3('audit_chain', 'entry')).not.toBe(p.hmacSm3('token', 'entry'));
      expect(p.hmacSm3('audit_chain', 'entry')).toBe(
        p.hmacSm3('audit_chain', Buffer.from('entry')),
      );
      const tokens = new Set(Array.from({ length: 50 }, () => p.randomToken(32)));
      expect(tokens.size).toBe(50);
      expect(Buffer.from([...tokens][0]!, 'base64url')).toHaveLength(32);
    });
  });
}
