// Setup for the selection browser test, through the real API as each operator would: staff accounts,
// a candidate who registered, paid and got a ticket, scores imported, the line set and published.
import ExcelJS from 'exceljs';
import { loginStaff, type StaffClient } from '../support/staff-client';
import { createFirstAdmins, startSmsSink } from '../support/operators';
import { startServer, type RunningServer } from '../support/server';
import { createSession, type Session } from './session';

const HOUR = 3_600_000;
// Born in Xuhui: the city-platform simulator answers "Shanghai hukou" for this ID number.
export const CANDIDATE = {
  name: '陈思远',
  idNumber: '310104199805201235',
  phone: '13812348801',
  password: 'Exam#2026ok',
};

export type Selection = {
  server: RunningServer;
  org: StaffClient;
  reviewer: StaffClient;
  candidate: Session;
  event: { id: string; name: string };
  position: { id: string; code: string; title: string; unitName: string };
  /** Another staff account (created, granted, signed in) for specs that need one more operator. */
  staff(
    username: string,
    displayName: string,
    phone: string,
    grant: { role: string; unitId?: string },
  ): Promise<StaffClient>;
  close(): Promise<void>;
};

/** A minimal but real JPEG (SOF0 120×160), enough for the photo rules. */
export function jpeg(): Blob {
  const sof = [
    0xff, 0xc0, 0x00, 0x11, 0x08, 0, 160, 0, 120, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
  ];
  const head = [
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0x00,
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
    ...sof,
  ];
  return new Blob([new Uint8Array([...head, ...new Array<number>(4000).fill(0x55), 0xff, 0xd9])], {
    type: 'image/jpeg',
  });
}

