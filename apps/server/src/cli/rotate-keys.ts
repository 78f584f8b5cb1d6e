import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { loadConfig } from '../config';
import { openDatabase, rowsOf, type Db } from '../db/client';
import * as schema from '../db/schema';
import { createAuditLog } from '../platform/audit';
import {
  ENCRYPTED_COLUMNS,
  ENCRYPTED_DOCUMENTS,
  type DocumentTarget,
} from './key-rotation/encrypted-targets';
import {
  createSoftwareCryptoProvider,
  CryptoError,
  rotateFieldKey,
  staleFieldPattern,
  type CryptoProvider,
} from '../platform/crypto';

// `rotate-keys [--resume] [--batch-size N]` (NFR-SEC-2): adds a new field-key generation, then
// re-encrypts every encrypted value to it in small batches while the system keeps running: every
// `*_enc` column and every ciphertext inside a JSONB document (profile, its versions, frozen snapshots).
// Old key ids keep decrypting throughout; `--resume` skips adding a key and finishes the walk: the
// walk only selects values not yet under the current key, so a stopped run simply continues.

export {
  ENCRYPTED_COLUMNS,
  ENCRYPTED_DOCUMENTS,
  type ColumnTarget,
  type DocumentTarget,
} from './key-rotation/encrypted-targets';

// failed: a value that did not authenticate (tampered, or bound to another row); left as it is and reported.
type Stats = { reencrypted: number; skippedConcurrent: number; failed: number };
export type ReencryptReport = { keyId: string; columns: Record<string, Stats>; remaining: number };
const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Re-encrypts every value not yet under the current key id, batch by batch in key order. Each row
 * is updated only if it still holds what was read, so a concurrent write by the running system is
 * never overwritten (it is counted and picked up by the next pass). `remaining` counts rows of any
 * table that still hold a ciphertext under another key id, found by scanning every table.
 */
export async function reencryptEncryptedFields(
  db: Db,
  crypto: CryptoProvider,
  batchSize = 500,
): Promise<ReencryptReport> {
  const keyId = crypto.currentFieldKeyId();
  const stale = staleFieldPattern(keyId);
  const report: ReencryptReport = { keyId, columns: {}, remaining: 0 };
  for (const spec of ENCRYPTED_COLUMNS) {
    const table = sql.identifier(spec.table);
    const column = sql.identifier(spec.column);
    const stats: Stats = { reencrypted: 0, skippedConcurrent: 0, failed: 0 };
    for (let afterId = FIRST_UUID; ;) {
      const rows = rowsOf<{ id: string; value: string }>(
        await db.execute(sql`select id::text as id, ${column} as value from ${table}
          where id > ${afterId}::uuid and ${column} ~ ${stale} order by id limit ${batchSize}`),
      );
      if (rows.length === 0) break;
      afterId = rows.at(-1)!.id;
      // One short transaction per batch: row locks are held for milliseconds, never across batches.
      await db.transaction(async (tx) => {
        for (const row of rows) {
          const next = attempt(stats, () =>
            crypto.reencryptField(row.value, {
              table: spec.table,
              column: spec.adColumn,
              rowId: row.id,
            }),
          );
          if (next === undefined) continue;
          const updated = await tx.execute(
            sql`update ${table} set ${column} = ${next} where id = ${row.id}::uuid and ${column} = ${row.value} returning id`,
          );
          count(stats, rowsOf(updated).length === 1);
        }
      });
    }
    report.columns[`${spec.table}.${spec.column}`] = stats;
  }
  for (const spec of ENCRYPTED_DOCUMENTS)
    report.columns[`${spec.table}.${spec.column}`] = await reencryptDocuments(
      db,
      crypto,
      spec,
      stale,
      batchSize,
    );
  report.remaining = await countRowsWithStaleCiphertexts(db, stale);
  return report;
}

/**
 * Runs one re-encryption; a value that fails to decrypt is counted as failed, not fatal to the
 * pass.
 */
function attempt<T>(stats: Stats, work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error;
    stats.failed += 1;
    return undefined;
  }
}

/** An update that matched no row means the value changed since it was read: a concurrent write. */
function count(stats: Stats, updated: boolean): void {
  if (updated) stats.reencrypted += 1;
  else stats.skippedConcurrent += 1;
}

