import type { z } from 'zod';
import type { HealthSchema, ReadinessSchema } from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';

export type Health = z.infer<typeof HealthSchema>;
export type Readiness = z.infer<typeof ReadinessSchema>;

/** Process liveness from GET /api/health. */
export function getHealth(options?: RequestOptions) {
  return http.get<Health>('/api/health', options);
}

/** Readiness (the database answers) from GET /api/ready; a 503 throws ApiError whose details hold the body. */
export function getReadiness(options?: RequestOptions) {
  return http.get<Readiness>('/api/ready', options);
}
