// Seed of the interview-list benchmark (NFR-PERF-1): a national-size 面上 event written with
// generate_series straight into PostgreSQL — 3.7 M candidates with registration, published
// written score and approved position application, 20 000 published positions in 2 000 units.
// Going through the API would take hours; the benchmark measures the lists, not the seeding.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client';
import { POLICY_TEMPLATES } from '../src/modules/events';

export type BenchSize = { applicants: number; positions: number; units: number };

// The event the seed writes; a fixed id lets a second run find an earlier seed and reuse it.
export const BENCH_EVENT_ID = '00000000-0000-4000-8000-0000000b3a7c';

/** Whether the database already holds a seed of this size (reused: seeding takes minutes). */
export async function seededSize(db: Db): Promise<number | null> {
  const result = (await db.execute(
    sql`select count(*)::text as n from position_application where event_id = ${BENCH_EVENT_ID}`,
  )) as unknown as { rows: Array<{ n: string }> };
  const n = Number(result.rows[0]?.n ?? 0);
  return n > 0 ? n : null;
}

/** Writes the whole event in a handful of set-based statements (a few minutes on two cores). */
export async function seedNationalEvent(db: Db, size: BenchSize, log: (s: string) => void) {
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const start = performance.now();
    await db.execute(query);
    log(`  seed ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };
  const policy = JSON.stringify(POLICY_TEMPLATES.general);
  await step(
    'event',
    sql`insert into recruitment_event (id, code, name, type, year, status, policy)
        values (${BENCH_EVENT_ID}, 'BENCH-LISTS', '基准测试：全国规模面试名单', 'general', 2026,
                'position_application', ${policy}::jsonb)`,
  );
  // Units and positions get ids derived from their number, so later statements join by arithmetic.
  await step(
    'units',
    sql`insert into unit (id, code, name, kind)
        select ('00000000-0000-4000-a000-' || lpad(u::text, 12, '0'))::uuid, 'BU' || u,
               '基准单位' || u, 'unit'
        from generate_series(1, ${size.units}) u`,
  );
  // Headcount 1–4 (1:3 quota 3–12); every 50th position has its own ratio 1:5.
  await step(
    'positions',
    sql`insert into position (id, event_id, unit_id, code, title, category, exam_category,
                              headcount, interview_ratio, status)
        select ('00000000-0000-4000-b000-' || lpad(p::text, 12, '0'))::uuid, ${BENCH_EVENT_ID},
               ('00000000-0000-4000-a000-' || lpad((1 + p % ${size.units})::text, 12, '0'))::uuid,
               'P' || lpad(p::text, 6, '0'), '基准职位' || p, 'general', 'comprehensive',
               1 + p % 4, case when p % 50 = 0 then 5 end, 'published'
        from generate_series(0, ${size.positions - 1}) p`,
  );
  await step(
    'candidates',
    sql`insert into candidate (id, name, gender, birth_date, id_number_enc, id_number_bidx,
                               phone_enc, phone_bidx)
        select ('00000000-0000-4000-c000-' || lpad(i::text, 12, '0'))::uuid, '考生' || i,
               'male', date '1995-01-01', 'bench', 'bidx' || i, 'bench', 'pbidx' || i
        from generate_series(1, ${size.applicants}) i`,
  );
  await step(
    'registrations',
    sql`insert into exam_registration (id, event_id, candidate_id, exam_category, status,
                                       profile_version, profile_snapshot, policy_version)
        select ('00000000-0000-4000-d000-' || lpad(i::text, 12, '0'))::uuid, ${BENCH_EVENT_ID},
               ('00000000-0000-4000-c000-' || lpad(i::text, 12, '0'))::uuid, 'comprehensive',
               'confirmed', 1, '{}'::jsonb, 1
        from generate_series(1, ${size.applicants}) i`,
  );
  // Subject scores 30.00–94.50 in steps of 0.50 from a fixed hash: many ties, as in real sheets;
  // about one in 40 is absent (no total).
  await step(
    'written scores',
    sql`insert into written_score (event_id, registration_id, candidate_id, exam_category,
                                   xingce_centi, shenlun_centi, absent, total_centi)
        select ${BENCH_EVENT_ID},
               ('00000000-0000-4000-d000-' || lpad(i::text, 12, '0'))::uuid,
               ('00000000-0000-4000-c000-' || lpad(i::text, 12, '0'))::uuid, 'comprehensive',
               x, s, i % 40 = 0, case when i % 40 = 0 then null else (x + s) / 2 end
        from (select i, 3000 + (i::bigint * 7919 % 130) * 50 as x, 3000 + (i::bigint * 104729 % 130) * 50 as s
              from generate_series(1, ${size.applicants}) i) t`,
  );
  await step(
    'applications',
    sql`insert into position_application (event_id, candidate_id, position_id, unit_id, status,
                                          profile_version, profile_snapshot)
        select ${BENCH_EVENT_ID}, ('00000000-0000-4000-c000-' || lpad(i::text, 12, '0'))::uuid,
               ('00000000-0000-4000-b000-' || lpad((i % ${size.positions})::text, 12, '0'))::uuid,
               ('00000000-0000-4000-a000-' ||
                 lpad((1 + (i % ${size.positions}) % ${size.units})::text, 12, '0'))::uuid,
               'approved', 1, '{}'::jsonb
        from generate_series(1, ${size.applicants}) i`,
  );
  await step(
    'pass line and publication',
    sql`with l as (insert into pass_line (event_id, exam_category, line_centi)
                   values (${BENCH_EVENT_ID}, 'comprehensive', 6000) returning event_id)
        insert into score_release (event_id, published_by) select event_id, 'bench' from l`,
  );
  await step('analyze', sql`analyze`);
}
