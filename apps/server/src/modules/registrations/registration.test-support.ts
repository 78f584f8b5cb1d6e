import { randomUUID } from 'node:crypto';
import { POLICY_TEMPLATES } from '../events';
import type { EventPolicy, ProfileDocument, StageWindow } from '@kaolu/contracts';
import { idNumberCheckDigit } from '@kaolu/domain';
import { eq } from 'drizzle-orm';
import type { KaoluApp } from '../../app';
import type { DbOrTx } from '../../db/client';
import { insertTestCandidate } from '../candidates/candidate.test-support';
import { insertTestEvent } from '../events/events.test-support';
import { headersFor } from '../../test-support/login-as';
import { examRegistration } from './registration.table';

// Keeps event codes, ID numbers, phones and multipart boundaries unique within a test run.
let serial = 0;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A 面上 event whose exam-registration and payment windows are open now (policy from the template). */
export async function createOpenEvent(app: KaoluApp, changes: Partial<EventPolicy> = {}) {
  const now = Date.now();
  const schedule: StageWindow[] = [
    { stage: 'exam_registration', startsAt: iso(now - DAY), endsAt: iso(now + 2 * DAY) },
    { stage: 'payment', startsAt: iso(now - DAY), endsAt: iso(now + 3 * DAY) },
    { stage: 'admission_ticket', startsAt: iso(now + 5 * DAY), endsAt: iso(now + 9 * DAY) },
    {
      stage: 'written_exam',
      startsAt: iso(now + 10 * DAY),
      endsAt: iso(now + 10 * DAY + 3 * 3_600_000),
    },
  ];
  const policy = { ...structuredClone(POLICY_TEMPLATES.general), ...changes };
  return insertTestEvent(app.kaolu.database.db, {
    code: `E${Date.now().toString(36)}${serial++}`,
    name: '2026年度上海市公务员招录',
    type: 'general',
    year: 2026,
    status: 'registration',
    schedule,
    policy,
  });
}

/** A real-name-registered candidate with a valid ID number (born on `birthDate`) and a session. */
export async function createCandidate(
  app: KaoluApp,
  options: { birthDate?: string; region?: string; name?: string } = {},
) {
  const { crypto, database } = app.kaolu;
  const birthDate = options.birthDate ?? '1998-05-20';
  const seq = String(100 + (serial++ % 800)).padStart(3, '0');
  const first17 = `${options.region ?? '310104'}${birthDate.replaceAll('-', '')}${seq}`;
  // A valid check digit, so the ID passes the same validation as a real one.
  const idNumber = first17 + idNumberCheckDigit(first17);
  const phone = `139${String(10_000_000 + serial * 7919).slice(-8)}`;
  const id = randomUUID();
  // Encrypted and blind-indexed exactly as identity stores a real candidate (NFR-SEC-2).
  const ad = (column: string) => ({ table: 'candidate', column, rowId: id });
  await insertTestCandidate(database.db, {
    id,
    name: options.name ?? '王小明',
    gender: 'male',
    birthDate,
    idNumberEnc: crypto.encryptField(idNumber, ad('id_number')),
    idNumberBidx: crypto.blindIndex('id_number', idNumber),
    phoneEnc: crypto.encryptField(phone, ad('phone')),
    phoneBidx: crypto.blindIndex('phone', phone),
  });
  const { token } = await app.kaolu.identity.sessions.create({
    subjectKind: 'candidate',
    subjectId: id,
    stage: 'active',
    ip: '127.0.0.1',
  });
  return { candidateId: id, idNumber, headers: headersFor(app, token) };
}

/** A complete profile document; `education` defaults to a full-time bachelor's degree. */
export function profileDocument(changes: Partial<ProfileDocument> = {}): ProfileDocument {
  return {
    contact: {
      email: 'wxm@example.com',
      address: '上海市徐汇区漕溪北路100弄5号',
      postalCode: '200030',
    },
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
    ...changes,
  };
}

/** A minimal baseline JPEG header of the given pixel size, padded to `bytes`. */
export function jpegOf(width: number, height: number, bytes = 2048): Buffer {
  // SOF0 segment: 8-bit samples, height and width, three components (what jpeg-size reads).
  const sof = [
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ];
  // SOI and a JFIF APP0 segment before the SOF0, then filler and EOI.
  const head = Buffer.from([
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
  ]);
  return Buffer.concat([
    head,
    Buffer.alloc(Math.max(0, bytes - head.length - 2), 0x55),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A multipart/form-data body with one file field, for app.inject. */
export function multipartOf(file: Buffer, filename = 'photo.jpg') {
  const boundary = `----kaolu${serial++}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Saves the profile and uploads and confirms a valid photo: the candidate is ready to register. */
export async function prepareCandidate(
  app: KaoluApp,
  headers: Record<string, string>,
  document = profileDocument(),
) {
  const saved = await app.inject({
    method: 'PUT',
    url: '/api/candidate/profile',
    headers,
    payload: { document, version: 0 },
  });
  if (saved.statusCode !== 200) throw new Error(`profile save failed: ${saved.body}`);
  const upload = multipartOf(jpegOf(120, 160));
  const photo = await app.inject({
    method: 'POST',
    url: '/api/candidate/profile/photo',
    headers: { ...headers, ...upload.headers },
    payload: upload.payload,
  });
  if (photo.statusCode !== 200) throw new Error(`photo upload failed: ${photo.body}`);
  await app.inject({ method: 'POST', url: '/api/candidate/profile/photo/confirm', headers });
}

/** Every registration row of a candidate, as stored (key-rotation tests read the snapshot). */
export async function findTestRegistrationsOf(db: DbOrTx, candidateId: string) {
  return db.select().from(examRegistration).where(eq(examRegistration.candidateId, candidateId));
}

/** A registration row written straight to the database (later stages' fixtures), as stored. */
export async function insertTestRegistration(
  db: DbOrTx,
  values: typeof examRegistration.$inferInsert,
) {
  const [row] = await db.insert(examRegistration).values(values).returning();
  return row!;
}

/** Several registration rows at once, returned in the order given. */
export async function insertTestRegistrations(
  db: DbOrTx,
  rows: Array<typeof examRegistration.$inferInsert>,
) {
  return db.insert(examRegistration).values(rows).returning();
}

/** A non-hukou candidate with a bachelor and a master degree: passes the education rule of the
 * non-hukou path (REG-06), shared by the exam registration test files. */
export const nonHukouMasterProfile = profileDocument({
  hukou: { type: 'other', place: '江苏省南京市' },
  residencePermit: { issuedOn: '2019-03-01', validUntil: '2028-03-01' },
  education: [
    {
      level: 'bachelor',
      degree: 'bachelor',
      school: '南京大学',
      major: '法学',
      startDate: '2015-09-01',
      endDate: '2019-07-01',
      fullTime: true,
    },
    {
      level: 'master',
      degree: 'master',
      school: '复旦大学',
      major: '法律（法学）',
      startDate: '2019-09-01',
      endDate: '2022-07-01',
      fullTime: true,
    },
  ],
});
