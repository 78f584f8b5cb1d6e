import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';

/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
const config = loadConfig();
const database = await openDatabase(config.database);
try {
  await applyMigrations(database);
  console.log(`数据库迁移完成 (${database.driver})`);
} finally {
  await database.close();
}
