import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFirstAdmins, startSmsSink, type SmsSink } from '../support/operators';
import { startServer, type RunningServer } from '../support/server';
import { loginStaff, type StaffClient } from '../support/staff-client';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The three first administrators' phones of one spec (each spec has its own numbers). */
export type AdminPhones = { sysAdmin: string; secAdmin: string; auditor: string };

export type Venue<F> = {
  server: RunningServer;
  sms: SmsSink;
  /** What the fixture script printed on its last line (ids the spec works with). */
  fixture: F;
  /**
   * A staff member holding these roles in the fixture's interview event only, signed in with his
   * new password. Accounts and grants have their own browser tests: here they go through the API,
   * as sys_admin creates the user and sec_admin grants the roles (三权分立).
   */
  staff(
    username: string,
    phone: string,
    roles: readonly string[],
    password: string,
    displayName?: string,
  ): Promise<StaffClient>;
  close(): Promise<void>;
};

/**
 * An interview venue for a browser test (IVW-01 … IVW-09): an SMS sink, the first administrators,
 * the fixture script's interview rows written into the data folder before the server owns it, then
 * the server on that data without the demo seed.
 */
export async function openVenue<F extends { eventId: string }>(
  name: string,
  phones: AdminPhones,
  fixtureScript: string,
): Promise<Venue<F>> {
  const sms = await startSmsSink();
  const admins = await createFirstAdmins(name, phones);
  const out = execFileSync('npx', ['tsx', fixtureScript], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: admins.dataDir, NODE_ENV: 'development' },
    encoding: 'utf8',
  });
  const fixture = JSON.parse(out.trim().split('\n').at(-1)!) as F;
  const server = await startServer(
    { SMS_PROVIDER: 'http', SMS_HTTP_URL: sms.url, SEED_DEMO: 'false' },
    { dataDir: admins.dataDir },
  );
  const otp = admins.oneTimePassword;
  const sys = await loginStaff(
    server.url,
    'sysadm',
    otp('sys_admin'),
    sms.codeFor(phones.sysAdmin),
    'Kaolu#Sys2026',
  );
  const sec = await loginStaff(
    server.url,
    'secadm',
    otp('sec_admin'),
    sms.codeFor(phones.secAdmin),
    'Kaolu#Sec2026',
  );
  return {
    server,
    sms,
    fixture,
    async staff(username, phone, roles, password, displayName = username) {
      const user = await sys.call<{ userId: string; oneTimePassword: string }>(
        'POST',
        '/api/staff-users',
        { username, displayName, phone },
      );
      for (const role of roles)
        await sec.call('POST', '/api/role-grants', {
          staffUserId: user.userId,
          role,
          eventId: fixture.eventId,
        });
      return loginStaff(server.url, username, user.oneTimePassword, sms.codeFor(phone), password);
    },
    async close() {
      await server.stop();
      sms.close();
    },
  };
}
