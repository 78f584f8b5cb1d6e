import { z } from 'zod';
import { EventStatusSchema, EventTypeSchema, JobStatusSchema } from './enums';
import { pageOf } from './common';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
});

export const ReadinessSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unavailable']),
  driver: z.enum(['pglite', 'postgres']),
});

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
