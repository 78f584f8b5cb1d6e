import path from 'node:path';
import { createDrawService, type DrawService } from './platform/draws';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { assertConfigUsable, simulatorsInUse, type Config } from './config';
import { openDatabase, type Database } from './db/client';
import { applyMigrations } from './db/migrate';
import { sealLegacyUnitContacts } from './modules/units';
import {
  registerAccessGuard,
  type PrincipalResolver,
  type RegisteredRoute,
} from './platform/auth/access';
import { answerFrameworkError, registerErrorHandler } from './platform/errors/error-handler';
import { registerForbiddenTextGuard, zodValidatorCompiler } from './platform/errors/validation';
import { loggerOptions } from './platform/http/logger';
import { generateRequestId } from './platform/http/request-id';
import { registerSpa } from './platform/http/spa';
import type { ZodApp } from './platform/http/types';
import { createJobRunner, type JobRunner } from './platform/jobs/job-runner';
import { registerJobRoutes } from './platform/jobs/jobs.routes';
import { createSoftwareCryptoProvider, type CryptoProvider } from './platform/crypto';
import { maskPhone } from './platform/masking';
import { SESSION_COOKIE, type Identity, type RealNameVerifier } from './modules/identity';
import type { DataExchangeModuleService } from './modules/data-exchange';
import type { EventsModuleService } from './modules/events';
import type { ListsService } from './modules/lists';
import { kaoluModules, type KaoluServices } from './module-registry';
import { createAuditLog, type AuditLog } from './platform/audit';
import { registerCsrfProtection } from './platform/auth/csrf';
import {
  createModules,
  registerModuleRoutes,
  startModules,
  stopModules,
  type PlatformContext,
} from './platform/modules/module-registry';
import { systemClock } from './platform/time';
import {
  createHttpSmsProvider,
  createOutboxProvider,
  createSmsGateway,
  registerSmsRoutes,
  type SmsGateway,
} from './platform/sms';

/** What the running app holds, reachable from tests and from main for shutdown and seeding. */
export type AppContext = {
  config: Config;
  database: Database;
  crypto: CryptoProvider;
  jobs: JobRunner;
  routes: RegisteredRoute[];
  identity: Identity;
  sms: SmsGateway;
  audit: AuditLog;
  events: EventsModuleService;
  lists: ListsService;
  draws: DrawService;
  exchange: DataExchangeModuleService;
  /** Every module's service, by module name (see module-registry.ts). */
  modules: KaoluServices;
};

export type KaoluApp = ZodApp & { kaolu: AppContext };

export type BuildOptions = {
  /** An already open database (tests share one per file); otherwise opened from config and closed with the app. */
  database?: Database;
  resolvePrincipal?: PrincipalResolver;
  /** Audit log override (tests assert on an in-memory recorder); otherwise the signed audit log. */
  audit?: AuditLog;
  /** Real-name interface override for tests; otherwise from config (simulator by default). */
  realName?: RealNameVerifier;
  /** Where logs go instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream;
  /** Extra route registrations, after the modules' own (tests add probe routes this way). */
  extraRoutes?: Array<(app: ZodApp) => void>;
};

