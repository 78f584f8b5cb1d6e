import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error';
import { normaliseIp } from '../../platform/auth/client-ip';
import { scopeAllows, scopeOf } from '../../platform/auth/permission-scope';
import { ipMatches, parseCidr } from './ip-allowlist.service';
import { createPasswordHasher } from './password-hasher';
import { checkPasswordPolicy } from './password-policy';
import { base32Decode, base32Encode, hotp, totpAt, verifyTotp } from './totp';
import type { CryptoProvider } from '../../platform/crypto';

describe('password policy (NFR-SEC-1)', () => {
  it('accepts 8+ characters with 3 of the 4 classes', () => {
    expect(checkPasswordPolicy('Abcdefg1')).toEqual([]);
    expect(checkPasswordPolicy('abcdef1#')).toEqual([]);
  });

  it('names exactly what is missing', () => {
    expect(checkPasswordPolicy('abcdefgh')).toEqual([
      '密码须包含大写字母、小写字母、数字、特殊符号中的至少3类，还缺少2类（可添加：大写字母、数字、特殊符号）',
    ]);
    expect(checkPasswordPolicy('Ab1#')).toEqual(['密码长度至少8位，当前只有4位']);
    expect(checkPasswordPolicy('Zhang#2026', { username: 'zhang' })).toEqual([
      '密码不能包含用户名',
    ]);
  });
});

describe('TOTP (RFC 6238 appendix B test vectors)', () => {
  const sha1 = Buffer.from('12345678901234567890');
  const sha256 = Buffer.from('12345678901234567890123456789012');
  const sha512 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234');
  const vectors: Array<[number, string, string, string]> = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];

  it.each(vectors)(
    'at T=%i gives the RFC codes for SHA-1, SHA-256 and SHA-512',
    (time, c1, c256, c512) => {
      expect(totpAt(sha1, time, { digits: 8 })).toBe(c1);
      expect(totpAt(sha256, time, { digits: 8, algorithm: 'sha256' })).toBe(c256);
      expect(totpAt(sha512, time, { digits: 8, algorithm: 'sha512' })).toBe(c512);
    },
  );

  it('matches the RFC 4226 HOTP values and refuses a replayed or stale step', () => {
    expect([0, 1, 9].map((c) => hotp(sha1, c))).toEqual(['755224', '287082', '520489']);
    const now = 1_700_000_000;
    const code = totpAt(sha1, now);
    const step = verifyTotp(sha1, code, now, null);
    expect(step).toBe(Math.floor(now / 30));
    expect(verifyTotp(sha1, code, now, step!)).toBeUndefined();
    expect(verifyTotp(sha1, totpAt(sha1, now - 90), now, null)).toBeUndefined();
  });

  it('round-trips base32 (RFC 4648)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
  });
});

describe('IP allowlist matching (REG-07)', () => {
  it('matches IPv4, IPv6 and IPv4-mapped addresses against CIDRs', () => {
    expect(ipMatches('10.2.3.4', ['10.0.0.0/8'])).toBe(true);
    expect(ipMatches('11.0.0.1', ['10.0.0.0/8'])).toBe(false);
    expect(ipMatches('::ffff:10.2.3.4', ['10.0.0.0/8'])).toBe(true);
    expect(ipMatches('2001:db8::1', ['2001:db8::/32'])).toBe(true);
    expect(ipMatches('2001:db9::1', ['2001:db8::/32'])).toBe(false);
    expect(ipMatches('192.0.2.7', ['192.0.2.7'])).toBe(true);
  });

  it('normalises entries and refuses malformed ones', () => {
    expect(parseCidr('192.0.2.7')?.cidr).toBe('192.0.2.7/32');
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0/8')).toBeUndefined();
    expect(parseCidr('not-an-ip')).toBeUndefined();
    expect(normaliseIp('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('permission scopes', () => {
  it('makes an unscoped grant global and a unit grant unit-only', () => {
    const perms = new Set(['job.read'] as const);
    const global = scopeOf(
      {
        kind: 'staff',
        id: 'a',
        username: 'a',
        permissions: perms,
        grants: [{ role: 'org_admin', unitId: null, eventId: null, permissions: perms }],
      },
      'job.read',
    );
    expect(global).toEqual({ all: true });
    const unit = scopeOf(
      {
        kind: 'staff',
        id: 'a',
        username: 'a',
        permissions: perms,
        grants: [{ role: 'unit_user', unitId: 'u1', eventId: null, permissions: perms }],
      },
      'job.read',
    );
    expect(scopeAllows(unit, { unitId: 'u1', eventId: 'e1' })).toBe(true);
    expect(scopeAllows(unit, { unitId: 'u2', eventId: 'e1' })).toBe(false);
    expect(scopeOf({ kind: 'candidate', id: 'c' }, 'job.read')).toEqual({
      all: false,
      entries: [],
    });
  });
});

describe('password hashing under load', () => {
  // A stand-in provider with Node's own PBKDF2-SM3, so only the hasher's queueing is under test.
  const crypto = {
    pbkdf2Sm3: (password: string, salt: Uint8Array, iterations: number, length: number) =>
      new Promise<string>((resolve, reject) =>
        pbkdf2(password, salt, iterations, length, 'sm3', (e, k) =>
          e ? reject(e) : resolve(k.toString('hex')),
        ),
      ),
  } as unknown as CryptoProvider;

  it('stores PBKDF2-HMAC-SM3 with at least 100 000 iterations and its parameters, and flags a rehash', async () => {
    const hasher = createPasswordHasher({
      crypto,
      iterations: 100_000,
      concurrency: 2,
      queueTimeoutMs: 10_000,
      queueMax: 10,
    });
    const stored = await hasher.hash('Secret#123');
    const [scheme, iterations, salt, hash] = stored.split('$');
    expect(scheme).toBe('pbkdf2-sm3');
    expect(Number(iterations)).toBeGreaterThanOrEqual(100_000);
    expect(hash).toBe(
      pbkdf2Sync('Secret#123', Buffer.from(salt!, 'hex'), 100_000, 32, 'sm3').toString('hex'),
    );
    expect(await hasher.verify('Secret#123', stored)).toEqual({ ok: true, needsRehash: false });
    expect(await hasher.verify('Secret#124', stored)).toEqual({ ok: false, needsRehash: false });
    const stronger = createPasswordHasher({
      crypto,
      iterations: 120_000,
      concurrency: 2,
      queueTimeoutMs: 10_000,
      queueMax: 10,
    });
    expect(await stronger.verify('Secret#123', stored)).toEqual({ ok: true, needsRehash: true });
  });

  it('answers 503 SERVICE_BUSY to hashes that wait too long or find the queue full, keeping the event loop free', async () => {
    const hasher = createPasswordHasher({
      crypto,
      iterations: 100_000,
      concurrency: 1,
      queueTimeoutMs: 30,
      queueMax: 3,
    });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => hasher.hash('Secret#123')),
    );
    clearInterval(timer);
    const busy = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason);
    expect(results[0]!.status).toBe('fulfilled');
    expect(busy.length).toBeGreaterThanOrEqual(5 - 1);
    for (const error of busy) expect(error).toBeInstanceOf(AppError);
    expect(busy[0]).toMatchObject({
      code: 'COMMON.SERVICE_BUSY',
      status: 503,
      message: '系统繁忙，请稍后再试',
    });
    // The timer kept firing while hashing ran on the thread pool.
    expect(ticks).toBeGreaterThan(3);
  });
});
