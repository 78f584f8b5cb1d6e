import { type AnyPgColumn, boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
    kind: text('kind', { enum: ['department', 'unit'] }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => unit.id),
    district: text('district'),
    // Police units matter to adjustment rules (INT-07) and to 基础警察 positions (ONL-03b).
    isPolice: boolean('is_police').notNull().default(false),
    contact: jsonb('contact'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_parent_idx').on(t.parentId)],
);
