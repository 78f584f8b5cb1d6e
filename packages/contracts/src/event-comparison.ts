import { z } from 'zod';
import { AdminEventSchema } from './events';

// NFR-HIS-1: past events stay queryable; these figures put several of them side by side.

/** NFR-HIS-1: 2–5 events compared side by side, closed ones included; ids comma-separated. */
export const EventCompareQuerySchema = z.object({
  ids: z.string().trim().min(1, '请选择要比较的招录事项').max(400).meta({ title: '招录事项' }),
});

/** One exam category's figures within an event. */
export const EventCategoryFiguresSchema = z.object({
  examCategory: z.string(),
  name: z.string(),
  positions: z.number().int(),
  headcount: z.number().int(),
  registrations: z.number().int(),
  paid: z.number().int(),
  passed: z.number().int(),
});
export type EventCategoryFigures = z.infer<typeof EventCategoryFiguresSchema>;

/** One event's figures for the comparison (NFR-HIS-1): brochure, registration, pass line, applications. */
export const EventFiguresSchema = AdminEventSchema.pick({
  id: true,
  code: true,
  name: true,
  type: true,
  year: true,
  status: true,
}).extend({
  units: z.number().int(),
  positions: z.number().int(),
  headcount: z.number().int(),
  hired: z.number().int(),
  registrations: z.object({
    total: z.number().int(),
    passedChecks: z.number().int(),
    paid: z.number().int(),
  }),
  /** Candidates at or above the pass line that applies to them. */
  passed: z.number().int(),
  applications: z.object({ submitted: z.number().int(), approved: z.number().int() }),
  /** On an interview list (first round and adjustment), and sent to the physical exam (§7). */
  interviewListed: z.number().int(),
  physicalExam: z.number().int(),
  categories: z.array(EventCategoryFiguresSchema),
});
export type EventFigures = z.infer<typeof EventFiguresSchema>;
export const EventComparisonSchema = z.object({ items: z.array(EventFiguresSchema) });
export type EventComparison = z.infer<typeof EventComparisonSchema>;
