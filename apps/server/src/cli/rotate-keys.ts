import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config';
import { openDatabase, rowsOf, type Db } from '../db/client';
import { createAuditLog } from '../platform/audit';
import { createSoftwareCryptoProvider, rotateFieldKey, type CryptoProvider } from '../platform/crypto';

// `rotate-keys [--resume] [--batch-size N]` (NFR-SEC-2): adds a new field-key generation, then
// re-encrypts every encrypted column to it in small batches while the system keeps running.
// Old key ids keep decrypting throughout; `--resume` skips adding a key and finishes the walk.

/**
 * Every encrypted column with the associated-data column name its writers use. A module adding an
 * `*_enc` column adds it here; rotate-keys.test.ts fails while one is missing.
 */
export const ENCRYPTED_COLUMNS = [
  { table: 'candidate', column: 'id_number_enc', adColumn: 'id_number' },
  { table: 'candidate', column: 'phone_enc', adColumn: 'phone' },
  { table: 'staff_user', column: 'phone_enc', adColumn: 'phone' },
  { table: 'staff_user', column: 'totp_secret_enc', adColumn: 'totp_secret' },
  { table: 'sms_message', column: 'phone_enc', adColumn: 'phone' },
  { table: 'list_entry', column: 'id_number_enc', adColumn: 'id_number' },
] as const;

export type ReencryptReport = { keyId: string; columns: Record<string, { reencrypted: number; skippedConcurrent: number }>; remaining: number };

/**
 * Re-encrypts every field not yet under the current key id, batch by batch in id order. Each row
 * is updated only if it still holds the ciphertext read, so a concurrent write by the running
 * system is never overwritten (it is counted and picked up by the next pass).
 */
export async function reencryptEncryptedFields(db: Db, crypto: CryptoProvider, batchSize = 500): Promise<ReencryptReport> {
  const keyId = crypto.currentFieldKeyId();
  const current = `v1.${keyId}.%`;
  const report: ReencryptReport = { keyId, columns: {}, remaining: 0 };
  for (const spec of ENCRYPTED_COLUMNS) {
    const table = sql.identifier(spec.table);
    const column = sql.identifier(spec.column);
    const stats = { reencrypted: 0, skippedConcurrent: 0 };
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = rowsOf<{ id: string; value: string }>(
        await db.execute(sql`select id::text as id, ${column} as value from ${table}
          where id > ${afterId}::uuid and ${column} is not null and ${column} not like ${current}
          order by id limit ${batchSize}`),
      );
      if (rows.length === 0) break;
      afterId = rows.at(-1)!.id;
      // One short transaction per batch: row locks are held for milliseconds, never across batches.
      await db.transaction(async (tx) => {
        for (const row of rows) {
          const next = crypto.reencryptField(row.value, { table: spec.table, column: spec.adColumn, rowId: row.id });
          const updated = await tx.execute(sql`update ${table} set ${column} = ${next} where id = ${row.id}::uuid and ${column} = ${row.value} returning id`);
          if (rowsOf(updated).length === 1) stats.reencrypted += 1;
          else stats.skippedConcurrent += 1;
        }
      });
    }
    const left = rowsOf<{ n: string | number }>(
      await db.execute(sql`select count(*) as n from ${table} where ${column} is not null and ${column} not like ${current}`),
    );
    report.remaining += Number(left[0]?.n ?? 0);
    report.columns[`${spec.table}.${spec.column}`] = stats;
  }
  return report;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { resume: { type: 'boolean', default: false }, 'batch-size': { type: 'string', default: '500' } } });
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size 必须是正整数');
  const config = loadConfig();
  const keyOptions = { ...config.keys, dataDir: config.dataDir, isProduction: config.isProduction };
  if (!values.resume) console.log(`已生成新的字段密钥 ${await rotateFieldKey(keyOptions)}，开始重新加密…`);
  const { provider: crypto } = await createSoftwareCryptoProvider(keyOptions);
  const database = await openDatabase(config.database);
  try {
    const report = await reencryptEncryptedFields(database.db, crypto, batchSize);
    await createAuditLog({ db: database.db, crypto }).record(database.db, {
      action: 'key.rotated',
      actor: { kind: 'system', id: 'rotate-keys' },
      targetType: 'field_key',
      targetId: report.keyId,
      result: report.remaining === 0 ? 'success' : 'failure',
      details: report,
    });
    for (const [name, stats] of Object.entries(report.columns)) {
      console.log(`${name}: 重新加密 ${stats.reencrypted} 条，并发修改跳过 ${stats.skippedConcurrent} 条`);
    }
    // Running servers keep encrypting with the key they loaded until they reload: re-run after restarting them.
    if (report.remaining > 0) console.log(`仍有 ${report.remaining} 条使用旧密钥：重启各服务实例后执行 rotate-keys --resume`);
    else console.log(`全部加密字段已使用密钥 ${report.keyId}`);
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
