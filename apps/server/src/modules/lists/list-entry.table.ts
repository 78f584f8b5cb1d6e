import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { recruitmentEvent } from '../events/event.table';
import { unit } from '../units/unit.table';

/**
 * REG-01 whitelist (ID → directed unit) and greylist (ID → reason) entries of an event. Matched by
 * the ID number's blind index; the number itself only as ciphertext and a masked copy for display.
 */
export const listEntry = pgTable(
  'list_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    kind: text('kind', { enum: ['whitelist', 'greylist'] }).notNull(),
    idNumberBidx: text('id_number_bidx').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    unitId: uuid('unit_id').references(() => unit.id),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('list_entry_event_kind_bidx_uq').on(t.eventId, t.kind, t.idNumberBidx),
    index('list_entry_bidx_idx').on(t.idNumberBidx),
  ],
);
