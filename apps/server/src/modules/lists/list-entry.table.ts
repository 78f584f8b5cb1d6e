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
    // Whitelist only: the unit the candidate is directed to (定向单位).
    unitId: uuid('unit_id').references(() => unit.id),
    // Greylist only: why the candidate is greylisted.
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One entry per number and list in an event: a second put replaces the first.
    unique('list_entry_event_kind_bidx_uq').on(t.eventId, t.kind, t.idNumberBidx),
    // Lookups by event and number (matchByBlindIndex) name no kind, so the unique index alone is
    // not enough.
    index('list_entry_bidx_idx').on(t.idNumberBidx),
  ],
);

/** What an entry sets: the directed unit (whitelist) or the reason (greylist). */
export type ListValue = { unitId: string | null; note: string | null };
