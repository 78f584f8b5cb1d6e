import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Database, Db } from '../../db/client';
import type { AuditLog, AuditSealer } from '../audit';
import type { CryptoProvider } from '../crypto';
import type { DrawService } from '../draws';
import type { ZodApp } from '../http/types';
import type { JobRunner } from '../jobs/job-runner';
import type { SmsGateway } from '../sms';
import type { Clock } from '../time';

// The module registry (NFR-MNT-1): app.ts lists every business module once, in dependency order,
// and this file builds them. A module is one object: its name, the modules whose services it uses,
// how to build its service, and its routes, jobs and timers. The order is checked at start-up.

/** What the platform gives every module: the database, crypto, audit, jobs, SMS, clock and config. */
export type PlatformContext = {
  config: Config;
  database: Database;
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  /** The signed log's sealer, absent when a test records audit entries in memory. */
  sealer?: AuditSealer;
  jobs: JobRunner;
  sms: SmsGateway;
  clock: Clock;
  /** Verifiable draws (REG-08): commit the seed hash, draw, replay. */
  draws: DrawService;
  log: FastifyBaseLogger;
};

/** One business module as the registry sees it; `Deps` are the services of `dependsOn`, by name. */
export type KaoluModule<Name extends string = string, Service = unknown, Deps = never> = {
  name: Name;
  /** The modules whose services this one uses; each must be listed earlier in the registry. */
  dependsOn: readonly string[];
  /** Builds the service (and registers its jobs) from the platform and its dependencies. */
  create(platform: PlatformContext, deps: Deps): Service;
  /** Registers the module's routes, after every service exists and the access guard is installed. */
  routes?(app: ZodApp, service: Service, platform: PlatformContext): void;
  /** Starts timers on a server process (jobs enabled); `stop` ends them when the app closes. */
  start?(service: Service, platform: PlatformContext): void;
  stop?(service: Service): void | Promise<void>;
};

// The registry stores modules with their own dependency types erased.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModule = KaoluModule<string, any, any>;

/** A module object, typed by its name, service and the dependency services its `create` takes. */
export function defineModule<Name extends string, Service, Deps = Record<never, never>>(
  module: KaoluModule<Name, Service, Deps>,
): KaoluModule<Name, Service, Deps> {
  return module;
}

/** The services of a registry, by module name. */
export type ServicesOf<M extends readonly AnyModule[]> = {
  [K in M[number] as K['name']]: ReturnType<K['create']>;
};

/**
 * Refuses a registry whose order does not respect its dependencies: a duplicate name, an unknown
 * dependency, a module listed before one it depends on, or (the same thing seen whole) a cycle.
 */
export function checkModuleOrder(modules: readonly Pick<AnyModule, 'name' | 'dependsOn'>[]): void {
  const position = new Map<string, number>();
  modules.forEach((m, i) => {
    if (position.has(m.name)) throw new Error(`module ${m.name} is registered twice`);
    position.set(m.name, i);
  });
  const cycle = findCycle(modules);
  if (cycle) throw new Error(`module dependency cycle: ${cycle.join(' → ')}`);
  modules.forEach((m, i) => {
    for (const dep of m.dependsOn) {
      const at = position.get(dep);
      if (at === undefined)
        throw new Error(`module ${m.name} depends on ${dep}, which is not registered`);
      if (at > i) throw new Error(`module ${m.name} is listed before ${dep}, which it depends on`);
    }
  });
}

/** A dependency cycle among the modules (first module repeated at the end), or undefined. */
export function findCycle(
  modules: readonly Pick<AnyModule, 'name' | 'dependsOn'>[],
): string[] | undefined {
  const deps = new Map(modules.map((m) => [m.name, m.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'visiting');
    path.push(name);
    for (const dep of deps.get(name) ?? []) {
      const found = visit(dep);
      if (found) return found;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const m of modules) {
    const found = visit(m.name);
    if (found) return found;
  }
  return undefined;
}

/** Checks the order, then builds each module's service, handing it only the services it declared. */
export function createModules<M extends readonly AnyModule[]>(
  modules: M,
  platform: PlatformContext,
): ServicesOf<M> {
  checkModuleOrder(modules);
  const built = new Map<string, unknown>();
  for (const m of modules) {
    const deps = Object.fromEntries(m.dependsOn.map((name) => [name, built.get(name)]));
    built.set(m.name, m.create(platform, deps));
  }
  return Object.fromEntries(built) as ServicesOf<M>;
}

/** Registers every module's routes, in registry order. */
export function registerModuleRoutes(
  app: ZodApp,
  modules: readonly AnyModule[],
  services: Record<string, unknown>,
  platform: PlatformContext,
): void {
  for (const m of modules) m.routes?.(app, services[m.name], platform);
}

/** Starts every module's timers, in registry order (server processes only). */
export function startModules(
  modules: readonly AnyModule[],
  services: Record<string, unknown>,
  platform: PlatformContext,
): void {
  for (const m of modules) m.start?.(services[m.name], platform);
}

/** Stops every module's timers, in reverse order, when the app closes. */
export async function stopModules(
  modules: readonly AnyModule[],
  services: Record<string, unknown>,
): Promise<void> {
  for (const m of [...modules].reverse()) await m.stop?.(services[m.name]);
}
