import { SHANGHAI_DISTRICTS, validateIdNumber } from '@kaolu/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countTestCandidates,
  findTestCandidates,
} from '../modules/candidates/candidate.test-support';
import { countTestPositions } from '../modules/positions/position.test-support';
import { findAllUnits } from '../modules/units';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { seedDemoIfEmpty, shanghaiYear } from './demo-seed';

const log = pino({ level: 'silent' });

describe('demo data seed', () => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof seedDemoIfEmpty>>;

  beforeAll(async () => {
    t = await createTestApp();
    first = await seedDemoIfEmpty(t.app.kaolu, log, { year: 2026 });
  }, 120_000);
  afterAll(() => t.close());

  const totals = async () => {
    const db = t.database.db;
    const [units, positions, candidates] = await Promise.all([
      findAllUnits(db),
      countTestPositions(db),
      countTestCandidates(db),
    ]);
    return { units: units.filter((u) => u.kind === 'unit').length, positions, candidates };
  };

  it("creates this year's 面上 event with about 50 units, 300 positions and 3000 candidates", async () => {
    expect(first).toEqual(await totals());
    expect(first!.units).toBeGreaterThanOrEqual(45);
    expect(first!.positions).toBeGreaterThanOrEqual(280);
    expect(first!.candidates).toBe(3000);
    const events = await t.app.inject({ method: 'GET', url: '/api/public/events' });
    expect(events.json().items).toEqual([
      expect.objectContaining({ type: 'general', year: 2026, status: 'registration' }),
    ]);
  });

  it('is idempotent: a second start leaves the data as it was', async () => {
    const before = await totals();
    expect(await seedDemoIfEmpty(t.app.kaolu, log, { year: 2026 })).toBeUndefined();
    expect(await totals()).toEqual(before);
  });

  it('stores only ciphertext; every decrypted ID number is valid with a real region and the right gender', async () => {
    const rows = await findTestCandidates(t.database.db, 400);
    let shanghai = 0;
    for (const row of rows) {
      expect(row.idNumberEnc).not.toMatch(/\d{17}[\dX]/);
      const idNumber = t.app.kaolu.crypto.decryptField(row.idNumberEnc, {
        table: 'candidate',
        column: 'id_number',
        rowId: row.id,
      });
      const checked = validateIdNumber(idNumber);
      expect(checked.ok, idNumber).toBe(true);
      if (checked.ok) expect(checked.value.gender).toBe(row.gender);
      if (idNumber.slice(0, 6) in SHANGHAI_DISTRICTS) shanghai++;
      expect(row.idNumberBidx).toBe(t.app.kaolu.crypto.blindIndex('id_number', idNumber));
    }
    expect(shanghai / rows.length).toBeGreaterThan(0.4);
  });

  it("reports the Shanghai calendar year, which differs from UTC on New Year's Eve", () => {
    expect(shanghaiYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(shanghaiYear(new Date('2026-12-31T15:00:00Z'))).toBe(2026);
  });
});
