import { z } from 'zod';
import {
  EventStatusSchema,
  EventTypeSchema,
  JobStatusSchema,
  PositionCategorySchema,
} from './enums';
import { pageOf } from './common';

/** GET /api/health: the process answers; says nothing about the database (see readiness). */
export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
});

/** The database behind the server: embedded PGlite (demo, tests) or PostgreSQL (production). */
export const DatabaseDriverSchema = z.enum(['pglite', 'postgres']);
export const DATABASE_DRIVER_LABELS: Record<z.infer<typeof DatabaseDriverSchema>, string> = {
  pglite: 'PGlite（内置）',
  postgres: 'PostgreSQL',
};

/**
 * GET /api/ready: whether the database answers, so a load balancer routes only to ready servers.
 */
export const ReadinessSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unavailable']),
  driver: DatabaseDriverSchema,
});

/** A background job (imports, batch checks, SMS runs) as the admin portal shows its progress. */
export const JobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: JobStatusSchema,
  progress: z.number().int().min(0).max(100),
  message: z.string().nullable(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  result: z.unknown().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type Job = z.infer<typeof JobSchema>;
export const JobPageSchema = pageOf(JobSchema);

/** An event on the public site: what candidates need to find it, nothing of its policy. */
export const PublicEventSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: EventTypeSchema,
  year: z.number().int(),
  status: EventStatusSchema,
});
export type PublicEvent = z.infer<typeof PublicEventSchema>;
export const PublicEventPageSchema = pageOf(PublicEventSchema);

/** The public position search; the candidate portal extends it (PositionSearchQuerySchema). */
export const PublicPositionQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).meta({ title: '每页条数' }),
  eventId: z.uuid().optional().meta({ title: '招录事项' }),
  keyword: z.string().trim().max(50).optional().meta({ title: '关键字' }),
  category: PositionCategorySchema.optional().meta({ title: '职位类别' }),
});
export type PublicPositionQuery = z.infer<typeof PublicPositionQuerySchema>;

/** One row of the public position list; the detail view adds the conditions. */
export const PublicPositionSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  category: PositionCategorySchema,
  headcount: z.number().int(),
});
export type PublicPosition = z.infer<typeof PublicPositionSchema>;
export const PublicPositionPageSchema = pageOf(PublicPositionSchema);
