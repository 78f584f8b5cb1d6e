import pg from 'pg';
import type { CandidateColumns, PositionColumns } from './generate';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A scratch database kaolu_bench_<pid>, loaded with the same candidates and positions, dropped at the end. */
export async function withScratchDatabase<T>(job: (client: pg.Client) => Promise<T>): Promise<T> {
  const name = `kaolu_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    return await job(client);
  } finally {
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}

/** Loads the data with batched INSERT … SELECT FROM unnest (one round trip per 200 000 rows). */
export async function loadData(
  client: pg.Client,
  c: CandidateColumns,
  p: PositionColumns,
): Promise<void> {
  await client.query(
    'CREATE TABLE pos (id int PRIMARY KEY, quota int NOT NULL, cutoff int NOT NULL)',
  );
  await client.query(
    'CREATE TABLE cand (id int PRIMARY KEY, position int NOT NULL, written int NOT NULL, composite int NOT NULL, professional int NOT NULL)',
  );
  await client.query('INSERT INTO pos SELECT * FROM unnest($1::int[], $2::int[], $3::int[])', [
    Array.from({ length: p.count }, (_, i) => i),
    Array.from(p.quota),
    Array.from(p.cutoff),
  ]);
  const batch = 200_000;
  for (let start = 0; start < c.n; start += batch) {
    const end = Math.min(c.n, start + batch);
    await client.query(
      'INSERT INTO cand SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[])',
      [
        Array.from({ length: end - start }, (_, i) => start + i),
        Array.from(c.position.subarray(start, end)),
        Array.from(c.written.subarray(start, end)),
        Array.from(c.composite.subarray(start, end)),
        Array.from(c.professional.subarray(start, end)),
      ],
    );
  }
  await client.query('ANALYZE');
}

/** Ranking with rank() OVER (PARTITION BY position ORDER BY the tie-break chain), materialised. */
export async function rankInSql(client: pg.Client): Promise<{ ms: number; checksum: bigint }> {
  const start = process.hrtime.bigint();
  await client.query(
    `CREATE TABLE ranked AS SELECT id, rank() OVER (PARTITION BY position ORDER BY composite DESC, written DESC, professional DESC) AS rnk FROM cand`,
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const { rows } = await client.query<{ s: string }>(
    'SELECT sum(rnk::bigint * (id % 1000))::text AS s FROM ranked',
  );
  return { ms, checksum: BigInt(rows[0]!.s ?? '0') };
}

/** Interview list: rank() within position over candidates at or above the cut-off, rank ≤ quota keeps ties. */
export async function listInSql(client: pg.Client): Promise<{ ms: number; selected: number }> {
  const start = process.hrtime.bigint();
  await client.query(`CREATE TABLE listed AS
    SELECT x.id FROM (
      SELECT c.id, c.position, rank() OVER (PARTITION BY c.position ORDER BY c.written DESC) AS r
      FROM cand c JOIN pos p ON p.id = c.position WHERE c.written >= p.cutoff
    ) x JOIN pos p ON p.id = x.position WHERE x.r <= p.quota`);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const { rows } = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM listed');
  return { ms, selected: Number(rows[0]!.n) };
}
