import { buildApp, type BuildOptions, type KaoluApp } from '../app';
import { testConfig, type Config } from '../config';
import { applyMigrations } from '../db/migrate';
import { createTestDatabase, type TestDatabase } from './test-database';

export type TestApp = { app: KaoluApp; database: TestDatabase; close(): Promise<void> };

/** buildApp on a fresh migrated database of its own; call close() in afterAll. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: Omit<BuildOptions, 'database'> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  await applyMigrations(database);
  const app = await buildApp(testConfig(overrides), { ...options, database });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
