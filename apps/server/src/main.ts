import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { seedDemoIfEmpty } from './seed/demo-seed';

/** Starts kaolu: config → app (migrated) → demo data when empty → jobs → listen; stops on signals. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  if (config.seed.enabled) await seedDemoIfEmpty(app.kaolu, app.log);
  if (config.jobs.enabled) await app.kaolu.jobs.start();
  await app.listen({ host: config.host, port: config.port });

  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${config.port}`;
  app.log.info(
    `kaolu 已启动 (${app.kaolu.database.driver}): ${url}  管理端 ${url}/admin  接口文档 ${url}/api/docs`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, '正在停止：不再接受新请求，等待进行中的请求完成');
    // Fastify stops accepting, answers 503 meanwhile, finishes in-flight requests; onClose stops jobs and the pool.
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // Config errors are for the operator: print them plainly, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