async function scoreSheet(rows: Array<Array<string | number>>): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('成绩');
  sheet.addRow(['准考证号', '行测', '申论']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** The profile of a Shanghai-hukou bachelor (华东师范大学), as the candidate fills it in to register. */
export function shanghaiGraduateProfile(email: string) {
  return {
    contact: { email, address: '上海市徐汇区漕溪北路100弄5号', postalCode: '200030' },
    politicalStatus: 'cyl_member',
    hukou: { type: 'shanghai', place: '上海市徐汇区' },
    residencePermit: null,
    education: [
      {
        level: 'bachelor',
        degree: 'bachelor',
        school: '华东师范大学',
        major: '汉语言文学',
        startDate: '2016-09-01',
        endDate: '2020-07-01',
        fullTime: true,
      },
    ],
    work: [],
    abroad: [],
    awards: [],
    studentLeader: [],
    attachments: [],
  };
}

export async function poll<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Starts a server with the demo data and takes the demo event from exam registration to published
 * scores for one candidate (行测 72.5, 申论 68: 70.25 against a line of 60), with the position application window open.
 */
export async function prepareSelection(): Promise<Selection> {
  const smsBox = await startSmsSink();
  const admins = await createFirstAdmins('applications', {
    sysAdmin: '13900000041',
    secAdmin: '13900000042',
    auditor: '13900000043',
  });
  const otp = (role: string) => admins.oneTimePassword(role as 'sys_admin');
  const server = await startServer(
    { SMS_PROVIDER: 'http', SMS_HTTP_URL: smsBox.url, JOBS_POLL_MS: '200' },
    { dataDir: admins.dataDir },
  );
  const close = async () => {
    await server.stop();
    smsBox.close();
  };
  try {
    return { server, ...(await prepareData(server, smsBox.codeFor, otp)), close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function prepareData(
  server: RunningServer,
  codeFor: (phone: string) => () => Promise<string>,
  otp: (role: string) => string,
) {
  const sys = await loginStaff(
    server.url,
    'sysadm',
    otp('sys_admin'),
    codeFor('13900000041'),
    'Kaolu#Sys2026',
  );
  const sec = await loginStaff(
    server.url,
    'secadm',
    otp('sec_admin'),
    codeFor('13900000042'),
    'Kaolu#Sec2026',
  );
  const staff = async (
    username: string,
    displayName: string,
    phone: string,
    grant: { role: string; unitId?: string },
  ) => {
    const user = await sys.call<{ userId: string; oneTimePassword: string }>(
      'POST',
      '/api/staff-users',
      { username, displayName, phone },
    );
    await sec.call('POST', '/api/role-grants', { staffUserId: user.userId, ...grant });
    return loginStaff(
      server.url,
      username,
      user.oneTimePassword,
      codeFor(phone),
      `Kaolu#Pw${phone.slice(-4)}x`,
    );
  };
  const org = await staff('orgsel', '组织部考录处', '13900000044', { role: 'org_admin' });
  const institute = await staff('examinst', '考试院', '13900000045', { role: 'exam_institute' });

  const events = await org.call<{ items: Array<{ id: string; name: string; status: string }> }>(
    'GET',
    '/api/admin/events?page=1&pageSize=20',
  );
  const event = events.items.find((e) => e.status === 'registration')!;
  const now = Date.now();
  const at = (hours: number) => new Date(now + hours * HOUR).toISOString();
  await org.call('PATCH', `/api/admin/events/${event.id}`, {
    schedule: [
      { stage: 'exam_registration', startsAt: at(-1), endsAt: at(24) },
      { stage: 'payment', startsAt: at(-1), endsAt: at(24) },
    ],
  });

  // The candidate registers for the written exam and pays, as in the registration browser test.
  const candidate = createSession(server.url);
  await candidate.call('POST', '/api/candidate/auth/sms-code', {
    phone: CANDIDATE.phone,
    purpose: 'register',
  });
  await candidate.call('POST', '/api/candidate/auth/register', {
    name: CANDIDATE.name,
    idNumber: CANDIDATE.idNumber,
    phone: CANDIDATE.phone,
    smsCode: await codeFor(CANDIDATE.phone)(),
    password: CANDIDATE.password,
  });
  await candidate.call('PUT', '/api/candidate/profile', {
    version: 0,
    document: shanghaiGraduateProfile('csy@example.com'),
  });
  const form = new FormData();
  form.append('file', jpeg(), 'photo.jpg');
  await candidate.call('POST', '/api/candidate/profile/photo', form);
  await candidate.call('POST', '/api/candidate/profile/photo/confirm');
  const registration = await candidate.call<{ id: string }>(
    'POST',
    '/api/candidate/registrations',
    { eventId: event.id, examCategory: 'comprehensive' },
  );
  const notice = await poll(
    () =>
      candidate.call<{ id: string }>(
        'GET',
        `/api/candidate/registrations/${registration.id}/payment`,
      ),
    'the payment notice',
  );
  await candidate.call('POST', `/api/candidate/payments/${notice.id}/start`);
  await candidate.call('POST', `/api/candidate/payments/${notice.id}/simulate`);

  // Seats are drawn after payment closes; the exam then took place and its results are published.
  await org.call('POST', `/api/admin/events/${event.id}/deadlines`, {
    stage: 'payment',
    endsAt: new Date().toISOString(),
    reason: '缴费截止，编排考场',
  });
  await org.call('POST', `/api/admin/events/${event.id}/exam-rooms`, {
    examCategory: 'comprehensive',
    siteName: '上海市第二中学',
    siteAddress: '上海市黄浦区南昌路50号',
    roomCode: '7',
    capacity: 30,
  });
  await org.call('POST', `/api/admin/events/${event.id}/seat-assignments`, {
    seed: 'e2e-applications-2026',
  });
  const ticket = await poll(
    () =>
      candidate.call<{ ticketNumber: string }>(
        'GET',
        `/api/candidate/registrations/${registration.id}/ticket`,
      ),
    'the admission ticket',
  );
  await org.call('PATCH', `/api/admin/events/${event.id}`, {
    schedule: [
      { stage: 'exam_registration', startsAt: at(-30 * 24), endsAt: at(-25 * 24) },
      { stage: 'payment', startsAt: at(-30 * 24), endsAt: at(-24 * 24) },
      { stage: 'admission_ticket', startsAt: at(-23 * 24), endsAt: at(-20 * 24) },
      { stage: 'written_exam', startsAt: at(-20 * 24), endsAt: at(-20 * 24 + 3) },
      { stage: 'position_application', startsAt: at(-1), endsAt: at(72) },
      { stage: 'unit_review', startsAt: at(-1), endsAt: at(240) },
    ],
  });
  await institute.call('POST', `/api/admin/events/${event.id}/scores/import`, {
    fileBase64: await scoreSheet([[ticket.ticketNumber, 72.5, 68]]),
  });
  await org.call('PUT', `/api/admin/events/${event.id}/pass-lines`, {
    lines: [{ examCategory: 'comprehensive', line: '60' }],
  });
  await org.call('POST', `/api/admin/events/${event.id}/scores/publish`, {});

  // A demo position of his category whose conditions he meets, and a reviewer of its unit.
  const found = await candidate.call<{
    items: Array<{ id: string; code: string; title: string; unitName: string }>;
  }>('GET', `/api/public/positions?eventId=${event.id}&category=comprehensive&page=1&pageSize=100`);
  let position: (typeof found.items)[number] | undefined;
  for (const p of found.items) {
    const check = await candidate
      .call<{ eligible: boolean }>('POST', '/api/candidate/applications/precheck', {
        eventId: event.id,
        positionId: p.id,
      })
      .catch(() => ({ eligible: false }));
    if (check.eligible) {
      position = p;
      break;
    }
  }
  if (!position) throw new Error('no demo position the candidate may apply to');
  const units = await org.call<{ items: Array<{ id: string; name: string }> }>(
    'GET',
    `/api/admin/units?keyword=${encodeURIComponent(position.unitName)}`,
  );
  const unitId = units.items.find((u) => u.name === position.unitName)!.id;
  const reviewer = await staff('unitrev', '单位人事处', '13900000046', {
    role: 'unit_user',
    unitId,
  });

  return { org, reviewer, candidate, event, position, staff };
}
