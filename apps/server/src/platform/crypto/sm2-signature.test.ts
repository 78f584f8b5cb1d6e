import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { SM2_STANDARD_VECTOR as V } from './crypto-provider.known-answers.test-support';
import {
  computeSm2Z,
  deriveSm2PublicKey,
  encodeSm2SignatureDer,
  isCanonicalSm2SignatureDer,
  signSm2,
  verifySm2,
} from './sm2-signature';

const vectorKeyPair = {
  privateKeyHex: V.privateKeyHex.toLowerCase(),
  publicKeyHex: V.publicKeyHex.toLowerCase(),
};

describe('SM2 signatures (GB/T 32918.2)', () => {
  it('derives the example public key and its Z value for user id 1234567812345678', () => {
    expect(deriveSm2PublicKey(V.privateKeyHex)).toBe(V.publicKeyHex.toLowerCase());
    expect(computeSm2Z(V.publicKeyHex)).toBe(V.zHex.toLowerCase());
  });

  it('accepts the example (r, s) only through the Z-hashed verification', () => {
    const der = encodeSm2SignatureDer(V.rHex, V.sHex);
    expect(verifySm2(V.message, der, V.publicKeyHex)).toBe(true);
    // The library default (hash: false) treats the message as the digest: the standard vector fails.
    expect(sm2.doVerifySignature(V.message, der, V.publicKeyHex.toLowerCase(), { der: true })).toBe(
      false,
    );
  });

  it('signs with the example key so that the example verification path accepts it', () => {
    const signature = signSm2(V.message, vectorKeyPair);
    expect(isCanonicalSm2SignatureDer(signature)).toBe(true);
    expect(verifySm2(V.message, signature, V.publicKeyHex)).toBe(true);
    expect(verifySm2(V.message, signature, deriveSm2PublicKey('01'.repeat(32)))).toBe(false);
  });

  it('rejects non-canonical DER encodings of a valid signature', () => {
    const der = encodeSm2SignatureDer(V.rHex, V.sHex);
    // r has its top bit set, so DER carries a 0x00 pad: dropping it or adding another must fail.
    const padded = der.replace(
      /^30(..)0221/,
      (_m, len: string) => `30${(parseInt(len, 16) + 1).toString(16)}022200`,
    );
    expect(isCanonicalSm2SignatureDer(padded)).toBe(false);
    expect(verifySm2(V.message, padded, V.publicKeyHex)).toBe(false);
    expect(verifySm2(V.message, `${der}00`, V.publicKeyHex)).toBe(false);
    const order = 'FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123';
    expect(isCanonicalSm2SignatureDer(encodeSm2SignatureDer(V.rHex, order))).toBe(false);
    expect(isCanonicalSm2SignatureDer(encodeSm2SignatureDer('0', V.sHex))).toBe(false);
  });

  it('answers false rather than throwing for garbage keys and signatures', () => {
    const der = encodeSm2SignatureDer(V.rHex, V.sHex);
    expect(verifySm2(V.message, der, '04' + '11'.repeat(64))).toBe(false);
    expect(verifySm2(V.message, der, 'zz')).toBe(false);
    expect(verifySm2(V.message, '3006020101020101', V.publicKeyHex)).toBe(false);
  });
});
