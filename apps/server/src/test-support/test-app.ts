import { buildApp, type BuildOptions, type KaoluApp } from '../app';
import { testConfig, type Config } from '../config';
import { applyMigrations } from '../db/migrate';
import { installMaskingScan, type MaskingViolation } from './masking-scan';
import { createTestDatabase, type TestDatabase } from './test-database';

export type TestApp = { app: KaoluApp; database: TestDatabase; close(): Promise<void> };

/**
 * buildApp on a fresh migrated database of its own; call close() in afterAll. Every JSON answer is
 * scanned for unmasked personal data, and close() fails the test file if any was found.
 */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: Omit<BuildOptions, 'database'> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  await applyMigrations(database);
  const violations: MaskingViolation[] = [];
  const extraRoutes = [installMaskingScan(violations), ...(options.extraRoutes ?? [])];
  const app = await buildApp(testConfig(overrides), { ...options, database, extraRoutes });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
      if (violations.length > 0) {
        const list = violations
          .map((v) => `${v.method} ${v.url}: ${v.paths.join(', ')}`)
          .join('\n');
        throw new Error(`API answers carried unmasked ID or phone numbers (NFR-SEC-3):\n${list}`);
      }
    },
  };
}
