import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { createSoftwareCryptoProvider, type CryptoProvider } from '../crypto';

/** A software crypto provider with a throw-away development key ring in a temporary folder. */
export async function createTestCrypto(): Promise<CryptoProvider> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kaolu-audit-keys-'));
  return (await createSoftwareCryptoProvider({ dataDir, isProduction: false })).provider;
}

/**
 * Runs raw SQL with the append-only triggers off, as a superuser tampering with the database
 * would (session_replication_role = replica skips ordinary triggers), to prove detection.
 */
export async function tamperAsSuperuser(
  db: Db,
  statements: ReturnType<typeof sql>[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const statement of statements) await tx.execute(statement);
  });
}
