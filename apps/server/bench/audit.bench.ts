// Audit log throughput on PostgreSQL (benchmarks), each figure beside a baseline from the
// same run. Run: TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//   npx tsx apps/server/bench/audit.bench.ts [entries-to-verify=1000000]
// Writes into a throw-away database that is dropped at the end.
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Db } from '../src/db/client';
import { applyMigrations } from '../src/db/migrate';
import { createAuditLog, verifyAuditRange, type AuditEntryInput } from '../src/platform/audit';
import {
  encodeAuditEntry,
  encodeCheckpoint,
  type UnsealedEntry,
} from '../src/platform/audit/audit-canonical';
import { createTestCrypto } from '../src/platform/audit/audit.test-support';
import { createTestDatabase } from '../src/test-support/test-database';

const VERIFY_ENTRIES = Number(process.argv[2] ?? 1_000_000);
const WRITES = 2000;
const WRITERS = 8;
if (!process.env.TEST_DATABASE_URL) throw new Error('设置 TEST_DATABASE_URL（PostgreSQL）后再运行');

const entry = (n: number): AuditEntryInput => ({
  action: 'application.approved',
  actor: {
    kind: 'staff',
    id: '0b6f3c1e-5f0a-4c1e-9d7a-3c2b1a0f9e8d',
    username: 'reviewer01',
    role: 'unit_reviewer',
  },
  targetType: 'application',
  targetId: `a-${n}`,
  result: 'success',
  details: { from: 'submitted', to: 'approved', n },
  ip: '10.0.0.8',
  requestId: `req-${n}`,
});

type Line = { measure: string; n: number; ms: number; baseline?: string; baselineMs?: number };
const lines: Line[] = [];
const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/** `total` transactions split over `writers` concurrent loops, each on its own pooled connection. */
async function inParallel(writers: number, total: number, write: (n: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < total) await write(next++);
    }),
  );
}

const crypto = await createTestCrypto();
const database = await createTestDatabase();
await applyMigrations(database);
const pool = await openDatabase({ url: database.url, poolMax: WRITERS });
const db = pool.db;
// Baseline: the same row into a plain table, one transaction each, no MAC, no chain lock, no trigger.
await db.execute(sql`create table bench_plain (like audit_entry including defaults)`);
await db.execute(sql`alter table bench_plain add column seq bigserial`);
const plainInsert = (tx: Db, n: number) =>
  tx.execute(sql`insert into bench_plain (id, occurred_at, actor_kind, action, result, details, prev_mac, mac)
    values (${n}, now(), 'staff', 'application.approved', 'success', ${JSON.stringify(entry(n).details)}, ${'0'.repeat(64)}, ${'0'.repeat(64)})`);
const audit = createAuditLog({ db, crypto, checkpointEvery: 1000 });

for (const writers of [1, WRITERS]) {
  const offset = writers * 1_000_000;
  const baselineMs = await time(() =>
    inParallel(writers, WRITES, (n) =>
      db.transaction((tx) => plainInsert(tx as unknown as Db, offset + n)),
    ),
  );
  const ms = await time(() =>
    inParallel(writers, WRITES, (n) => db.transaction((tx) => audit.record(tx, entry(n)))),
  );
  lines.push({
    measure: `audit.record, ${writers} writer(s) (pending row in the caller's tx)`,
    n: WRITES,
    ms,
    baseline: 'plain INSERT, same tx shape',
    baselineMs,
  });
  // The sealer chains what the writers left: MAC per entry, a signed checkpoint per 1000, 500 per tx.
  const sealMs = await time(() => audit.seal());
  lines.push({
    measure: 'audit.seal of those entries (MAC chain, checkpoint every 1000)',
    n: WRITES,
    ms: sealMs,
  });
}
const written = await verifyAuditRange(db, crypto);
if (!written.intact) throw new Error(`bench chain broken: ${JSON.stringify(written.firstBreak)}`);

// Verification over VERIFY_ENTRIES: extend the chain in bulk (same encoding and MAC as record()).
await bulkExtend(db, VERIFY_ENTRIES - written.toId);
const scanMs = await time(async () => {
  for (let from = 1; from <= VERIFY_ENTRIES; from += 5000) {
    await db.execute(
      sql`select * from audit_entry where id between ${from} and ${from + 4999} order by id`,
    );
  }
});
let verified = 0;
const verifyMs = await time(async () => {
  const result = await verifyAuditRange(db, crypto);
  if (!result.intact) throw new Error(`verification failed: ${JSON.stringify(result.firstBreak)}`);
  verified = result.entriesChecked;
});
lines.push({
  measure: 'verifyAuditRange (HMAC-SM3 + links + SM2 checkpoints)',
  n: verified,
  ms: verifyMs,
  baseline: 'reading the same rows only',
  baselineMs: scanMs,
});

