import type { StaffRole } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { KaoluApp } from '../../app';
import { headersFor } from '../../test-support/login-as';
import { cookieValue, latestSmsCode } from '../../test-support/login-as';
import { roleGrant, staffUser } from './identity.table';
import { SESSION_COOKIE } from './session.service';

export const GOOD_PASSWORD = 'Kaolu#2026ok';

/** A staff user with a known, current password (not one-time), optional roles and phone. */
export async function createStaffWithPassword(
  app: KaoluApp,
  input: { username: string; phone?: string; roles?: StaffRole[]; password?: string },
) {
  const { identity, database } = app.kaolu;
  const created = await identity.staffUsers.create(
    { username: input.username, displayName: '测试', phone: input.phone ?? '13900000000' },
    { kind: 'system', id: 'test' },
  );
  const hash = await identity.hasher.hash(input.password ?? GOOD_PASSWORD);
  await database.db
    .update(staffUser)
    .set({ passwordHash: hash, oneTimePasswordExpiresAt: null })
    .where(eq(staffUser.id, created.userId));
  for (const role of input.roles ?? [])
    await database.db
      .insert(roleGrant)
      .values({ staffUserId: created.userId, role, grantedBy: 'test' });
  return { id: created.userId, oneTimePassword: created.oneTimePassword };
}

/** Both login steps through HTTP with the SMS code from the outbox; returns the active session headers. */
export async function staffLoginWithSms(
  app: KaoluApp,
  username: string,
  phone: string,
  password = GOOD_PASSWORD,
) {
  const first = await app.inject({
    method: 'POST',
    url: '/api/staff/auth/login',
    payload: { username, password },
  });
  if (first.statusCode !== 200) throw new Error(`login step 1: ${first.body}`);
  const pending = headersFor(app, cookieValue(first, SESSION_COOKIE)!);
  const sent = await app.inject({
    method: 'POST',
    url: '/api/staff/auth/second-factor/sms',
    headers: pending,
  });
  if (sent.statusCode !== 200) throw new Error(`send code: ${sent.body}`);
  const code = await latestSmsCode(app, phone);
  const verified = await app.inject({
    method: 'POST',
    url: '/api/staff/auth/second-factor/verify',
    headers: pending,
    payload: { method: 'sms', code },
  });
  if (verified.statusCode !== 200) throw new Error(`verify: ${verified.body}`);
  return {
    headers: headersFor(app, cookieValue(verified, SESSION_COOKIE)!),
    account: verified.json(),
    pending,
  };
}
