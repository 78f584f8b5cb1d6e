import type { ImportProblem, InterviewImportKind } from '@kaolu/contracts';
import type ExcelJS from 'exceljs';
import { cellText, headerColumns, writeSheet } from '../../platform/excel/excel-cells';

// The Excel templates of the interview imports (IVW-02) and the reading of their rows: headers
// marked * are required; the psych sheet takes any further columns as its fields.

/** Required and optional headers of each template, in the template's order. */
export const IMPORT_COLUMNS: Record<
  InterviewImportKind,
  { required: readonly string[]; optional: readonly string[]; example: readonly string[] }
> = {
  candidates: {
    required: ['准考证号', '姓名', '身份证号', '性别', '职位代码'],
    optional: [],
    example: ['2026010001', '张三', '310101199001011234', '男', '10001'],
  },
  positions: {
    required: ['职位代码', '职位名称', '单位'],
    optional: ['专业'],
    example: ['10001', '综合管理', '上海市示例局', '法学'],
  },
  examiners: {
    required: ['编号', '姓名', '单位'],
    optional: ['区', '可任主考官', '可任专业考官', '固定考官', '回避单位', '回避职位'],
    example: ['K001', '李四', '上海市示例局', '黄浦区', '是', '否', '否', '上海市另一局', '10002'],
  },
  psych: {
    required: ['准考证号'],
    optional: [],
    example: ['2026010001', '良好', '无'],
  },
};

/** The template's file name, in Chinese for the person who downloads it. */
export const TEMPLATE_NAMES: Record<InterviewImportKind, string> = {
  candidates: '面试考生导入模板',
  positions: '面试职位导入模板',
  examiners: '考官导入模板',
  psych: '心理测评信息导入模板',
};

/** The template workbook: headers (required ones marked *) and one example row. */
export async function templateOf(kind: InterviewImportKind): Promise<Buffer> {
  const { required, optional, example } = IMPORT_COLUMNS[kind];
  // The psych sheet's fields are the institute's own: two sample columns show the shape.
  const extra = kind === 'psych' ? ['测评结论', '备注'] : [];
  const header = [...required.map((h) => `${h}*`), ...optional, ...extra];
  return writeSheet(TEMPLATE_NAMES[kind], header, [example]);
}

/** One data row of a sheet: its Excel row number and its cells by header. */
// Cells are read as text (formulas as their result), so codes like 001 keep their zeros.
export type SheetRow = { row: number; cells: Map<string, string> };

/**
 * Reads every non-empty data row by header. Missing required headers are a problem on row 1,
 * so a wrong template is reported like any other problem instead of reading nothing.
 */
export function readRows(
  sheet: ExcelJS.Worksheet,
  kind: InterviewImportKind,
): { rows: SheetRow[]; problems: ImportProblem[]; extraHeaders: string[] } {
  const { required, optional } = IMPORT_COLUMNS[kind];
  const { columns, missing } = headerColumns(sheet, [...required, ...optional]);
  const problems: ImportProblem[] = missing
    .filter((h) => required.includes(h))
    .map((h) => ({ row: 1, field: h, message: `缺少必填列「${h}」，请使用下载的模板` }));
  // The psych sheet keeps every other column it brings, by its header.
  const extraHeaders: string[] = [];
  if (kind === 'psych')
    sheet.getRow(1).eachCell((cell, col) => {
      const text = cellText(cell).replace(/[*＊]$/, '');
      if (text && !columns.has(text)) {
        columns.set(text, col);
        extraHeaders.push(text);
      }
    });
  // Empty rows (a sheet's formatting often reaches further than its data) are skipped.
  const rows: SheetRow[] = [];
  sheet.eachRow((excelRow, row) => {
    if (row === 1) return;
    const cells = new Map<string, string>();
    for (const [header, col] of columns) cells.set(header, cellText(excelRow.getCell(col)));
    if ([...cells.values()].every((v) => v === '')) return;
    rows.push({ row, cells });
  });
  if (rows.length === 0 && problems.length === 0)
    problems.push({ row: 2, field: '', message: '文件中没有数据行' });
  // Required cells left empty are reported here once for every import kind.
  for (const { row, cells } of rows)
    for (const h of required)
      if (!cells.get(h)) problems.push({ row, field: h, message: `「${h}」不能为空` });
  return { rows, problems, extraHeaders };
}

/** 是 / 否 (also Y / N, 1 / 0; empty is 否) as a boolean; undefined for anything else. */
export function yesNo(text: string | undefined): boolean | undefined {
  const t = (text ?? '').trim().toUpperCase();
  if (t === '' || t === '否' || t === 'N' || t === '0') return false;
  if (t === '是' || t === 'Y' || t === '1') return true;
  return undefined;
}

/** A list cell (回避单位, 回避职位): items separated by 、，, ; or spaces. */
export function listCell(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[、，,；;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reports a value met twice in one file, naming the first row. */
export function duplicateChecker(field: string) {
  const seen = new Map<string, number>();
  return (problems: ImportProblem[], row: number, value: string | undefined) => {
    if (!value) return;
    const first = seen.get(value);
    if (first !== undefined)
      problems.push({ row, field, message: `「${field}」与第${first}行重复` });
    else seen.set(value, row);
  };
}
