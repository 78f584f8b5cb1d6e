// The kaolu server plus one bare route (GET /api/bench/bare: one `select 1`), so the position search
// benchmark measures the real routes and the framework + pool ceiling in the same process and run.
import { sql } from 'drizzle-orm';
import { buildApp, type KaoluApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { ZodApp } from '../src/platform/http/types';

/** The ceiling route: same Fastify instance, same pool, one trivial query. */
function registerBareRoute(app: ZodApp): void {
  app.get('/api/bench/bare', { config: { access: 'public' } }, async () => {
    // buildApp attaches `kaolu` before the app is ready, so it is there by the first request.
    await (app as unknown as KaoluApp).kaolu.database.db.execute(sql`select 1`);
    return { ok: true };
  });
}

const config = loadConfig();
const app = await buildApp(config, { extraRoutes: [registerBareRoute] });
await app.listen({ host: config.host, port: config.port });
// A clean exit on SIGTERM, so the audit sealer finishes and `--cpu-prof` can write its profile.
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
