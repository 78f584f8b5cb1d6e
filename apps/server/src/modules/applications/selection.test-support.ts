import type {
  EventPolicy,
  PositionConditions,
  ProfileDocument,
  StageWindow,
} from '@kaolu/contracts';
import ExcelJS from 'exceljs';
import type { KaoluApp } from '../../app';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { POLICY_TEMPLATES } from '../events';
import { insertTestEvent } from '../events/events.test-support';
import { createUnit } from '../events/events.test-support';
import { insertTestPosition, type TestPositionValues } from '../positions/position.test-support';
import {
  createCandidate,
  insertTestRegistration,
  profileDocument,
} from '../registrations/registration.test-support';
import { insertTestSeat } from '../tickets/ticket.test-support';

// Fixtures for the selection stages (position application, review, scores) shared by their tests.
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
// Makes event codes, position codes, room codes and ticket numbers unique within one test run.
let serial = 0;

/** A 面上 event after its written exam: position application and unit review open now. */
export async function createSelectionEvent(
  app: KaoluApp,
  options: { applicationOpen?: boolean; policy?: Partial<EventPolicy>; type?: string } = {},
) {
  const now = Date.now();
  // Closed means the window ended two days ago, to test refusals outside it.
  const open = options.applicationOpen ?? true;
  const schedule: StageWindow[] = [
    {
      stage: 'written_exam',
      startsAt: iso(now - 20 * 24 * HOUR),
      endsAt: iso(now - 20 * 24 * HOUR + 3 * HOUR),
    },
    {
      stage: 'position_application',
      startsAt: iso(now - (open ? 1 : 72) * HOUR),
      endsAt: iso(now + (open ? 72 : -48) * HOUR),
    },
    { stage: 'unit_review', startsAt: iso(now - HOUR), endsAt: iso(now + 240 * HOUR) },
  ];
  // Cloned so a test that tunes its policy cannot change the shared template of later tests.
  const policy = { ...structuredClone(POLICY_TEMPLATES.general), ...options.policy };
  return insertTestEvent(app.kaolu.database.db, {
    code: `S${Date.now().toString(36)}${serial++}`,
    name: '2026年度上海市公务员招录',
    type: options.type ?? 'general',
    year: 2026,
    status: 'in_progress',
    schedule,
    policy,
  });
}

/** A published position of a unit in the event (default: 综合管理类, 本科, 户籍或居住证). */
export async function createPublishedPosition(
  app: KaoluApp,
  eventId: string,
  unitId: string,
  changes: Partial<TestPositionValues> & { conditions?: PositionConditions } = {},
) {
  return insertTestPosition(app.kaolu.database.db, {
    eventId,
    unitId,
    code: `P${String(serial++).padStart(4, '0')}`,
    title: '综合管理岗',
    category: 'comprehensive',
    examCategory: 'comprehensive',
    headcount: 2,
    conditions: { minEducation: 'bachelor', residence: 'hukou_or_permit' },
    status: 'published',
    ...changes,
  });
}

/** A unit (under its department) and a reviewer scoped to it. */
export async function createReviewUnit(
  app: KaoluApp,
  org: AuthHeaders,
  name: string,
  options: { isPolice?: boolean } = {},
) {
  const { unitId, departmentId } = await createUnit(app, org, name, options);
  const reviewer = await loginAs(app, [{ role: 'unit_user', unitId }]);
  return { unitId, departmentId, reviewer: reviewer.headers };
}

/**
 * A candidate with a confirmed exam registration (profile frozen) and an admission ticket, whose
 * hukou the city simulator answers as told (Shanghai unless a permit is given).
 */
export async function createExaminee(
  app: KaoluApp,
  eventId: string,
  options: {
    examCategory?: string;
    subjectCode?: string;
    document?: ProfileDocument;
    permit?: { issuedOn: string; validUntil: string; points: number };
  } = {},
) {
  const person = await createCandidate(app);
  // The city platform simulator (NFR-EXC-1) answers hukou and permit lookups for this ID number.
  const city = app.kaolu.exchange.simulators.city!;
  city.setPerson(
    person.idNumber,
    options.permit
      ? {
          hukou: { shanghaiHukou: false, district: null },
          permit: {
            held: true,
            issuedOn: options.permit.issuedOn,
            validUntil: options.permit.validUntil,
          },
          points: { held: true, points: options.permit.points, standardScore: 120 },
        }
      : { hukou: { shanghaiHukou: true, district: '徐汇区' } },
  );
  const document = options.document ?? profileDocument();
  // Saved through the API so the profile is validated and gets version 1, as the snapshot says.
  const saved = await app.inject({
    method: 'PUT',
    url: '/api/candidate/profile',
    headers: person.headers,
    payload: { document, version: 0 },
  });
  if (saved.statusCode !== 200) throw new Error(`profile save failed: ${saved.body}`);
  const db = app.kaolu.database.db;
  // Inserted directly: the registration, payment and ticket flows have their own tests.
  const registration = await insertTestRegistration(db, {
    eventId,
    candidateId: person.candidateId,
    examCategory: options.examCategory ?? 'comprehensive',
    subjectCode: options.subjectCode ?? null,
    status: 'confirmed',
    checks: [],
    profileVersion: 1,
    profileSnapshot: document,
    policyVersion: 1,
  });
  // A room and seat of its own, so the score import can match the candidate by ticket number.
  const ticketNumber = `T${String(100000 + serial++)}`;
  await insertTestSeat(db, {
    eventId,
    registrationId: registration.id,
    roomCode: `R${serial++}`,
    ticketNumber,
  });
  return { ...person, registrationId: registration.id, ticketNumber };
}

/** An .xlsx of score rows (base64), header first. */
export async function scoreSheet(
  header: string[],
  rows: Array<Array<string | number>>,
): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('成绩');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** Imports scores, sets the line and publishes, as exam institute and org_admin would. */
export async function publishScores(
  app: KaoluApp,
  eventId: string,
  rows: Array<[ticket: string, xingce: number | string, shenlun: number | string]>,
  line = '60',
) {
  // Through the API with the real roles, so audit and permission checks run as in production.
  const institute = (await loginAs(app, 'exam_institute')).headers;
  const org = (await loginAs(app, 'org_admin')).headers;
  const imported = await app.inject({
    method: 'POST',
    url: `/api/admin/events/${eventId}/scores/import`,
    headers: institute,
    payload: { fileBase64: await scoreSheet(['准考证号', '行测', '申论'], rows) },
  });
  if (imported.statusCode !== 200) throw new Error(`import failed: ${imported.body}`);
  await app.inject({
    method: 'PUT',
    url: `/api/admin/events/${eventId}/pass-lines`,
    headers: org,
    payload: { lines: [{ examCategory: 'comprehensive', line }] },
  });
  const published = await app.inject({
    method: 'POST',
    url: `/api/admin/events/${eventId}/scores/publish`,
    headers: org,
    payload: {},
  });
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.body}`);
}
