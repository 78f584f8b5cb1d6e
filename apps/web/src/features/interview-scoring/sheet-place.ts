import type { SheetRefusal } from './sheet-store';

// Where a sheet is and what the server's refusals mean (IVW-08), shared by the sheet book and the
// pages: the examiner always reads in Chinese where his sheet stands.

/** Where a sheet is, as the page says it (IVW-08: the examiner always knows). */
export type SheetPlace = 'none' | 'local' | 'draft' | 'submitted' | 'confirmed' | 'withdrawn';

export const SHEET_PLACE_LABELS: Record<SheetPlace, string> = {
  none: '尚未评分',
  local: '仅保存在本机（未联网）',
  draft: '已同步到服务器（未提交）',
  submitted: '已提交，待监督员确认',
  confirmed: '监督员已确认',
  withdrawn: '已撤回',
};

/** Retry delays after a failed send: 1 s doubling to 30 s, so a venue's Wi-Fi is not flooded. */
export const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000] as const;

export type FailureLike = {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  details?: unknown;
};

/**
 * A refusal is an answer the server will give again (4xx but 401, 408 and 429): retrying cannot
 * help, the examiner must change something. Anything else (no answer, 5xx, expired session) is
 * retried, because the sheet must get there in the end.
 */
export function refusalOf(error: unknown): SheetRefusal | null {
  const e = (error ?? {}) as FailureLike;
  const status = typeof e.status === 'number' ? e.status : 0;
  if (status < 400 || status >= 500 || [401, 408, 429].includes(status)) return null;
  const listed = (e.details as { problems?: unknown } | null)?.problems;
  return {
    code: typeof e.code === 'string' ? e.code : `HTTP.${status}`,
    message: typeof e.message === 'string' ? e.message : '服务器拒绝了该评分表',
    problems: Array.isArray(listed) ? listed.map(problemOf) : [],
  };
}

/** One listed problem; the indicator it names, under whichever key the server used. */
function problemOf(p: unknown): { field: string | null; message: string } {
  if (typeof p !== 'object' || p === null) return { field: null, message: String(p) };
  const o = p as Record<string, unknown>;
  const field = [o.indicator, o.code, o.field].find((v) => typeof v === 'string');
  return { field: (field as string | undefined) ?? null, message: String(o.message ?? '') };
}
