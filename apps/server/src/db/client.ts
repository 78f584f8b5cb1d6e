import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** The Drizzle handle every repository takes; the same type for PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; repositories accept `Db | Tx` so use cases can compose them in one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Connection URL of the PostgreSQL server (absent for PGlite). */
  url?: string;
  /** Answers whether the database responds, for /api/ready. */
  ping(): Promise<boolean>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` (delivered when the notifying transaction commits);
   * resolves to an unsubscribe function, to be called before `close`.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onError?: (error: unknown) => void,
  ): Promise<Unlisten>;
  close(): Promise<void>;
};
export type Unlisten = () => Promise<void>;

export type DatabaseOptions = { url?: string; poolMax: number; pgliteDir?: string };

/**
 * Opens the database: node-postgres pool when a URL is given (production), otherwise embedded
 * PGlite in `pgliteDir` (or in memory when no folder is given — tests).
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolMax);
  return openPglite(options.pgliteDir);
}

async function openPostgres(url: string, poolMax: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolMax, idleTimeoutMillis: 30_000 });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    url,
    ping: () => pingWith(db),
    listen: (channel, onNotify, onError) => listenPostgres(url, channel, onNotify, onError),
    close: () => pool.end(),
  };
}

const LISTEN_RETRY_MS = { first: 500, max: 30_000 };

/**
 * LISTEN on a dedicated client outside the pool: a pooled connection would be handed to other
 * queries and lose the subscription. If the connection drops (server restart, network), it
 * reconnects with growing delays and reports one notification on each reconnect, because NOTIFYs
 * sent meanwhile are lost; callers keep a poll as the safety net while it is down. Never rejects:
 * a failed first connection is retried the same way.
 */
async function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onError: (error: unknown) => void = () => undefined,
): Promise<Unlisten> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = LISTEN_RETRY_MS.first;
  let firstAttempt = true;

  const reconnectLater = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, LISTEN_RETRY_MS.max);
  };

  const connect = async () => {
    const catchUp = !firstAttempt;
    firstAttempt = false;
    // keepAlive: a half-open connection (peer gone without FIN) must fail rather than wait silently.
    const c = new pg.Client({
      connectionString: url,
      keepAlive: true,
      application_name: 'kaolu-job-listener',
    });
    c.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    c.on('error', (error) => {
      onError(error);
      // 'end' follows an error on a connected client; this covers a client that never connected.
      void c.end().catch(() => undefined);
    });
    c.on('end', () => {
      if (client !== c) return;
      client = undefined;
      reconnectLater();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
    } catch (error) {
      onError(error);
      await c.end().catch(() => undefined);
      reconnectLater();
      return;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    delay = LISTEN_RETRY_MS.first;
    if (catchUp) onNotify('');
  };

  await connect();
  return async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = undefined;
    await c?.end().catch(() => undefined);
  };
}

async function openPglite(dir?: string): Promise<Database> {
  if (dir) await mkdir(dir, { recursive: true });
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    ping: () => pingWith(db),
    // One process, one session: PGlite delivers a NOTIFY to its own listeners at commit, like a server.
    listen: (channel, onNotify) =>
      client.listen(channel, onNotify).then((unlisten) => () => unlisten()),
    close: () => client.close(),
  };
}

async function pingWith(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** Rows of a raw `db.execute(sql…)` result; both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
