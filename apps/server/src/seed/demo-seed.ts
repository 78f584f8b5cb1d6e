import { randomUUID } from 'node:crypto';
import { generateDemoDataset, type DemoCandidate, type DemoDataset } from '@kaolu/fixtures';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../app';
import type { Db, DbOrTx } from '../db/client';
import { insertSeedCandidates, type CandidateSeedRow } from '../modules/candidates';
import { copyTemplate, hasAnyEvent, insertSeedEvent } from '../modules/events';
import { demoConditionsToPositionConditions, insertSeedPositions } from '../modules/positions';
import { insertSeedUnits, sealUnitContact } from '../modules/units';
import type { CryptoProvider } from '../platform/crypto';

export const DEMO_SEED_JOB = 'demo.seed';
const BATCH = 500;

export type DemoSeedOptions = {
  seed: string;
  year: number;
  unitCount?: number;
  positionCount?: number;
  candidateCount?: number;
};
export type DemoSeedResult = { units: number; positions: number; candidates: number };

/**
 * On an empty database, creates the demo: this year's 面上 event with its units, positions and
 * candidates, through a background job (so its progress shows in the admin portal). Idempotent:
 * a database that already has an event is left alone.
 */
export async function seedDemoIfEmpty(
  ctx: AppContext,
  log: FastifyBaseLogger,
  options?: Partial<DemoSeedOptions>,
) {
  if (await hasAnyEvent(ctx.database.db)) {
    log.info('数据库已有数据，跳过演示数据');
    return undefined;
  }
  ctx.jobs.register<DemoSeedOptions>(DEMO_SEED_JOB, async ({ payload, reportProgress }) =>
    insertDemoData(ctx.database.db, ctx.crypto, payload, reportProgress),
  );
  // The seed string comes from config so every instance and every restart generates the same
  // people.
  const year = options?.year ?? shanghaiYear(new Date());
  const created = await ctx.jobs.enqueue(
    DEMO_SEED_JOB,
    { seed: ctx.config.seed.seed, year, ...options },
    { maxAttempts: 1, createdBy: 'system' },
  );
  // Startup waits for the demo: the server opens with the data in place or fails loudly.
  await ctx.jobs.drain();
  const done = await ctx.jobs.getJob(created.id);
  if (done?.status !== 'succeeded')
    throw new Error(`演示数据生成失败：${done?.error ?? '未知原因'}`);
  log.info({ result: done.result }, '演示数据已生成');
  return done.result as DemoSeedResult;
}

/**
 * Inserts one generated data set. Candidates go first in batches (re-inserting a batch changes
 * nothing: the ID blind index is unique); the event, units and positions follow in one transaction,
 * so an event exists only once everything is in. Progress is reported between transactions:
 * PGlite has a single connection, and a progress write inside an open transaction would wait forever.
 */
export async function insertDemoData(
  db: Db,
  crypto: CryptoProvider,
  options: DemoSeedOptions,
  reportProgress: (percent: number, message?: string) => Promise<void>,
): Promise<DemoSeedResult> {
  const data = generateDemoDataset(options);
  await reportProgress(5, '已生成演示数据，正在写入考生');
  for (let i = 0; i < data.candidates.length; i += BATCH) {
    const rows = data.candidates.slice(i, i + BATCH).map((c) => candidateRow(c, crypto));
    await insertSeedCandidates(db, rows);
    const done = Math.min(i + BATCH, data.candidates.length);
    await reportProgress(
      5 + Math.round((80 * done) / data.candidates.length),
      `已写入考生 ${done} 人`,
    );
  }
  await db.transaction(async (tx) => {
    // Guard inside the transaction too: two instances starting together must not both seed.
    if (await hasAnyEvent(tx)) return;
    // The 面上 event carries its type's policy template as version 1, as if created in the admin portal.
    const policy = copyTemplate('general');
    const eventId = await insertSeedEvent(tx, {
      code: data.event.code,
      name: data.event.name,
      type: data.event.type,
      year: data.event.year,
      status: 'registration',
      policy,
    });
    const unitIds = await insertUnits(tx, data, crypto);
    for (let i = 0; i < data.positions.length; i += BATCH) {
      await insertSeedPositions(
        tx,
        data.positions.slice(i, i + BATCH).map((p) => ({
          eventId,
          unitId: unitIds.get(p.unitCode)!,
          code: p.code,
          title: p.title,
          category: p.category,
          examSubject: p.examSubject,
          headcount: p.headcount,
          conditions: demoConditionsToPositionConditions(p.conditions),
          township: p.township,
          basicPolice: p.basicPolice,
          acceptsAdjustment: p.acceptsAdjustment,
          interviewRatio: p.interviewRatio,
          // Published at once: the demo event is already in registration.
          status: 'published',
        })),
      );
    }
  });
  await reportProgress(100, '演示数据写入完成');
  return {
    units: data.units.length,
    positions: data.positions.length,
    candidates: data.candidates.length,
  };
}

/** Departments, then their units; returns unit code → id for the positions. */
async function insertUnits(
  tx: DbOrTx,
  data: DemoDataset,
  crypto: CryptoProvider,
): Promise<Map<string, string>> {
  const departments = await insertSeedUnits(
    tx,
    data.departments.map((d) => ({ code: d.code, name: d.name, kind: 'department' as const })),
  );
  // Departments first: a unit row points at its department (parentId).
  const departmentIds = new Map(departments.map((r) => [r.code, r.id]));
  const units = await insertSeedUnits(
    tx,
    data.units.map((u) => {
      // Contact persons are personal data: stored only as ciphertext bound to the row (NFR-SEC-2).
      const id = randomUUID();
      const contact = { name: u.contact.name, phone: u.contact.phone, address: u.address };
      return {
        id,
        code: u.code,
        name: u.name,
        kind: 'unit' as const,
        parentId: departmentIds.get(u.departmentCode) ?? null,
        district: u.district,
        isPolice: u.isPolice,
        contactEnc: sealUnitContact(crypto, id, contact),
      };
    }),
  );
  return new Map(units.map((r) => [r.code, r.id]));
}

/** A generated person as a candidate row: ID number, phone and address only as ciphertext. */
function candidateRow(c: DemoCandidate, crypto: CryptoProvider): CandidateSeedRow {
  const id = randomUUID();
  // The id is chosen here, not by the database, because each ciphertext is bound to its row id.
  const ad = (column: string) => ({ table: 'candidate', column, rowId: id });
  return {
    id,
    name: c.name,
    gender: c.gender,
    birthDate: c.birthDate,
    idNumberEnc: crypto.encryptField(c.idNumber, ad('id_number')),
    // Blind indexes let lookups by ID number or phone, and their unique keys, work without
    // decrypting.
    idNumberBidx: crypto.blindIndex('id_number', c.idNumber),
    phoneEnc: crypto.encryptField(c.phone, ad('phone')),
    phoneBidx: crypto.blindIndex('phone', c.phone),
    email: c.email,
    profile: {
      politicalStatus: c.politicalStatus,
      hukou: c.hukou,
      residencePermit: c.residencePermit,
      education: c.education,
      workHistory: c.workHistory,
      grassrootsYears: c.grassrootsYears,
      abroad: c.abroad,
      addressEnc: crypto.encryptField(c.address, ad('profile.address')),
      examCategory: c.examCategory,
    },
  };
}

/** The calendar year in Shanghai (the event year), whatever the server's time zone. */
export function shanghaiYear(now: Date): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now),
  );
}
