import {
  type AnyPgColumn,
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Recruiting units 招录单位 and their supervising departments 主管部门 in one hierarchy:
 * a department has no parent; unit users are scoped to a unit or a whole department.
 */
export const unit = pgTable(
  'unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    // 'hospital' and 'school' are the physical-exam organisations of the hospital-school portal
    // (§3 HOS): their users hold a unit-scoped grant on them like a unit's users.
    kind: text('kind', { enum: ['department', 'unit', 'hospital', 'school'] }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => unit.id),
    district: text('district'),
    // Police units matter to adjustment rules (INT-07) and to 基础警察 positions (ONL-03b).
    isPolice: boolean('is_police').notNull().default(false),
    // The contact person (name, landline, address) as one SM4 ciphertext bound to the row, written by
    // the units service (NFR-SEC-2); key rotation finds it by its `_enc` name.
    contactEnc: text('contact_enc'),
    // Contacts as clear JSON from before they were encrypted: sealLegacyUnitContacts moves each into
    // contact_enc at start-up and empties this column; nothing writes it any more.
    legacyContact: jsonb('contact'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_parent_idx').on(t.parentId)],
);