await pool.close();
await database.close();
printTable();

async function bulkExtend(target: Db, count: number): Promise<void> {
  const [head] = rowsOf<{ last_id: string; last_mac: string }>(
    await target.execute(sql`select last_id, last_mac from audit_chain_head`),
  );
  let id = Number(head!.last_id);
  let prevMac = head!.last_mac;
  let checkpointedUpTo = Number(
    rowsOf<{ c: string }>(
      await target.execute(sql`select checkpointed_up_to as c from audit_chain_head`),
    )[0]!.c,
  );
  const started = Date.now();
  // Bulk load without the secondary indexes (verification reads by primary key only).
  await target.execute(
    sql`drop index audit_entry_occurred_at_idx, audit_entry_action_idx, audit_entry_actor_idx, audit_entry_target_idx`,
  );
  for (let done = 0; done < count;) {
    const batch: Array<UnsealedEntry & { mac: string }> = [];
    for (; batch.length < 10_000 && done < count; done++) {
      const input = entry(id + 1);
      const unsealed: UnsealedEntry = {
        id: ++id,
        occurredAt: new Date(),
        actorKind: 'staff',
        actorId: '0b6f3c1e-5f0a-4c1e-9d7a-3c2b1a0f9e8d',
        actorName: 'reviewer01',
        actorRole: 'unit_reviewer',
        ip: input.ip!,
        requestId: input.requestId!,
        action: input.action,
        targetType: input.targetType!,
        targetId: input.targetId!,
        result: 'success',
        details: input.details!,
        prevMac,
      };
      prevMac = crypto.hmacSm3('audit_chain', encodeAuditEntry(unsealed));
      batch.push({ ...unsealed, mac: prevMac });
    }
    await target.transaction(async (tx) => {
      // One JSON parameter per batch: drizzle would expand a JS array into one parameter per element.
      const rows = batch.map((e) => ({
        id: e.id,
        occurred_at: e.occurredAt.toISOString(),
        actor_kind: e.actorKind,
        actor_id: e.actorId,
        actor_name: e.actorName,
        actor_role: e.actorRole,
        ip: e.ip,
        request_id: e.requestId,
        action: e.action,
        target_type: e.targetType,
        target_id: e.targetId,
        result: e.result,
        details: e.details,
        prev_mac: e.prevMac,
        mac: e.mac,
      }));
      await tx.execute(sql`insert into audit_entry
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id bigint, occurred_at timestamptz(3), actor_kind text,
          actor_id text, actor_name text, actor_role text, ip text, request_id text, action text, target_type text, target_id text,
          result text, details jsonb, prev_mac text, mac text)`);
      for (const e of batch) {
        if (e.id - checkpointedUpTo < 1000) continue;
        const body = {
          firstId: checkpointedUpTo + 1,
          lastId: e.id,
          lastMac: e.mac,
          entryCount: e.id - checkpointedUpTo,
          createdAt: new Date(),
        };
        await tx.execute(sql`insert into audit_checkpoint (first_id, last_id, last_mac, entry_count, created_at, public_key, signature)
          values (${body.firstId}, ${body.lastId}, ${body.lastMac}, ${body.entryCount}, ${body.createdAt.toISOString()}, ${crypto.publicKeyHex()}, ${crypto.sign(encodeCheckpoint(body))})`);
        checkpointedUpTo = e.id;
      }
      await tx.execute(
        sql`update audit_chain_head set last_id = ${id}, last_mac = ${prevMac}, checkpointed_up_to = ${checkpointedUpTo}`,
      );
    });
  }
  await target.execute(sql`analyze audit_entry`);
  console.log(
    `(bulk-generated ${count.toLocaleString('en-US')} chained entries in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

function printTable(): void {
  const rate = (n: number, ms: number) =>
    `${Math.round(n / (ms / 1000)).toLocaleString('en-US')}/s`;
  console.log(
    '| measure | n | time | throughput | baseline | baseline throughput | cost vs baseline |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const l of lines) {
    const base = l.baselineMs === undefined ? '—' : rate(l.n, l.baselineMs);
    const ratio = l.baselineMs === undefined ? '—' : `${(l.ms / l.baselineMs).toFixed(1)}×`;
    console.log(
      `| ${l.measure} | ${l.n.toLocaleString('en-US')} | ${(l.ms / 1000).toFixed(2)} s | ${rate(l.n, l.ms)} | ${l.baseline ?? '—'} | ${base} | ${ratio} |`,
    );
  }
}
