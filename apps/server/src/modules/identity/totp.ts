import { createHmac, randomBytes } from 'node:crypto';

// TOTP (RFC 6238) over HOTP (RFC 4226). Authenticator apps speak HMAC-SHA1, 6 digits, 30 s, so
// that is what staff enrol; SHA-256/512 are here for the RFC's own test vectors.

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';
/** Only the RFC test vectors change these; enrolment uses the defaults. */
export type TotpOptions = { digits?: number; stepSeconds?: number; algorithm?: TotpAlgorithm };

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The HOTP value of a counter (RFC 4226 §5.3 dynamic truncation). */
export function hotp(
  secret: Buffer,
  counter: number,
  digits = 6,
  algorithm: TotpAlgorithm = 'sha1',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

/** The TOTP time step of a moment (RFC 6238 §4.2, T0 = 0). */
export function totpStep(unixSeconds: number, stepSeconds = 30): number {
  return Math.floor(unixSeconds / stepSeconds);
}

/** The TOTP code for a moment (RFC 6238). */
export function totpAt(secret: Buffer, unixSeconds: number, options: TotpOptions = {}): string {
  return hotp(
    secret,
    totpStep(unixSeconds, options.stepSeconds),
    options.digits ?? 6,
    options.algorithm ?? 'sha1',
  );
}

/**
 * Checks a code against the current step and one step either side (clock drift), refusing steps
 * at or before `lastUsedStep` so a code cannot be replayed. Returns the matched step.
 */
export function verifyTotp(
  secret: Buffer,
  code: string,
  unixSeconds: number,
  lastUsedStep: number | null,
): number | undefined {
  const current = totpStep(unixSeconds);
  for (const step of [current - 1, current, current + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (hotp(secret, step) === code) return step;
  }
  return undefined;
}

/** A new 160-bit secret, as RFC 4226 recommends. */
export function generateTotpSecret(): Buffer {
  return randomBytes(20);
}

/** RFC 4648 base32 without padding, the form authenticator apps take. */
export function base32Encode(data: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes RFC 4648 base32, tolerating padding and lower case as typed or stored. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new RangeError(`invalid base32 character ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** otpauth:// URI for QR codes in authenticator apps. */
export function otpauthUri(secretBase32: string, account: string, issuer = '上海考录系统'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
