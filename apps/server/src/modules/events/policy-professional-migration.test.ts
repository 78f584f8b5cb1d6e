import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EventPolicySchema } from '@kaolu/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, migrationsFolder } from '../../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database';
import { recruitmentEvent } from './event.table';
import { copyTemplate } from './policy-templates';

// The 专业分 data step of the composite-scores migration (INT-07), run again on rows stored in the
// old shape: migrations run on an empty test database, where the UPDATE has nothing to change.
const file = readdirSync(migrationsFolder()).find((f) => f.endsWith('_composite_scores.sql'))!;
const dataStep = readFileSync(path.join(migrationsFolder(), file), 'utf8')
  .split('--> statement-breakpoint')
  .pop()!;

describe('policies stored with the event-wide 专业分 switch (INT-07)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await applyMigrations(database);
  });
  afterAll(() => database.close());

  const stored = async (professionalScore: boolean) => {
    // The old shape: the switch under interview, categories without their own.
    const policy = copyTemplate('national') as Record<string, unknown>;
    policy.interview = { ratio: 3, passMark: 60, professionalScore };
    policy.examCategories = copyTemplate('national').examCategories.map(
      ({ professionalScore: _, ...c }) => c,
    );
    if (professionalScore) policy.scoreWeights = { written: 40, interview: 30, professional: 30 };
    const [row] = await database.db
      .insert(recruitmentEvent)
      .values({
        code: `M${professionalScore}`,
        name: '旧政策',
        type: 'general',
        year: 2025,
        policy,
      })
      .returning({ id: recruitmentEvent.id });
    return row!.id;
  };

  it('carries the old switch into every category and stays a valid policy', async () => {
    const on = await stored(true);
    const off = await stored(false);
    await database.db.execute(sql.raw(dataStep));
    for (const [id, expected] of [
      [on, true],
      [off, false],
    ] as const) {
      const [row] = await database.db
        .select({ policy: recruitmentEvent.policy })
        .from(recruitmentEvent)
        .where(eq(recruitmentEvent.id, id));
      const policy = row!.policy as { interview: object; examCategories: object[] };
      expect(policy.interview).toEqual({ ratio: 3, passMark: 60 });
      expect(policy.examCategories.every((c) => 'professionalScore' in c)).toBe(true);
      const parsed = EventPolicySchema.parse(policy);
      expect(parsed.examCategories.every((c) => c.professionalScore === expected)).toBe(true);
    }
  });
});
