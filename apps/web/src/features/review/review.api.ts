import type { z } from 'zod';
import type {
  BulkApproveResultSchema,
  EducationCheck,
  ReviewDecisionSchema,
  ReviewDetail,
  ReviewQueueQuery,
  ReviewQueueSchema,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';

export type { EducationCheck, ReviewDetail };
export type ReviewQueue = z.infer<typeof ReviewQueueSchema>;

/** Unit review 资格审查: the scoped queue, detail, 学信 check and outcomes. */
export const reviewApi = {
  queue: (query: Partial<ReviewQueueQuery>, options?: RequestOptions) =>
    http.get<ReviewQueue>('/api/admin/reviews', { ...options, query }),
  /** Across units, for the organisation department: applications past their review deadline. */
  overdue: (query: Partial<ReviewQueueQuery>, options?: RequestOptions) =>
    http.get<ReviewQueue>('/api/admin/reviews/overdue', { ...options, query }),
  detail: (id: string, options?: RequestOptions) =>
    http.get<ReviewDetail>(`/api/admin/reviews/${id}`, options),
  /** INT-09e: queries 学信 (adapter, a simulator in development) and stores the comparison. */
  checkEducation: (id: string) =>
    http.post<EducationCheck>(`/api/admin/reviews/${id}/education-check`, {}),
  decide: (id: string, body: z.input<typeof ReviewDecisionSchema>) =>
    http.post<ReviewDetail>(`/api/admin/reviews/${id}/decision`, body),
  /** Same-origin URL of a submitted material: inline previews it, attachment downloads it (both audited). */
  attachmentUrl: (id: string, fileId: string, disposition: 'inline' | 'attachment') =>
    `/api/admin/reviews/${encodeURIComponent(id)}/attachments/${encodeURIComponent(fileId)}?disposition=${disposition}`,
  /** `confirm: true` tells the server the user confirmed; it refuses a bulk approval without it. */
  bulkApprove: (ids: string[]) =>
    http.post<z.infer<typeof BulkApproveResultSchema>>('/api/admin/reviews/bulk-approve', {
      ids,
      confirm: true,
    }),
};
