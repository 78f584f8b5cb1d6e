import { sm2 } from 'sm-crypto-v2';
import { CryptoError } from './crypto.errors';
import type { CryptoInput } from './crypto-provider.types';

// GB/T 35276 default signer id. hash: true makes the library compute e = SM3(Z ‖ M); its default
// (false) would sign the raw message, which no standard SM2 verifier accepts.
export const SM2_USER_ID = '1234567812345678';
const SM2_OPTIONS = { hash: true, der: true, userId: SM2_USER_ID } as const;

/** Order n of the SM2 recommended curve; r and s must lie in [1, n-1]. */
const SM2_ORDER = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

export type Sm2KeyPair = { privateKeyHex: string; publicKeyHex: string };

/** A fresh SM2 key pair from the platform CSPRNG (NFR-SEC-2). */
export function generateSm2KeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKeyHex: privateKey, publicKeyHex: publicKey };
}

/** The uncompressed public key ('04' ‖ x ‖ y) belonging to a private key. */
export function deriveSm2PublicKey(privateKeyHex: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex.toLowerCase());
}

/** Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ G ‖ P) for the standard user id, as hex (GB/T 32918.2 §5.5). */
export function computeSm2Z(publicKeyHex: string): string {
  return Buffer.from(sm2.getZ(publicKeyHex.toLowerCase(), SM2_USER_ID)).toString('hex');
}

/** DER SEQUENCE { INTEGER r, INTEGER s } from hex r and s, for interoperability vectors. */
export function encodeSm2SignatureDer(rHex: string, sHex: string): string {
  const integer = (hex: string): Buffer => {
    let digits = BigInt(`0x${hex}`).toString(16);
    if (digits.length % 2 === 1) digits = `0${digits}`;
    // A leading 0x00 keeps a value with the top bit set positive, as DER requires.
    if (Number.parseInt(digits.slice(0, 2), 16) & 0x80) digits = `00${digits}`;
    const bytes = Buffer.from(digits, 'hex');
    return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
  };
  const body = Buffer.concat([integer(rHex), integer(sHex)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]).toString('hex');
}

/** Reads one minimal, positive DER INTEGER at offset; null when not canonical. */
function readDerInteger(der: Buffer, offset: number): { value: bigint; next: number } | null {
  if (der[offset] !== 0x02) return null;
  const length = der[offset + 1] ?? 0;
  const start = offset + 2;
  if (length === 0 || length > 33 || start + length > der.length) return null;
  const first = der[start] ?? 0;
  const second = der[start + 1] ?? 0;
  if (first & 0x80) return null;
  if (first === 0 && length > 1 && !(second & 0x80)) return null;
  return {
    value: BigInt(`0x${der.subarray(start, start + length).toString('hex')}`),
    next: start + length,
  };
}

/**
 * Accepts only canonical DER with 1 ≤ r, s < n. The library's own parser is lenient, which
 * would let one signature have several encodings (malleability) in an audit checkpoint.
 */
export function isCanonicalSm2SignatureDer(signatureHex: string): boolean {
  if (!/^([0-9a-f]{2})+$/i.test(signatureHex)) return false;
  const der = Buffer.from(signatureHex, 'hex');
  if (der[0] !== 0x30 || der[1] !== der.length - 2) return false;
  const r = readDerInteger(der, 2);
  const s = r && readDerInteger(der, r.next);
  if (!r || !s || s.next !== der.length) return false;
  return [r.value, s.value].every((v) => v > 0n && v < SM2_ORDER);
}

function toHexMessage(data: CryptoInput): string | Uint8Array {
  return typeof data === 'string' ? data : Uint8Array.from(data);
}

/** SM2 signature over data with SM3 and Z, DER hex (GB/T 32918.2, REG-08). */
export function signSm2(data: CryptoInput, keyPair: Sm2KeyPair): string {
  return sm2.doSignature(toHexMessage(data), keyPair.privateKeyHex, {
    ...SM2_OPTIONS,
    publicKey: keyPair.publicKeyHex,
  });
}

// Precomputed multiples of a public key make verification about five times faster; verifiers use
// few keys (the provider's own, the audit signing keys), so a small cache covers them.
type PublicKeyPoint = ReturnType<typeof sm2.precomputePublicKey>;
const PRECOMPUTED_KEY_LIMIT = 16;
const precomputedKeys = new Map<string, PublicKeyPoint>();

function getPublicKeyPoint(publicKey: string): PublicKeyPoint | null {
  const cached = precomputedKeys.get(publicKey);
  if (cached) return cached;
  if (!sm2.verifyPublicKey(publicKey)) return null;
  const point = sm2.precomputePublicKey(publicKey);
  if (precomputedKeys.size >= PRECOMPUTED_KEY_LIMIT) {
    precomputedKeys.delete(precomputedKeys.keys().next().value as string);
  }
  precomputedKeys.set(publicKey, point);
  return point;
}

/** Verifies an SM2 DER signature; false for any malformed key or signature, never throws. */
export function verifySm2(data: CryptoInput, signatureHex: string, publicKeyHex: string): boolean {
  const publicKey = publicKeyHex.toLowerCase();
  if (!isCanonicalSm2SignatureDer(signatureHex)) return false;
  try {
    const point = getPublicKeyPoint(publicKey);
    if (!point) return false;
    return sm2.doVerifySignature(
      toHexMessage(data),
      signatureHex.toLowerCase(),
      point,
      SM2_OPTIONS,
    );
  } catch {
    // Off-curve points and similar make the library throw; to a verifier that is just "invalid".
    return false;
  }
}

/** Fails fast when a stored private key does not match its recorded public key. */
export function assertSm2KeyPair(keyPair: Sm2KeyPair): void {
  if (deriveSm2PublicKey(keyPair.privateKeyHex) !== keyPair.publicKeyHex.toLowerCase()) {
    throw new CryptoError('CRYPTO.KEY_FILE', 'SM2 签名私钥与公钥不匹配');
  }
}
