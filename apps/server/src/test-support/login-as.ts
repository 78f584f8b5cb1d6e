import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@kaolu/contracts';
import { desc, eq } from 'drizzle-orm';
import type { KaoluApp } from '../app';
import { insertTestCandidate } from '../modules/candidates/candidate.test-support';
import { insertTestStaffUser } from '../modules/identity/staff.test-support';
import type { AuditEntryInput, AuditLog } from '../platform/audit/audit.types';
import { CSRF_HEADER } from '../platform/auth/csrf';
import { smsMessage } from '../platform/sms/sms.table';

/** Headers that make app.inject act as a signed-in browser: session cookie and CSRF header. */
export type AuthHeaders = { cookie: string; [CSRF_HEADER]: string };

export type GrantSpec = {
  role: StaffRole;
  unitId?: string | null;
  eventId?: string | null;
  venueId?: string | null;
  sessionId?: string | null;
};

let counter = 0;
// A well-formed hash nobody can log in with: test users made here never use the password path.
const UNUSABLE_HASH = `pbkdf2-sm3$100000$${'00'.repeat(16)}$${'00'.repeat(32)}`;

/** Headers for a session token, as the web client would send them. */
export function headersFor(app: KaoluApp, token: string): AuthHeaders {
  return {
    cookie: `kaolu_session=${token}`,
    [CSRF_HEADER]: app.kaolu.identity.sessions.csrfTokenFor(token),
  };
}

/**
 * A staff user with the given roles (or none) and an active session, without the password and
 * second-factor steps, so permission tests stay fast. Returns the user id and request headers.
 */
export async function loginAs(
  app: KaoluApp,
  roles: StaffRole | readonly (StaffRole | GrantSpec)[] = [],
) {
  const db = app.kaolu.database.db;
  const username = `t${Date.now().toString(36)}${(counter++).toString(36)}`;
  const specs = (typeof roles === 'string' ? [roles] : roles).map((r) =>
    typeof r === 'string' ? { role: r } : r,
  );
  const user = await insertTestStaffUser(
    db,
    { username, displayName: '测试用户', passwordHash: UNUSABLE_HASH },
    specs,
  );
  const { token } = await app.kaolu.identity.sessions.create({
    subjectKind: 'staff',
    subjectId: user.id,
    stage: 'active',
    ip: '127.0.0.1',
  });
  return { userId: user.id, username, token, headers: headersFor(app, token) };
}

/** A candidate row with an active session (no password), for candidate-route tests. */
export async function loginAsCandidate(app: KaoluApp) {
  const { crypto, database } = app.kaolu;
  const id = randomUUID();
  const n = String(100_000_000 + counter++).slice(-8);
  const ad = (column: string) => ({ table: 'candidate', column, rowId: id });
  await insertTestCandidate(database.db, {
    id,
    name: '测试考生',
    gender: 'female',
    birthDate: '1998-01-01',
    idNumberEnc: crypto.encryptField(`31010119980101${n.slice(-4)}`, ad('id_number')),
    idNumberBidx: crypto.blindIndex('id_number', `TEST${id}`),
    phoneEnc: crypto.encryptField(`139${n}`, ad('phone')),
    phoneBidx: crypto.blindIndex('phone', `139${n}`),
  });
  const { token } = await app.kaolu.identity.sessions.create({
    subjectKind: 'candidate',
    subjectId: id,
    stage: 'active',
    ip: '127.0.0.1',
  });
  return { candidateId: id, token, headers: headersFor(app, token) };
}

/** An in-memory AuditLog for HTTP tests: assert on `entries` (the signed log has its own tests). */
export function createAuditRecorder(): AuditLog & {
  entries: AuditEntryInput[];
  actions(): string[];
} {
  const entries: AuditEntryInput[] = [];
  return {
    entries,
    record: async (_tx, entry) => {
      entries.push(entry);
    },
    actions: () => entries.map((e) => e.action),
  };
}

/** The 6-digit code of the newest SMS to a phone, read from the outbox as a person would from the phone. */
export async function latestSmsCode(app: KaoluApp, phone: string): Promise<string> {
  const [row] = await app.kaolu.database.db
    .select({ content: smsMessage.content })
    .from(smsMessage)
    .where(eq(smsMessage.phoneBidx, app.kaolu.crypto.blindIndex('phone', phone)))
    .orderBy(desc(smsMessage.createdAt))
    .limit(1);
  const code = /(\d{6})/.exec(row?.content ?? '')?.[1];
  if (!code) throw new Error(`no SMS code sent to ${phone}`);
  return code;
}

/** The Set-Cookie value of a cookie in an inject response. */
export function cookieValue(
  response: { cookies: Array<{ name: string; value: string }> },
  name: string,
): string | undefined {
  return response.cookies.find((c) => c.name === name)?.value;
}
