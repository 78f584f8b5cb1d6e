import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf } from '../../db/client';
import { applyMigrations } from '../../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database';
import { verifySm2, type CryptoProvider } from '../crypto';
import { encodeCheckpoint } from './audit-canonical';
import { createAuditLog, type AuditLogService } from './audit-log';
import { verifyAuditRange } from './audit-verifier';
import { auditCheckpoint, auditEntry, GENESIS_MAC } from './audit.table';
import { createTestCrypto, tamperAsSuperuser } from './audit.test-support';
import type { AuditEntryInput } from './audit.types';

const staff = { kind: 'staff', id: 'u-1', username: 'zhang', role: 'auditor' } as const;
const entry = (n: number): AuditEntryInput => ({
  action: 'position.updated',
  actor: staff,
  targetType: 'position',
  targetId: `p-${n}`,
  result: 'success',
  details: { n, from: 'draft', to: 'published', nested: { b: 1, a: [1, 'x'] } },
  ip: '10.0.0.1',
  requestId: `req-${n}`,
});

let crypto: CryptoProvider;
beforeAll(async () => {
  crypto = await createTestCrypto();
});

// One database for the whole file: opening PGlite costs seconds, so tests build on each other in order.
let database: TestDatabase;
let audit: AuditLogService;
beforeAll(async () => {
  database = await createTestDatabase();
  await applyMigrations(database);
  audit = createAuditLog({ db: database.db, crypto, checkpointEvery: 5 });
});
afterAll(() => database.close());

describe('audit log chain', () => {
  it('chains every entry to the MAC before it, starting from the genesis MAC', async () => {
    for (let n = 1; n <= 12; n++) await database.db.transaction((tx) => audit.record(tx, entry(n)));
    // Business transactions only leave pending rows; the sealer chains them in one line.
    expect(await countEntries()).toBe(0);
    expect(await audit.seal()).toBe(12);
    expect(await audit.seal()).toBe(0);
    const rows = await database.db.select().from(auditEntry).orderBy(asc(auditEntry.id));
    expect(rows.map((r) => r.id)).toEqual([...Array(12).keys()].map((i) => i + 1));
    expect(rows[0]!.prevMac).toBe(GENESIS_MAC);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevMac).toBe(rows[i - 1]!.mac);
    expect(rows[3]).toMatchObject({
      actorKind: 'staff',
      actorName: 'zhang',
      actorRole: 'auditor',
      ip: '10.0.0.1',
      requestId: 'req-4',
    });
    expect(await verifyAuditRange(database.db, crypto)).toMatchObject({
      intact: true,
      fromId: 1,
      toId: 12,
      entriesChecked: 12,
    });
  });

  it('signs a checkpoint every N entries that verifies with only the public key', async () => {
    const checkpoints = await database.db
      .select()
      .from(auditCheckpoint)
      .orderBy(asc(auditCheckpoint.id));
    expect(checkpoints.map((c) => [c.firstId, c.lastId, c.entryCount])).toEqual([
      [1, 5, 5],
      [6, 10, 5],
    ]);
    const [tenth] = await database.db
      .select()
      .from(auditEntry)
      .where(sql`${auditEntry.id} = 10`);
    expect(checkpoints[1]!.lastMac).toBe(tenth!.mac);
    for (const c of checkpoints)
      expect(verifySm2(encodeCheckpoint(c), c.signature, crypto.publicKeyHex())).toBe(true);
    expect(
      verifySm2(
        encodeCheckpoint({ ...checkpoints[1]!, entryCount: 4 }),
        checkpoints[1]!.signature,
        crypto.publicKeyHex(),
      ),
    ).toBe(false);
  });

  it('closes the pending entries with a timed checkpoint, and skips one when nothing is pending', async () => {
    expect(await audit.checkpointNow()).toBe(true);
    expect(await audit.checkpointNow()).toBe(false);
    const last = await database.db
      .select()
      .from(auditCheckpoint)
      .orderBy(sql`${auditCheckpoint.id} desc`)
      .limit(1);
    expect(last[0]).toMatchObject({ firstId: 11, lastId: 12, entryCount: 2 });
  });

  it('rolls the entry back with the caller transaction and leaves no gap in the ids', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await audit.record(tx, entry(99));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await audit.record(database.db, entry(13));
    expect(await audit.seal()).toBe(1);
    const ids = (await database.db.select({ id: auditEntry.id }).from(auditEntry)).map((r) => r.id);
    expect(ids).toHaveLength(13);
    expect(Math.max(...ids)).toBe(13);
    expect((await verifyAuditRange(database.db, crypto)).intact).toBe(true);
  });

  it('refuses an action that is not resource.past_tense', async () => {
    await expect(
      audit.record(database.db, { ...entry(1), action: 'DeletePosition' }),
    ).rejects.toThrow(/resource\.past_tense/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the log and its checkpoints', async () => {
    const refused = async (statement: ReturnType<typeof sql>) => {
      const error = await database.db.execute(statement).then(
        () => undefined,
        (e: unknown) => e as { cause?: { code?: string }; code?: string },
      );
      expect(error, String(statement.queryChunks[0])).toBeDefined();
      expect(error!.cause?.code ?? error!.code).toBe('42501');
    };
    await refused(sql`update audit_entry set details = '{}' where id = 3`);
    await refused(sql`delete from audit_entry where id = 13`);
    await refused(sql`truncate audit_entry`);
    await refused(sql`update audit_checkpoint set entry_count = 1`);
    await refused(sql`delete from audit_checkpoint`);
    await audit.record(database.db, entry(14));
    await refused(sql`update audit_pending set action = 'position.viewed'`);
    await refused(sql`delete from audit_pending`);
    await refused(sql`truncate audit_pending`);
    expect(await audit.seal()).toBe(1);
    expect((await verifyAuditRange(database.db, crypto)).intact).toBe(true);
  });

  it('verifies a sub-range on its own', async () => {
    expect(await verifyAuditRange(database.db, crypto, { fromId: 4, toId: 9 })).toMatchObject({
      intact: true,
      fromId: 4,
      toId: 9,
      entriesChecked: 6,
      checkpointsChecked: 1,
    });
  });
});

