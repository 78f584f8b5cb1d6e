import type { MonitorSnapshot } from '@kaolu/contracts';
import { snapshotSignature } from './monitor-snapshot';

// The process's fan-out of live monitoring (IVW-09): one poll per watched event and session,
// however many monitors watch it, pushing only when the figures change; the poll stops when the
// last watcher leaves. Several server instances each poll the same database, so a check-in taken
// on one instance reaches the monitors connected to another within one poll.

/** One connected monitor: what the stream writes for a snapshot and for a heartbeat. */
export type MonitorSubscriber = {
  snapshot(s: MonitorSnapshot): void;
  heartbeat(): void;
  /** Ends the stream (server shutting down). */
  close(): void;
};

type Watch = {
  subscribers: Set<MonitorSubscriber>;
  timer: ReturnType<typeof setInterval>;
  last?: MonitorSnapshot;
  signature?: string;
  running: boolean;
  lastWrite: number;
};

export type MonitorHubOptions = {
  /** Poll period; 1.5 s keeps a room card within two seconds of the desk. */
  pollMs?: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
  onError?: (error: unknown) => void;
};

/** Creates the hub; `read` computes one snapshot of a watch key from the database. */
export function createMonitorHub(
  read: (key: string) => Promise<MonitorSnapshot>,
  options: MonitorHubOptions = {},
) {
  const pollMs = options.pollMs ?? 1500;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const watches = new Map<string, Watch>();

  async function poll(key: string, watch: Watch) {
    // A slow read is never overlapped by the next tick: one query at a time per event.
    if (watch.running) return;
    watch.running = true;
    try {
      const s = await read(key);
      const signature = snapshotSignature(s);
      if (signature !== watch.signature) {
        watch.signature = signature;
        watch.last = s;
        watch.lastWrite = Date.now();
        for (const sub of watch.subscribers) sub.snapshot(s);
      } else if (Date.now() - watch.lastWrite >= heartbeatMs) {
        watch.lastWrite = Date.now();
        for (const sub of watch.subscribers) sub.heartbeat();
      }
    } catch (error) {
      // A failed read (database restarting) is retried on the next tick; watchers keep waiting.
      options.onError?.(error);
    } finally {
      watch.running = false;
    }
  }

  return {
    /** Adds a watcher; he gets the last snapshot at once if the poll has one. Returns leave(). */
    subscribe(key: string, sub: MonitorSubscriber): () => void {
      let watch = watches.get(key);
      if (!watch) {
        const fresh: Watch = {
          subscribers: new Set(),
          running: false,
          lastWrite: Date.now(),
          timer: setInterval(() => void poll(key, fresh), pollMs),
        };
        watches.set(key, fresh);
        watch = fresh;
        void poll(key, fresh);
      } else if (watch.last) sub.snapshot(watch.last);
      watch.subscribers.add(sub);
      const w = watch;
      return () => {
        w.subscribers.delete(sub);
        if (w.subscribers.size === 0 && watches.get(key) === w) {
          clearInterval(w.timer);
          watches.delete(key);
        }
      };
    },

    /** How many polls run (tests: the poll stops with its last watcher). */
    activePolls: () => watches.size,

    /** Ends every stream and poll (server shutdown). */
    closeAll(): void {
      for (const [key, w] of watches) {
        clearInterval(w.timer);
        for (const sub of w.subscribers) sub.close();
        watches.delete(key);
      }
    },
  };
}

export type MonitorHub = ReturnType<typeof createMonitorHub>;
