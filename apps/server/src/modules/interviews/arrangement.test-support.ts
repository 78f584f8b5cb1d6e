import { randomUUID } from 'node:crypto';
import type { KaoluApp } from '../../app';
import { loginAs } from '../../test-support/login-as';
import { createUnit } from '../events/events.test-support';
import { examinerNameAd } from './arrangement-service';
import {
  interviewEvent,
  interviewExaminer,
  interviewGroup,
  interviewPosition,
  interviewRoom,
  interviewSession,
  interviewType,
  interviewVenue,
} from './interview.table';

// Fixture rows for the arrangement tests and the browser test (IVW-04): inserted straight into the
// interview tables until the setup routes exist. One event, one day (morning and afternoon), two
// rooms each keeping one unit's position, three chief-capable examiners, two examiners of each
// recruiting unit and ten from other units, half of them from outside the host district 黄浦.

export type ExaminerSpec = {
  code: string;
  name: string;
  unit: 'A' | 'B' | string;
  district?: string;
  chief?: boolean;
  conflictPositionCodes?: string[];
  conflictUnits?: Array<'A' | 'B'>;
};

// Every fixture gets its own event, units and codes, so tests in one database never collide.
let counter = 0;

export async function createArrangementFixture(app: KaoluApp) {
  const { db } = app.kaolu.database;
  const crypto = app.kaolu.crypto;
  const n = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  // Real units through the units API: positions and declared conflicts name them by id.
  const org = (await loginAs(app, 'org_admin')).headers;
  const units: { id: string; name: string }[] = [];
  for (const name of [`市甲局${n}`, `市乙局${n}`])
    units.push({ id: (await createUnit(app, org, name)).unitId, name });
  const unitOf = (key: string) =>
    key === 'A' ? units[0]! : key === 'B' ? units[1]! : { id: null, name: key };
  const [event] = await db
    .insert(interviewEvent)
    .values({ code: `IV${n}`, name: `面试${n}` })
    .returning();
  const [type] = await db
    .insert(interviewType)
    .values({ interviewEventId: event!.id, kind: 'structured', name: '结构化面试' })
    .returning();
  const sessions = await db
    .insert(interviewSession)
    .values([
      { interviewEventId: event!.id, day: '2026-12-10', halfDay: 'am' },
      { interviewEventId: event!.id, day: '2026-12-10', halfDay: 'pm' },
    ])
    .returning();
  const [venue] = await db
    .insert(interviewVenue)
    .values({ interviewEventId: event!.id, name: '市考试中心' })
    .returning();
  const rooms = await db
    .insert(interviewRoom)
    .values([
      { venueId: venue!.id, name: '101 室' },
      { venueId: venue!.id, name: '102 室' },
    ])
    .returning();
  // Each room: a chief, one rotating examiner of the recruiting unit and three fixed seats.
  const groups = await db
    .insert(interviewGroup)
    .values(
      rooms.map((r, i) => ({
        interviewEventId: event!.id,
        roomId: r.id,
        day: '2026-12-10',
        name: `第${i + 1}组`,
        typeId: type!.id,
        fixedSeats: 3,
        rotatingSeats: 1,
        professionalSeats: 0,
      })),
    )
    .returning();
  const positions = await db
    .insert(interviewPosition)
    .values(
      groups.map((g, i) => ({
        interviewEventId: event!.id,
        code: `P${i + 1}`,
        title: i === 0 ? '综合管理' : '行政执法',
        unitId: units[i]!.id,
        unitName: units[i]!.name,
        groupId: g.id,
      })),
    )
    .returning();
  const specs: ExaminerSpec[] = [
    { code: 'C1', name: '陈主考', unit: 'A', chief: true },
    { code: 'C2', name: '周主考', unit: '市丙局', chief: true },
    { code: 'C3', name: '吴主考', unit: '市丁局', chief: true },
    { code: 'A1', name: '甲一', unit: 'A' },
    { code: 'A2', name: '甲二', unit: 'A' },
    { code: 'B1', name: '乙一', unit: 'B' },
    { code: 'B2', name: '乙二', unit: 'B' },
    ...Array.from({ length: 10 }, (_, i) => ({
      code: `O${i}`,
      name: `外考官${i}`,
      unit: `外单位${i}`,
      district: i < 5 ? '黄浦' : '徐汇',
      // O0 declares a family conflict with the first room's position, O1 with unit B.
      ...(i === 0 ? { conflictPositionCodes: ['P1'] } : {}),
      ...(i === 1 ? { conflictUnits: ['B' as const] } : {}),
    })),
  ];
  // Names sealed as the setup import seals them, so the arrangement service can open them.
  const examiners = [];
  for (const s of specs) {
    const id = randomUUID();
    const u = unitOf(s.unit);
    const [row] = await db
      .insert(interviewExaminer)
      .values({
        id,
        interviewEventId: event!.id,
        code: s.code,
        nameEnc: crypto.encryptField(s.name, examinerNameAd(id)),
        unitId: u.id,
        unitName: u.name,
        district: s.district ?? null,
        chiefCapable: s.chief ?? false,
        conflictPositionCodes: s.conflictPositionCodes ?? [],
        conflictUnitIds: (s.conflictUnits ?? []).map((k) => unitOf(k).id),
      })
      .returning();
    examiners.push({ ...row!, name: s.name, unitKey: s.unit });
  }
  return { event: event!, sessions, groups, positions, units, examiners };
}

export type ArrangementFixture = Awaited<ReturnType<typeof createArrangementFixture>>;
