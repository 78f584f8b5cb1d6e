import { z } from 'zod';

// Excel uploads shared by the imports (positions, hires, white- and greylists): the file travels as
// base64 in JSON, and every problem found is reported by row and column.

/** An Excel upload as base64 (the web client speaks JSON); the file's first sheet is read. */
export const ExcelUploadSchema = z.object({
  fileBase64: z.string().min(1).max(30_000_000).meta({ title: '文件' }),
  reason: z.string().trim().max(500).optional().meta({ title: '原因' }),
});

/** One problem of an import, by row (Excel row number) and field (column header). */
export const ImportProblemSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;
export const ImportResultSchema = z.object({
  imported: z.number().int(),
  jobId: z.uuid().optional(),
});
