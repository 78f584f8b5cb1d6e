// Interview rows for the arrangement browser test (IVW-04), written into the server's data folder
// before the server starts (the embedded database has one owner at a time), until the setup pages
// exist: one event, a morning and an afternoon, two rooms keeping one unit's position each, three
// chief-capable examiners, two examiners of each recruiting unit, ten from other units.
// Run: DATA_DIR=<folder> npx tsx e2e/interviews/arrangement-fixture.ts  → prints the event id.
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../apps/server/src/config';
import { openDatabase } from '../../apps/server/src/db/client';
import { applyMigrations } from '../../apps/server/src/db/migrate';
import * as t from '../../apps/server/src/db/schema';
import { createSoftwareCryptoProvider } from '../../apps/server/src/platform/crypto';

const config = loadConfig();
const { provider: crypto } = await createSoftwareCryptoProvider({
  ...config.keys,
  dataDir: config.dataDir,
  isProduction: config.isProduction,
});
const database = await openDatabase(config.database);
try {
  await applyMigrations(database);
  const db = database.db;
  const [event] = await db
    .insert(t.interviewEvent)
    .values({ code: 'IV-E2E', name: '2026年度公务员面试' })
    .returning();
  const [type] = await db
    .insert(t.interviewType)
    .values({ interviewEventId: event!.id, kind: 'structured', name: '结构化面试' })
    .returning();
  await db.insert(t.interviewSession).values([
    { interviewEventId: event!.id, day: '2026-12-10', halfDay: 'am' },
    { interviewEventId: event!.id, day: '2026-12-10', halfDay: 'pm' },
  ]);
  const [venue] = await db
    .insert(t.interviewVenue)
    .values({ interviewEventId: event!.id, name: '市考试中心' })
    .returning();
  // Units by name only (no unit rows yet): the draw keys 回避 on the name when the id is absent.
  const units = ['市甲局', '市乙局'];
  for (const [i, unitName] of units.entries()) {
    const [room] = await db
      .insert(t.interviewRoom)
      .values({ venueId: venue!.id, name: `10${i + 1} 室` })
      .returning();
    const [group] = await db
      .insert(t.interviewGroup)
      .values({
        interviewEventId: event!.id,
        roomId: room!.id,
        day: '2026-12-10',
        name: `第${i + 1}组`,
        typeId: type!.id,
        fixedSeats: 3,
        rotatingSeats: 1,
      })
      .returning();
    await db.insert(t.interviewPosition).values({
      interviewEventId: event!.id,
      code: `P${i + 1}`,
      title: '综合管理',
      unitName,
      groupId: group!.id,
    });
  }
  const examiners = [
    { code: 'C1', name: '陈主考', unitName: '市甲局', chiefCapable: true },
    { code: 'C2', name: '周主考', unitName: '市丙局', chiefCapable: true },
    { code: 'C3', name: '吴主考', unitName: '市丁局', chiefCapable: true },
    { code: 'A1', name: '甲一', unitName: '市甲局' },
    { code: 'A2', name: '甲二', unitName: '市甲局' },
    { code: 'B1', name: '乙一', unitName: '市乙局' },
    { code: 'B2', name: '乙二', unitName: '市乙局' },
    ...Array.from({ length: 10 }, (_, i) => ({
      code: `O${i}`,
      name: `外考官${i}`,
      unitName: `外单位${i}`,
      district: i < 5 ? '黄浦' : '徐汇',
    })),
  ];
  for (const { name, ...e } of examiners) {
    const id = randomUUID();
    // Sealed the way the arrangement service opens it (NFR-SEC-2).
    const nameEnc = crypto.encryptField(name, {
      table: 'interview_examiner',
      column: 'name',
      rowId: id,
    });
    await db.insert(t.interviewExaminer).values({ id, interviewEventId: event!.id, nameEnc, ...e });
  }
  console.log(event!.id);
} finally {
  await database.close();
}