/**
 * Builds a ready app: database migrated, platform plugins, every module's routes, the web app.
 * Tests call it and use `app.inject`; main calls it and listens.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<KaoluApp> {
  // The same cross-field rules as loadConfig, for configs assembled in code (tests, tools): every problem at once.
  assertConfigUsable(config);
  const app = Fastify({
    logger: loggerOptions(
      config.logLevel,
      config.env === 'development' && process.stdout.isTTY && !options.logStream,
      options.logStream,
    ),
    genReqId: generateRequestId,
    requestIdHeader: false,
    frameworkErrors: answerFrameworkError,
    // Only the configured proxies may set the client address (REG-07); never `true`.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    bodyLimit: 2 * 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  const ownsDatabase = !options.database;
  const database = options.database ?? (await openDatabase(config.database));
  await applyMigrations(database);
  const keys = await createSoftwareCryptoProvider({
    ...config.keys,
    dataDir: config.dataDir,
    isProduction: config.isProduction,
  });
  if (keys.warning) app.log.warn(keys.warning);
  // A simulator in production runs only because ALLOW_SIMULATORS names it: say so at every start.
  const simulated = config.isProduction ? simulatorsInUse(config) : [];
  if (simulated.length > 0)
    app.log.warn(`【安全警告】生产环境正在使用模拟器（ALLOW_SIMULATORS）：${simulated.join('、')}`);
  const crypto = keys.provider;
  // Unit contacts written in the clear before NFR-SEC-2 covered them are sealed before any request.
  const sealedContacts = await sealLegacyUnitContacts(database.db, crypto);
  if (sealedContacts > 0) app.log.info({ units: sealedContacts }, '已加密存量招录单位联系人信息');
  const jobs = createJobRunner({
    db: database.db,
    log: app.log,
    pollMs: config.jobs.pollMs,
    concurrency: config.jobs.concurrency ?? (database.driver === 'postgres' ? 4 : 1),
    leaseSeconds: config.jobs.leaseSeconds,
    listen: database.listen,
  });

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // Before any route is registered, so the root hook reaches every route and plugin scope (NFR-SEC-1).
  registerForbiddenTextGuard(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Cookies carry the session; the access guard and CSRF check come before any route.
  await app.register(fastifyCookie);
  // Tests may pass a recorder; server processes seal and sign the audit log on timers.
  const signedAudit = options.audit ? undefined : createAuditLog({ db: database.db, crypto });
  const audit = options.audit ?? signedAudit!;
  if (signedAudit && config.jobs.enabled)
    signedAudit.startTimers((error) => app.log.error({ err: error }, '审计日志封存或签名失败'));
  // In development the outbox also prints each SMS (masked number), so a fresh demo's first admin sees his code.
  const echoSms =
    config.env === 'development'
      ? (m: { phone: string; content: string }) =>
          app.log.warn(`【开发环境短信】${maskPhone(m.phone)}：${m.content}`)
      : undefined;
  // assertConfigUsable above guarantees the URL: SMS_PROVIDER=http never falls back to the outbox.
  const smsProvider =
    config.sms.provider === 'http'
      ? createHttpSmsProvider({ url: config.sms.url!, token: config.sms.token })
      : createOutboxProvider(echoSms);
  const sms = createSmsGateway({
    db: database.db,
    crypto,
    audit,
    provider: smsProvider,
    dailyLimit: config.sms.dailyLimit,
  });

  // Every business module, built in the registry's dependency order (checked here, before any route).
  const platform: PlatformContext = {
    config,
    database,
    db: database.db,
    crypto,
    audit,
    sealer: signedAudit,
    jobs,
    sms,
    clock: systemClock,
    // One draw service for every kind of draw, so each kind's replayer is found by the same replay.
    draws: createDrawService({ db: database.db, crypto, audit, now: () => systemClock.now() }),
    log: app.log,
  };
  const modules = kaoluModules({ realName: options.realName });
  const services = createModules(modules, platform);
  const identity = services.identity;
  const routes = registerAccessGuard(app, options.resolvePrincipal ?? identity.resolvePrincipal);
  registerCsrfProtection(app, {
    sessionCookie: SESSION_COOKIE,
    tokenForSession: identity.sessions.csrfTokenFor,
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '考录 kaolu API',
        description: '上海市公务员考录系统接口',
        version: config.version,
      },
      tags: [{ name: '系统' }, { name: '公开信息' }, { name: '后台任务' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerJobRoutes(app, jobs);
  registerSmsRoutes(app, sms);
  registerModuleRoutes(app, modules, services, platform);
  if (config.jobs.enabled) startModules(modules, services, platform);
  for (const register of options.extraRoutes ?? []) register(app);

  await registerSpa(app, config.webDistDir ?? defaultWebDist());

  app.addHook('onClose', async () => {
    await stopModules(modules, services);
    await jobs.stop();
    await signedAudit?.stop();
    if (ownsDatabase) await database.close();
  });

  const kaoluApp = app as unknown as KaoluApp;
  kaoluApp.kaolu = {
    config,
    database,
    crypto,
    jobs,
    routes,
    identity,
    sms,
    audit,
    draws: platform.draws,
    events: services.events,
    lists: services.lists,
    exchange: services['data-exchange'],
    modules: services,
  };
  await app.ready();
  return kaoluApp;
}

/** apps/web/dist next to this package, found from source and from the bundle alike. */
function defaultWebDist(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const serverRoot = path.basename(here) === 'dist' ? path.dirname(here) : path.resolve(here, '..');
  return path.resolve(serverRoot, '..', 'web', 'dist');
}
