import type { EventPolicy, EventStatus, EventType } from '@kaolu/contracts';
import type { DbOrTx } from '../../db/client';
import { eventPolicyVersion, recruitmentEvent } from './event.table';

/**
 * The demo seed's event, with its policy as version 1 as if created in the admin portal (no audit:
 * generated data, written in the seed's transaction). Returns the new event's id.
 */
export async function insertSeedEvent(
  tx: DbOrTx,
  event: {
    code: string;
    name: string;
    type: EventType;
    year: number;
    status: EventStatus;
    policy: EventPolicy;
  },
): Promise<string> {
  const [row] = await tx
    .insert(recruitmentEvent)
    .values(event)
    .returning({ id: recruitmentEvent.id });
  await tx.insert(eventPolicyVersion).values({
    eventId: row!.id,
    version: 1,
    policy: event.policy,
    reason: '演示数据',
    createdBy: 'system',
  });
  return row!.id;
}