/** The JSONB walk: rows whose document text holds an old ciphertext, re-sealed by the owner's function. */
async function reencryptDocuments(
  db: Db,
  crypto: CryptoProvider,
  spec: DocumentTarget,
  stale: string,
  batchSize: number,
): Promise<Stats> {
  const table = sql.identifier(spec.table);
  const column = sql.identifier(spec.column);
  const key = sql.identifier(spec.key);
  const stats: Stats = { reencrypted: 0, skippedConcurrent: 0, failed: 0 };
  for (let afterKey = FIRST_UUID; ;) {
    const rows = rowsOf<{ key: string; bound: string; value: string }>(
      await db.execute(sql`select ${key}::text as key, ${sql.identifier(spec.boundTo)}::text as bound, ${column}::text as value from ${table}
        where ${key} > ${afterKey}::uuid and ${column}::text ~ ${stale} order by ${key} limit ${batchSize}`),
    );
    if (rows.length === 0) break;
    afterKey = rows.at(-1)!.key;
    // As for columns: one short transaction per batch, and the update matches the document as read.
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const resealed = attempt(stats, () =>
          spec.reseal(JSON.parse(row.value) as never, row.bound, (ciphertext, ad) =>
            crypto.reencryptField(ciphertext, ad),
          ),
        );
        if (resealed === undefined) continue;
        const next = JSON.stringify(resealed);
        const updated = await tx.execute(
          sql`update ${table} set ${column} = ${next}::jsonb where ${key} = ${row.key}::uuid and ${column} = ${row.value}::jsonb returning 1`,
        );
        count(stats, rowsOf(updated).length === 1);
      }
    });
  }
  return stats;
}

/**
 * Rows of every table holding a ciphertext matching `pattern` anywhere (any column, any JSONB
 * document), read from the whole row as text: what rotation missed, whatever module wrote it.
 */
export async function countRowsWithStaleCiphertexts(db: Db, pattern: string): Promise<number> {
  let total = 0;
  for (const table of (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
    is(value, PgTable),
  )) {
    // Tables of another schema (the hospitals' exchange store, INT-09g) are named with it.
    const config = getTableConfig(table);
    const name = config.schema
      ? sql`${sql.identifier(config.schema)}.${sql.identifier(config.name)}`
      : sql.identifier(config.name);
    const rows = rowsOf<{ n: string | number }>(
      await db.execute(sql`select count(*) as n from ${name} t where t::text ~ ${pattern}`),
    );
    total += Number(rows[0]?.n ?? 0);
  }
  return total;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      resume: { type: 'boolean', default: false },
      'batch-size': { type: 'string', default: '500' },
    },
  });
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size 必须是正整数');
  const config = loadConfig();
  const keyOptions = { ...config.keys, dataDir: config.dataDir, isProduction: config.isProduction };
  if (!values.resume)
    console.log(`已生成新的字段密钥 ${await rotateFieldKey(keyOptions)}，开始重新加密…`);
  // Loaded after the rotation, so the provider's current key is the one just added.
  const { provider: crypto } = await createSoftwareCryptoProvider(keyOptions);
  const database = await openDatabase(config.database);
  try {
    const report = await reencryptEncryptedFields(database.db, crypto, batchSize);
    // Recorded as a failure while values remain under an old key, so the audit log shows an
    // unfinished rotation.
    const audit = createAuditLog({ db: database.db, crypto });
    await audit.record(database.db, {
      action: 'key.rotated',
      actor: { kind: 'system', id: 'rotate-keys' },
      targetType: 'field_key',
      targetId: report.keyId,
      result: report.remaining === 0 ? 'success' : 'failure',
      details: report,
    });
    // Chained now: no server may be running to seal the entry later.
    await audit.seal();
    for (const [name, stats] of Object.entries(report.columns)) {
      console.log(
        `${name}: 重新加密 ${stats.reencrypted} 条，并发修改跳过 ${stats.skippedConcurrent} 条${stats.failed ? `，无法解密（已篡改或绑定错误）${stats.failed} 条` : ''}`,
      );
    }
    // Running servers keep encrypting with the key they loaded until they reload: re-run after restarting them.
    if (report.remaining > 0)
      console.log(
        `仍有 ${report.remaining} 条使用旧密钥：重启各服务实例后执行 rotate-keys --resume`,
      );
    else console.log(`全部加密字段已使用密钥 ${report.keyId}`);
  } finally {
    await database.close();
  }
}

// Runs only as a command: the test suite imports this file for reencryptEncryptedFields.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
