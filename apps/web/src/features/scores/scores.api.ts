import type { z } from 'zod';
import type {
  AdminScorePageSchema,
  AdminScoreQuerySchema,
  CandidateScore,
  CandidateScoreListSchema,
  PassLine,
  PassLineListSchema,
  PublishScoresResultSchema,
  ScoreImportResultSchema,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';

export type { CandidateScore, PassLine };
export type PassLineList = z.infer<typeof PassLineListSchema>;
export type AdminScorePage = z.infer<typeof AdminScorePageSchema>;

/** Written-exam scores (ONL-02): the candidate's own, and the staff import / lines / publication. */
export const scoresApi = {
  mine: (options?: RequestOptions) =>
    http.get<z.infer<typeof CandidateScoreListSchema>>('/api/candidate/scores', options),
  list: (
    eventId: string,
    query: Pick<z.output<typeof AdminScoreQuerySchema>, 'page' | 'pageSize'> & {
      examCategory?: string;
    },
    options?: RequestOptions,
  ) => http.get<AdminScorePage>(`/api/admin/events/${eventId}/scores`, { ...options, query }),
  /** A refusal (IMPORT.ROWS_INVALID) carries every bad row and field in details.problems. */
  importFile: (eventId: string, fileBase64: string, background: boolean) =>
    http.post<z.infer<typeof ScoreImportResultSchema>>(
      `/api/admin/events/${eventId}/scores/import`,
      { fileBase64, background },
      { silent: true },
    ),
  passLines: (eventId: string, options?: RequestOptions) =>
    http.get<PassLineList>(`/api/admin/events/${eventId}/pass-lines`, options),
  setPassLines: (eventId: string, lines: PassLine[]) =>
    http.put<PassLineList>(`/api/admin/events/${eventId}/pass-lines`, { lines }),
  publish: (eventId: string) =>
    http.post<z.infer<typeof PublishScoresResultSchema>>(
      `/api/admin/events/${eventId}/scores/publish`,
      {},
    ),
};