describe('audit log under concurrent writers and sealers', () => {
  it('stays one gapless, verifiable line when transactions append and two instances seal in parallel', async () => {
    const before = await countEntries();
    // On PostgreSQL a second pool is a second set of connections, like a second server instance.
    const second = database.url ? await openDatabase({ url: database.url, poolMax: 4 }) : undefined;
    const pools = second ? [database.db, second.db] : [database.db];
    const sealers = pools.map((db) => createAuditLog({ db, crypto, checkpointEvery: 5 }));
    try {
      const writes = Array.from({ length: 60 }, (_, n) =>
        pools[n % pools.length]!.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          await sealers[n % sealers.length]!.record(tx, entry(n));
          // Hold the transaction open a little, so sealers run while writers are still uncommitted.
          await new Promise((resolve) => setTimeout(resolve, n % 3));
        }),
      );
      const seals = Array.from({ length: 6 }, (_, n) => sealers[n % sealers.length]!.seal());
      await Promise.all([...writes, ...seals]);
      await Promise.all(sealers.map((s) => s.seal()));
    } finally {
      await second?.close();
    }
    expect(await countEntries()).toBe(before + 60);
    expect(await verifyAuditRange(database.db, crypto)).toMatchObject({
      intact: true,
      toId: before + 60,
      entriesChecked: before + 60,
    });
  });
});

// Each case tampers "as a superuser would" (triggers off), checks that verification names the
// exact entry, then undoes the change so the next case starts from an intact chain.
describe('tamper detection', () => {
  const breakOf = async () => (await verifyAuditRange(database.db, crypto)).firstBreak;
  const copyRow = (id: number) =>
    sql`insert into audit_entry select * from audit_entry_copy where id = ${id}`;

  beforeAll(async () => {
    await tamperAsSuperuser(database.db, [
      sql`create table audit_entry_copy as select * from audit_entry`,
    ]);
  });

  it('finds an edited details field at exactly that entry', async () => {
    await tamperAsSuperuser(database.db, [
      sql`update audit_entry set details = details || '{"to":"withdrawn"}' where id = 7`,
    ]);
    expect(await breakOf()).toMatchObject({
      entryId: 7,
      reason: 'mac_mismatch',
      message: expect.stringContaining('第 7 条'),
    });
    await tamperAsSuperuser(database.db, [sql`delete from audit_entry where id = 7`, copyRow(7)]);
    expect(await breakOf()).toBeUndefined();
  });

  it('finds a deleted entry by its id, also the very last one', async () => {
    const last = await countEntries();
    await tamperAsSuperuser(database.db, [sql`delete from audit_entry where id = 8`]);
    expect(await breakOf()).toMatchObject({ entryId: 8, reason: 'missing' });
    await tamperAsSuperuser(database.db, [
      copyRow(8),
      sql`delete from audit_entry where id = ${last}`,
    ]);
    expect(await breakOf()).toMatchObject({ entryId: last, reason: 'missing' });
    await tamperAsSuperuser(database.db, [copyRow(last)]);
    expect(await breakOf()).toBeUndefined();
  });

  it('finds two swapped entries at the first of them', async () => {
    const swap = sql`
      update audit_entry a set occurred_at = b.occurred_at, actor_kind = b.actor_kind, actor_id = b.actor_id,
        actor_name = b.actor_name, actor_role = b.actor_role, ip = b.ip, request_id = b.request_id, action = b.action,
        target_type = b.target_type, target_id = b.target_id, result = b.result, details = b.details,
        prev_mac = b.prev_mac, mac = b.mac
      from audit_entry b where (a.id, b.id) in ((4, 9), (9, 4))`;
    await tamperAsSuperuser(database.db, [swap]);
    expect(await breakOf()).toMatchObject({ entryId: 4, reason: 'link_broken' });
    await tamperAsSuperuser(database.db, [swap]);
    expect(await breakOf()).toBeUndefined();
  });

  it('finds a checkpoint whose signature was replaced', async () => {
    const forged = crypto.sign('another message');
    const [original] = await database.db
      .select()
      .from(auditCheckpoint)
      .where(sql`${auditCheckpoint.lastId} = 10`);
    await tamperAsSuperuser(database.db, [
      sql`update audit_checkpoint set signature = ${forged} where last_id = 10`,
    ]);
    expect(await breakOf()).toMatchObject({ entryId: 10, reason: 'checkpoint_signature_invalid' });
    await tamperAsSuperuser(database.db, [
      sql`update audit_checkpoint set signature = ${original!.signature} where last_id = 10`,
    ]);
    expect(await breakOf()).toBeUndefined();
  });
});

async function countEntries(): Promise<number> {
  const rows = rowsOf<{ n: string | number }>(
    await database.db.execute(sql`select count(*) as n from audit_entry`),
  );
  return Number(rows[0]!.n);
}
