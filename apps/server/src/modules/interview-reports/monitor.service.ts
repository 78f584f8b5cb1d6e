import type { MonitorSnapshot, ReportEventList } from '@kaolu/contracts';
import type { Db } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { reportEventsOf } from '../interviews';
import { createMonitorHub, type MonitorHubOptions, type MonitorSubscriber } from './monitor-hub';
import { readSnapshot } from './monitor-snapshot';
import { eventInScope, eventsInScope } from './report-scope';

const PERMISSION = 'interview.monitor' as const;

/**
 * Live monitoring (IVW-09): the events a monitor may watch, a snapshot for the first paint and a
 * subscription to the shared poll. Read-only: nothing here writes or audits.
 */
export function createMonitorService(
  deps: { db: Db; now: () => Date },
  options: MonitorHubOptions = {},
) {
  const { db, now } = deps;
  // A watch key names the event and the chosen session ('' = the current one, which moves on
  // with the clock from morning to afternoon).
  const hub = createMonitorHub(async (key) => {
    const [eventId, sessionId] = key.split('|') as [string, string];
    const [event] = await reportEventsOf(db, [eventId]);
    if (!event) throw new Error('monitored event vanished');
    return readSnapshot(db, event, sessionId || undefined, now());
  }, options);

  return {
    hub,
    async events(principal: Principal | undefined): Promise<ReportEventList> {
      const events = await eventsInScope(db, principal, PERMISSION);
      return { items: events.map(({ recruitmentEventId: _r, ...e }) => e) };
    },

    async snapshot(
      eventId: string,
      sessionId: string | undefined,
      principal: Principal | undefined,
    ): Promise<MonitorSnapshot> {
      const event = await eventInScope(db, principal, PERMISSION, eventId, sessionId);
      return readSnapshot(db, event, sessionId, now());
    },

    /**
     * Checks scope first (403 before the stream opens), then joins the event's shared poll.
     * Returns leave(), which stops the poll when it was the last watcher.
     */
    async watch(
      eventId: string,
      sessionId: string | undefined,
      principal: Principal | undefined,
      subscriber: () => MonitorSubscriber,
    ): Promise<() => void> {
      await eventInScope(db, principal, PERMISSION, eventId, sessionId);
      return hub.subscribe(`${eventId}|${sessionId ?? ''}`, subscriber());
    },
  };
}

export type MonitorService = ReturnType<typeof createMonitorService>;
