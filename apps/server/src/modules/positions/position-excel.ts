import {
  DEGREE_LABELS,
  DETAIL_KEYS,
  EDUCATION_LEVEL_LABELS,
  JUDICIAL_MEDICAL_MAJOR_TYPES,
  POSITION_CATEGORY_LABELS,
  PositionInputSchema,
  RESIDENCE_LABELS,
  type AdminPosition,
  type BrochureColumn,
  type ImportProblem,
  type PositionInput,
} from '@kaolu/contracts';
import { POLITICAL_LABELS } from '@kaolu/domain';
import type ExcelJS from 'exceljs';
import { cellText, headerColumns } from '../../platform/excel/excel-cells';

// Label ↔ value maps for the enum columns: a sheet may carry either the Chinese label or the code.
const ENUM_LABELS: Record<string, Record<string, string>> = {
  category: POSITION_CATEGORY_LABELS,
  minEducation: EDUCATION_LEVEL_LABELS,
  minDegree: DEGREE_LABELS,
  gender: { male: '男', female: '女' },
  residence: RESIDENCE_LABELS,
  politicalStatus: POLITICAL_LABELS,
  majorTypes: JUDICIAL_MEDICAL_MAJOR_TYPES,
};
// Columns whose values live in the position's conditions JSON (read by the eligibility engine);
// DETAIL_KEYS go to details, everything else is a column of the position row itself.
const CONDITION_KEYS = new Set([
  'minEducation',
  'minDegree',
  'majorKeywords',
  'majorTypes',
  'minAge',
  'maxAge',
  'gender',
  'politicalStatus',
  'residence',
  'minWorkYears',
  'minGrassrootsYears',
  'other',
]);
const DETAILS = new Set<string>(DETAIL_KEYS);
// Units write 不限 or 无 for "no requirement": read as absent, except in free-text columns.
const UNLIMITED = new Set(['', '不限', '无']);

/** The code of an enum cell written as code or label; 男性 / 女性 are accepted for 男 / 女. */
function enumValue(key: string, text: string): string | undefined {
  const labels = ENUM_LABELS[key] ?? {};
  if (text in labels) return text;
  return Object.entries(labels).find(([, label]) => label === text || `${label}性` === text)?.[0];
}

/** A parsed cell: a value, nothing (blank or 不限), or a problem for the import report. */
type Parsed = { value?: unknown; problem?: string };

/** One cell's text as the column's value, or a Chinese problem naming what was expected. */
function parseCell(column: BrochureColumn, text: string): Parsed {
  // In a text column 无 may be meant literally, so it is kept there.
  if (UNLIMITED.has(text) && column.kind !== 'text') return {};
  if (text === '') return {};
  switch (column.kind) {
    case 'int':
      return /^\d+$/.test(text)
        ? { value: Number(text) }
        : { problem: `应为整数，实际为「${text}」` };
    case 'bool':
      if (['是', 'Y', 'y', '1', 'true'].includes(text)) return { value: true };
      if (['否', 'N', 'n', '0', 'false'].includes(text)) return { value: false };
      return { problem: `应为「是」或「否」，实际为「${text}」` };
    case 'enum': {
      const value = enumValue(column.key, text);
      const options = Object.values(ENUM_LABELS[column.key] ?? {}).join('、');
      return value ? { value } : { problem: `「${text}」不是可选值（可选：${options}）` };
    }
    case 'list': {
      // Units separate list items with any of 、 , ， ; ； or spaces; all are accepted.
      const items = text.split(/[、,，;；\s]+/).filter(Boolean);
      if (!ENUM_LABELS[column.key]) return { value: items };
      const values = items.map((i) => enumValue(column.key, i));
      const bad = items.filter((_, n) => !values[n]);
      return bad.length ? { problem: `「${bad.join('、')}」不是可选值` } : { value: values };
    }
    default:
      return { value: text };
  }
}

/** Builds a position input from one sheet row, collecting every cell's problem by row and column. */
function rowToInput(
  row: ExcelJS.Row,
  columns: BrochureColumn[],
  at: Map<string, number>,
  problems: ImportProblem[],
): PositionInput | undefined {
  const raw: Record<string, unknown> = { conditions: { residence: 'any' }, details: {} };
  // Columns already reported for this row: their absence must not be reported a second time by zod.
  const reported = new Set<string>();
  for (const column of columns) {
    const col = at.get(column.label);
    if (col === undefined) continue;
    const parsed = parseCell(column, cellText(row.getCell(col)));
    if (parsed.problem) {
      problems.push({ row: row.number, field: column.label, message: parsed.problem });
      reported.add(column.key);
      continue;
    }
    if (parsed.value === undefined) continue;
    if (CONDITION_KEYS.has(column.key))
      (raw.conditions as Record<string, unknown>)[column.key] = parsed.value;
    else if (DETAILS.has(column.key))
      (raw.details as Record<string, unknown>)[column.key] = parsed.value;
    else raw[column.key] = parsed.value;
  }
  const result = PositionInputSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[issue.path.length - 1] ?? '');
      if (reported.has(key)) continue;
      const label = columns.find((c) => c.key === key)?.label ?? key;
      problems.push({ row: row.number, field: label, message: issue.message });
    }
    return undefined;
  }
  // A row with any cell problem yields no input, so it can never be written half-understood.
  return reported.size ? undefined : result.data;
}

/** Reads every data row of a brochure sheet; rows and problems keep the sheet's row numbers. */
export function readPositionSheet(sheet: ExcelJS.Worksheet, columns: BrochureColumn[]) {
  const problems: ImportProblem[] = [];
  const { columns: at, missing } = headerColumns(
    sheet,
    columns.map((c) => c.label),
  );
  const missingRequired = columns.filter((c) => c.required && missing.includes(c.label));
  for (const c of missingRequired)
    problems.push({ row: 1, field: c.label, message: `缺少必填列「${c.label}」` });
  const rows: Array<{ row: number; input: PositionInput }> = [];
  if (missingRequired.length) return { rows, problems };
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    // Empty rows (formatting left below the data) are skipped, not reported.
    const values = Array.isArray(row.values) ? row.values : [];
    if (values.every((v) => v === null || v === undefined || String(v).trim() === '')) return;
    const input = rowToInput(row, columns, at, problems);
    if (input) rows.push({ row: number, input });
  });
  return { rows, problems };
}

/** One position as the cells of its format's columns, labels in Chinese (export and template). */
export function positionToCells(
  p: AdminPosition,
  columns: BrochureColumn[],
): Array<string | number | boolean | null> {
  const conditions = p.conditions as Record<string, unknown>;
  return columns.map((c) => {
    const value = CONDITION_KEYS.has(c.key)
      ? conditions[c.key]
      : DETAILS.has(c.key)
        ? p.details[c.key]
        : (p as Record<string, unknown>)[c.key];
    if (value === undefined || value === null) return null;
    const labels = ENUM_LABELS[c.key];
    if (Array.isArray(value))
      return value.map((v) => (labels ? (labels[String(v)] ?? String(v)) : String(v))).join('、');
    // Export writes labels, not codes: the sheet is for people, and import reads labels back.
    if (labels && typeof value === 'string') return labels[value] ?? value;
    return value as string | number | boolean;
  });
}
