// The kaolu server plus one bare route (GET /api/bench/bare: one `select 1`), so the position search
// benchmark measures the real routes and the framework + pool ceiling in the same process and run.
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { ZodApp } from '../src/platform/http/types';

const config = loadConfig();
let db: Parameters<typeof bare>[1];
function bare(app: ZodApp, handle: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }) {
  app.get('/api/bench/bare', { config: { access: 'public' } }, async () => {
    await handle.execute(sql`select 1`);
    return { ok: true };
  });
}
const app = await buildApp(config, {
  extraRoutes: [(a) => bare(a, { execute: (q) => db.execute(q) })],
});
db = app.kaolu.database.db;
await app.listen({ host: config.host, port: config.port });
