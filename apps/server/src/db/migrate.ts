import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './client';

// Arbitrary constant: several server instances starting together take turns migrating.
const MIGRATION_LOCK_KEY = 7_302_615;

/** The committed SQL migrations folder, found from source (src/db) and from the bundle (dist). */
export function migrationsFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'drizzle');
    if (existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('未找到数据库迁移目录 apps/server/drizzle');
}

/** Applies every pending migration; safe to call at each start and from the `migrate` command. */
export async function applyMigrations(database: Database): Promise<void> {
  const migrationsFolderPath = migrationsFolder();
  if (database.driver === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, {
      migrationsFolder: migrationsFolderPath,
    });
    return;
  }
  // A session lock on its own connection: the server releases it if this process dies mid-way.
  const lock = new pg.Client({ connectionString: database.url });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(database.db as unknown as NodePgDatabase, {
      migrationsFolder: migrationsFolderPath,
    });
  } finally {
    await lock.end();
  }
}
