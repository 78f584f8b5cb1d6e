// Setup for the adjustment browser test, through the real API as each operator would: two
// candidates registered, paid, seated, scored above the line and on no interview list; the lists
// computed. The demo positions had no applicants, so every list is short of its ratio.
import ExcelJS from 'exceljs';
import { jpeg, poll, shanghaiGraduateProfile } from '../applications/selection-setup';
import { createSession, type Session } from '../applications/session';
import { createFirstAdmins, startSmsSink, type SmsSink } from '../support/operators';
import { startServer, type RunningServer } from '../support/server';
import { loginStaff, type StaffClient } from '../support/staff-client';

const HOUR = 3_600_000;
const PASSWORDS = { sys: 'Kaolu#Sys2026', sec: 'Kaolu#Sec2026', org: 'Kaolu#Pw0054x' };
// Born in Xuhui: the city-platform simulator answers "Shanghai hukou" for these ID numbers.
export const APPLICANT = { name: '林子墨', idNumber: '310104199805201235', phone: '13812348811' };
export const UNIFIED = { name: '赵一鸣', idNumber: '310104199903121247', phone: '13812348812' };
export const CANDIDATE_PASSWORD = 'Exam#2026ok';

export type AdjustmentSetup = {
  server: RunningServer;
  org: StaffClient;
  event: { id: string; name: string };
  tickets: { applicant: string; unified: string };
  /** A unit user of one unit, created after the test knows which unit it needs. */
  reviewerOf(unitId: string): Promise<StaffClient>;
  close(): Promise<void>;
};

