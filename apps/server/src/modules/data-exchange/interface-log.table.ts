import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every call to an external interface (NFR-EXC-1, REG-11): which adapter and operation, the masked
 * subject, how it ended and how long it took. Operators read it when the city platform misbehaves.
 */
export const interfaceLog = pgTable(
  'interface_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    adapter: text('adapter', {
      enum: ['hukou', 'permit_validity', 'permit_points', 'real_name', 'finance', 'education'],
    }).notNull(),
    operation: text('operation').notNull(),
    subjectMasked: text('subject_masked').notNull(),
    outcome: text('outcome', {
      enum: ['ok', 'not_found', 'error', 'timeout', 'circuit_open'],
    }).notNull(),
    // Attempts including retries; 0 when the circuit breaker refused the call before it went out.
    attempts: integer('attempts').notNull(),
    latencyMs: integer('latency_ms').notNull(),
    // 'simulator' or 'http': a log read in production shows at once whether the simulator answered.
    provider: text('provider').notNull(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The operators' page reads newest first, all adapters or one.
    index('interface_log_created_idx').on(t.createdAt),
    index('interface_log_adapter_idx').on(t.adapter, t.createdAt),
  ],
);
