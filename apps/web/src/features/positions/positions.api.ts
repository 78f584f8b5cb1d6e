import type { PositionSearchQuery, PublicPosition } from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import type { Paged } from '../paged';

export type { PublicPosition };
// The foundation's filters plus unit, education, major, hukou, headcount and sort; the sort fields are the contracts enum.
export type PositionSearch = Omit<PositionSearchQuery, 'sort' | 'order'> &
  Partial<Pick<PositionSearchQuery, 'sort' | 'order'>>;

/** Searches the published positions of an event 职位查询 for candidates. */
// Public and anonymous: only published positions are answered, so no permission is needed here.
export function findPublicPositions(query: PositionSearch, options?: RequestOptions) {
  return http.get<Paged<PublicPosition>>('/api/public/positions', { ...options, query });
}
