import type { ExchangeAdapter, ExchangeOutcome } from '@kaolu/contracts';
import type { Db } from '../../db/client';
import { ExchangeUnavailableError, type ProviderKind } from './data-exchange.types';
import { interfaceLog } from './interface-log.table';

/** What a log row says about a call: adapter, operation and the subject masked (NFR-SEC-3). */
export type CallMeta = { adapter: ExchangeAdapter; operation: string; subjectMasked: string };
/** An adapter's answer with what the log needs: attempts made and whether a record was found. */
export type TrackedCall<T> = { value: T; attempts?: number; outcome?: 'ok' | 'not_found' };

/** Runs adapter calls through the interface log (NFR-EXC-1): every call, success or not, leaves a row. */
export type InterfaceLogger = {
  track<T>(meta: CallMeta, call: () => Promise<TrackedCall<T>>): Promise<T>;
};

/**
 * Logs on the application database outside any transaction: adapters are called before a use
 * case opens its transaction, so a slow platform never holds a database connection.
 */
export function createInterfaceLogger(
  db: Db,
  provider: ProviderKind,
  onLogError?: (error: unknown) => void,
): InterfaceLogger {
  async function write(
    meta: CallMeta,
    outcome: ExchangeOutcome,
    attempts: number,
    started: number,
    error: string | null,
  ) {
    const latencyMs = Math.max(0, Math.round(performance.now() - started));
    await db
      .insert(interfaceLog)
      .values({ ...meta, outcome, attempts, latencyMs, provider, error })
      // A failed log write is reported, never thrown: the call's own answer matters more than its
      // log row.
      .catch((e: unknown) => onLogError?.(e));
  }
  return {
    async track(meta, call) {
      const started = performance.now();
      try {
        const result = await call();
        await write(meta, result.outcome ?? 'ok', result.attempts ?? 1, started, null);
        return result.value;
      } catch (error) {
        const unavailable = error instanceof ExchangeUnavailableError ? error : undefined;
        const message = error instanceof Error ? error.message : String(error);
        await write(
          meta,
          unavailable?.outcome ?? 'error',
          unavailable?.attempts ?? 1,
          started,
          // Error texts are cut to 500 characters: a provider's HTML error page must not fill the
          // table.
          message.slice(0, 500),
        );
        // Every failure leaves as ExchangeUnavailableError, so callers handle one type (待核验, not a
        // decision).
        throw unavailable ?? new ExchangeUnavailableError('error', message, 1, { cause: error });
      }
    },
  };
}