/** The institute's score workbook: ticket number, 行测, 申论 (综合管理类 sits no professional subject). */
async function scoreSheet(rows: Array<Array<string | number>>): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('成绩');
  sheet.addRow(['准考证号', '行测', '申论']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** A candidate registered for the written exam and paid, as in the registration browser test. */
async function registeredCandidate(
  url: string,
  sms: SmsSink,
  person: typeof APPLICANT,
  eventId: string,
): Promise<{ session: Session; registrationId: string }> {
  const session = createSession(url);
  await session.call('POST', '/api/candidate/auth/sms-code', {
    phone: person.phone,
    purpose: 'register',
  });
  await session.call('POST', '/api/candidate/auth/register', {
    ...person,
    smsCode: await sms.code(person.phone),
    password: CANDIDATE_PASSWORD,
  });
  await session.call('PUT', '/api/candidate/profile', {
    version: 0,
    document: shanghaiGraduateProfile('e2e@example.com'),
  });
  // A confirmed photo is required for registration (REG photo rules).
  const form = new FormData();
  form.append('file', jpeg(), 'photo.jpg');
  await session.call('POST', '/api/candidate/profile/photo', form);
  await session.call('POST', '/api/candidate/profile/photo/confirm');
  const registration = await session.call<{ id: string }>('POST', '/api/candidate/registrations', {
    eventId,
    examCategory: 'comprehensive',
  });
  const notice = await poll(
    () =>
      session.call<{ id: string }>(
        'GET',
        `/api/candidate/registrations/${registration.id}/payment`,
      ),
    'the payment notice',
  );
  await session.call('POST', `/api/candidate/payments/${notice.id}/start`);
  await session.call('POST', `/api/candidate/payments/${notice.id}/simulate`);
  return { session, registrationId: registration.id };
}

/** Starts a server on the demo data and takes its event to computed, confirmed interview lists. */
export async function prepareAdjustment(): Promise<AdjustmentSetup> {
  const sms = await startSmsSink();
  const admins = await createFirstAdmins('adjustment', {
    sysAdmin: '13900000051',
    secAdmin: '13900000052',
    auditor: '13900000053',
  });
  const env = { SMS_PROVIDER: 'http', SMS_HTTP_URL: sms.url, JOBS_POLL_MS: '200' };
  const server = await startServer(env, { dataDir: admins.dataDir });
  const fail = async (error: unknown) => {
    await server.stop();
    sms.close();
    throw error;
  };
  try {
    const otp = (role: 'sys_admin' | 'sec_admin') => admins.oneTimePassword(role);
    const sys = await loginStaff(
      server.url,
      'sysadm',
      otp('sys_admin'),
      sms.codeFor('13900000051'),
      PASSWORDS.sys,
    );
    const sec = await loginStaff(
      server.url,
      'secadm',
      otp('sec_admin'),
      sms.codeFor('13900000052'),
      PASSWORDS.sec,
    );
    // Staff are made as an operator would: sys_admin creates the user, sec_admin grants the role.
    const staff = async (
      username: string,
      phone: string,
      grant: { role: string; unitId?: string },
      password?: string,
    ) => {
      const user = await sys.call<{ userId: string; oneTimePassword: string }>(
        'POST',
        '/api/staff-users',
        {
          username,
          displayName: username,
          phone,
        },
      );
      await sec.call('POST', '/api/role-grants', { staffUserId: user.userId, ...grant });
      return loginStaff(
        server.url,
        username,
        user.oneTimePassword,
        sms.codeFor(phone),
        password ?? `Kaolu#Pw${phone.slice(-4)}x`,
      );
    };
    const org = await staff('orgadj', '13900000054', { role: 'org_admin' }, PASSWORDS.org);
    const institute = await staff('examadj', '13900000055', { role: 'exam_institute' });
    const events = await org.call<{ items: Array<{ id: string; name: string; status: string }> }>(
      'GET',
      '/api/admin/events?page=1&pageSize=20',
    );
    const event = events.items.find((e) => e.status === 'registration')!;
    const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
    await org.call('PATCH', `/api/admin/events/${event.id}`, {
      schedule: [
        { stage: 'exam_registration', startsAt: at(-1), endsAt: at(24) },
        { stage: 'payment', startsAt: at(-1), endsAt: at(24) },
      ],
    });
    // Two candidates of 综合管理类: one applies in the public round, the other waits for the unified one.
    const a = await registeredCandidate(server.url, sms, APPLICANT, event.id);
    const b = await registeredCandidate(server.url, sms, UNIFIED, event.id);
    // Seats after payment closes; the exam then took place and its results are published.
    await org.call('POST', `/api/admin/events/${event.id}/deadlines`, {
      stage: 'payment',
      endsAt: new Date().toISOString(),
      reason: '缴费截止，编排考场',
    });
    await org.call('POST', `/api/admin/events/${event.id}/exam-rooms`, {
      examCategory: 'comprehensive',
      siteName: '上海市第二中学',
      siteAddress: '上海市黄浦区南昌路50号',
      roomCode: '8',
      capacity: 30,
    });
    await org.call('POST', `/api/admin/events/${event.id}/seat-assignments`, {
      seed: 'e2e-adjustment-2026',
    });
    const ticketOf = (c: typeof a) =>
      poll(
        () =>
          c.session.call<{ ticketNumber: string }>(
            'GET',
            `/api/candidate/registrations/${c.registrationId}/ticket`,
          ),
        'the admission ticket',
      );
    // Ticket numbers identify the candidates on staff pages (准考证号 and masked name).
    const tickets = {
      applicant: (await ticketOf(a)).ticketNumber,
      unified: (await ticketOf(b)).ticketNumber,
    };
    await org.call('PATCH', `/api/admin/events/${event.id}`, {
      schedule: [
        { stage: 'exam_registration', startsAt: at(-30 * 24), endsAt: at(-25 * 24) },
        { stage: 'payment', startsAt: at(-30 * 24), endsAt: at(-24 * 24) },
        { stage: 'admission_ticket', startsAt: at(-23 * 24), endsAt: at(-20 * 24) },
        { stage: 'written_exam', startsAt: at(-20 * 24), endsAt: at(-20 * 24 + 3) },
        { stage: 'position_application', startsAt: at(-10 * 24), endsAt: at(-5 * 24) },
        { stage: 'unit_review', startsAt: at(-5 * 24), endsAt: at(-1) },
      ],
    });
    // 71.00 and 68.00 against a line of 60: both may be adjusted, and neither applied to a position.
    await institute.call('POST', `/api/admin/events/${event.id}/scores/import`, {
      fileBase64: await scoreSheet([
        [tickets.applicant, 72, 70],
        [tickets.unified, 68, 68],
      ]),
    });
    await org.call('PUT', `/api/admin/events/${event.id}/pass-lines`, {
      lines: [{ examCategory: 'comprehensive', line: '60' }],
    });
    await org.call('POST', `/api/admin/events/${event.id}/scores/publish`, {});
    await org.call('POST', `/api/admin/events/${event.id}/interview-lists/compute`, {});
    // The org confirms every computed list (its page is tested in e2e/interview-lists).
    await org.call('POST', `/api/admin/events/${event.id}/interview-lists/confirm`, {});
    // The reviewer's unit is known only once the candidate has chosen a position.
    const reviewerOf = async (unitId: string) => {
      const user = await sys.call<{ userId: string; oneTimePassword: string }>(
        'POST',
        '/api/staff-users',
        {
          username: 'unitadj',
          displayName: '单位人事处',
          phone: '13900000056',
        },
      );
      await sec.call('POST', '/api/role-grants', {
        staffUserId: user.userId,
        role: 'unit_user',
        unitId,
      });
      return loginStaff(
        server.url,
        'unitadj',
        user.oneTimePassword,
        sms.codeFor('13900000056'),
        'Kaolu#Pw0056x',
      );
    };
    return {
      server,
      org,
      event,
      tickets,
      reviewerOf,
      close: async () => {
        await server.stop();
        sms.close();
      },
    };
  } catch (error) {
    return fail(error);
  }
}
