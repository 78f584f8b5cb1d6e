import { z } from 'zod';

/** Page request used by every list endpoint: 1-based page, bounded size so no query scans everything. */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).meta({ title: '每页条数' }),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** A page of results: the items and the total count matching the filters. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** The `:id` path parameter of every route addressing one record; always a UUID. */
export const IdParamSchema = z.object({ id: z.uuid().meta({ title: '编号' }) });
