// The candidate position search 职位查询 lives in the URL query (ONL-03): a result can be shared,
// bookmarked and restored with the back button. These functions read a query into a typed search
// and write one back; anything unknown or malformed in a hand-edited URL falls back to the default.
import {
  EDUCATION_LEVEL_LABELS,
  POSITION_CATEGORY_LABELS,
  RESIDENCE_LABELS,
  type PositionCategory,
} from '@kaolu/contracts';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { PositionSearch } from '@/features/positions/positions.api';

export type Education = keyof typeof EDUCATION_LEVEL_LABELS;
export type Residence = keyof typeof RESIDENCE_LABELS;

/** The sort orders the server accepts, with the label shown in the form. */
export const SORTS = { code: '按职位代码', headcount: '按招录人数', unit: '按招录单位' } as const;
export type SortKey = keyof typeof SORTS;

/** Defaults are left out of the URL, so a plain /positions link and the reset state look alike. */
const DEFAULT_PAGE_SIZE = 10;

// A repeated key (?keyword=a&keyword=b) arrives as an array; only a single string counts.
function readText(query: LocationQuery, key: string): string {
  const value = query[key];
  return typeof value === 'string' ? value : '';
}

// page, pageSize and minHeadcount: positive integers only; 0, negatives and text fall back.
function readPositive(query: LocationQuery, key: string, fallback: number): number {
  const value = Number(readText(query, key));
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A value of a label map, or undefined: only known enum values reach the API. */
function pick<T extends string>(
  query: LocationQuery,
  key: string,
  labels: Record<T, string>,
): T | undefined {
  const value = readText(query, key);
  return value in labels ? (value as T) : undefined;
}

/** The typed search a URL query describes. */
export function searchFromQuery(query: LocationQuery): PositionSearch {
  return {
    eventId: readText(query, 'eventId') || undefined,
    keyword: readText(query, 'keyword') || undefined,
    category: pick<PositionCategory>(query, 'category', POSITION_CATEGORY_LABELS),
    education: pick<Education>(query, 'education', EDUCATION_LEVEL_LABELS),
    residence: pick<Residence>(query, 'residence', RESIDENCE_LABELS),
    major: readText(query, 'major') || undefined,
    minHeadcount: readPositive(query, 'minHeadcount', 0) || undefined,
    sort: pick<SortKey>(query, 'sort', SORTS) ?? 'code',
    order: readText(query, 'order') === 'desc' ? 'desc' : 'asc',
    page: readPositive(query, 'page', 1),
    pageSize: readPositive(query, 'pageSize', DEFAULT_PAGE_SIZE),
  };
}

/** The URL query of a search, with empty and default values left out to keep links short. */
export function queryFromSearch(search: PositionSearch): LocationQueryRaw {
  return {
    eventId: search.eventId || undefined,
    keyword: search.keyword || undefined,
    category: search.category || undefined,
    education: search.education || undefined,
    residence: search.residence || undefined,
    major: search.major || undefined,
    minHeadcount: search.minHeadcount ? String(search.minHeadcount) : undefined,
    sort: search.sort !== 'code' ? search.sort : undefined,
    order: search.order === 'desc' ? 'desc' : undefined,
    page: search.page > 1 ? String(search.page) : undefined,
    pageSize: search.pageSize !== DEFAULT_PAGE_SIZE ? String(search.pageSize) : undefined,
  };
}
