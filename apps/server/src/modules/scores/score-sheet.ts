import { JUDICIAL_MEDICAL_MAJOR_TYPES, type ImportProblem } from '@kaolu/contracts';
import { parseCenti, validateIdNumber, type Centi } from '@kaolu/domain';
import type ExcelJS from 'exceljs';
import { cellText, headerColumns } from '../../platform/excel/excel-cells';

/** A confirmed registration the sheet may name, by admission ticket or by ID-number blind index. */
export type ScoreTarget = {
  registrationId: string;
  candidateId: string;
  examCategory: string;
  hasProfessional: boolean;
};
/** Finds the registration a row names; the ID-number side hashes to a blind index inside. */
export type ScoreLookup = {
  byTicket(ticket: string): ScoreTarget | undefined;
  byIdNumber(idNumber: string): ScoreTarget | undefined;
};

/** One valid row: its target and each subject in hundredths (null when 缺考 or not sat). */
export type ParsedScore = ScoreTarget & {
  xingce: Centi | null;
  shenlun: Centi | null;
  professional: Centi | null;
  absent: boolean;
  majorType: string | null;
};

// The institute's template headers; 专业科目 and 专业能力测试 are two names for one column.
export const SCORE_HEADERS = [
  '准考证号',
  '身份证号',
  '行测',
  '申论',
  '专业科目',
  '专业能力测试',
  '缺考',
  '专业类别',
] as const;
// How the institute's staff mark 缺考 in practice.
const ABSENT_WORDS = new Set(['缺考', '是', 'Y', 'y']);
// 司法医护 major types accepted by code or by Chinese name, both read as the code.
const MAJOR_TYPES = new Map<string, string>(
  Object.entries(JUDICIAL_MEDICAL_MAJOR_TYPES).flatMap(([k, v]) => [
    [k, k],
    [v, k],
  ]),
);

/**
 * Reads the exam institute's sheet row by row (ONL-02): who (ticket or ID number), each subject's
 * score with at most two decimals in 0–100, 缺考 marks, the 司法医护 major type. Every bad field is
 * reported with its row; nothing is decided here about saving.
 */
export function readScoreSheet(
  sheet: ExcelJS.Worksheet,
  lookup: ScoreLookup,
  options: { judicialMedical: boolean },
): { rows: ParsedScore[]; problems: ImportProblem[] } {
  const { columns } = headerColumns(sheet, SCORE_HEADERS);
  const problems: ImportProblem[] = [];
  const report = (row: number, field: string, message: string) =>
    void problems.push({ row, field, message });
  if (!columns.has('准考证号') && !columns.has('身份证号'))
    report(1, '准考证号', '缺少“准考证号”或“身份证号”列');
  for (const h of ['行测', '申论'] as const) if (!columns.has(h)) report(1, h, `缺少“${h}”列`);
  if (options.judicialMedical && !columns.has('专业类别'))
    report(1, '专业类别', '司法医护类事项须有“专业类别”列');
  // Missing columns make every row wrong: report them once instead of once per row.
  if (problems.length) return { rows: [], problems };
  // Whichever of the two names the sheet uses for the professional subject.
  const professionalHeader = columns.has('专业科目') ? '专业科目' : '专业能力测试';
  const rows: ParsedScore[] = [];
  // First row of each registration, to name it when the same candidate appears again.
  const seen = new Map<string, number>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const text = (h: string) => (columns.has(h) ? cellText(row.getCell(columns.get(h)!)) : '');
    // Blank rows (often left at the end of a sheet) are skipped, not reported.
    if (SCORE_HEADERS.every((h) => text(h) === '')) continue;
    const before = problems.length;
    const target = resolveTarget(text('准考证号'), text('身份证号'), lookup, (field, message) =>
      report(r, field, message),
    );
    const absent = ABSENT_WORDS.has(text('缺考'));
    const score = (field: string, required: boolean): Centi | null => {
      const raw = text(field);
      if (raw === '' || raw === '缺考') {
        if (required && !absent && raw === '') report(r, field, '缺少成绩；缺考请在“缺考”列填“是”');
        return null;
      }
      if (absent) return (report(r, field, '已标记缺考，不应再填成绩'), null);
      const value = parseCenti(raw);
      // 10 000 hundredths = 100 points, the top of every subject's scale.
      if (value === null || value < 0 || value > 10_000)
        return (report(r, field, `成绩“${raw}”无效：应为0至100之间的数，最多两位小数`), null);
      return value;
    };
    const xingce = score('行测', true);
    const shenlun = score('申论', true);
    // Whether a professional score is required depends on the registration's category, so an
    // unknown target checks only the common subjects.
    const hasProfessional = target?.hasProfessional ?? false;
    const professional =
      target && !hasProfessional ? null : score(professionalHeader, hasProfessional);
    if (target && !hasProfessional && text(professionalHeader) !== '')
      report(r, professionalHeader, '该考生的考试类别不设专业科目');
    let majorType: string | null = null;
    if (options.judicialMedical) {
      majorType = MAJOR_TYPES.get(text('专业类别')) ?? null;
      if (!majorType) report(r, '专业类别', `专业类别“${text('专业类别')}”不在司法医护专业目录中`);
    }
    if (target) {
      const first = seen.get(target.registrationId);
      if (first)
        report(r, columns.has('准考证号') ? '准考证号' : '身份证号', `与第${first}行是同一考生`);
      else seen.set(target.registrationId, r);
    }
    const anyMissing =
      xingce === null || shenlun === null || (hasProfessional && professional === null);
    // 缺考 typed in a subject cell, leaving a required subject without score, marks the row absent.
    const absentRow =
      absent ||
      (anyMissing && [text('行测'), text('申论'), text(professionalHeader)].includes('缺考'));
    // Only rows without any problem are kept, though the caller saves nothing if any row failed.
    if (problems.length === before && target)
      rows.push({ ...target, xingce, shenlun, professional, absent: absentRow, majorType });
  }
  if (rows.length === 0 && problems.length === 0) report(2, '准考证号', '文件中没有成绩数据');
  return { rows, problems };
}

/** The registration a row names: by ticket when given (it wins), else by a valid ID number. */
function resolveTarget(
  ticket: string,
  idText: string,
  lookup: ScoreLookup,
  report: (field: string, message: string) => void,
): ScoreTarget | undefined {
  if (ticket) {
    const target = lookup.byTicket(ticket);
    if (!target) report('准考证号', `准考证号“${ticket}”不是本事项已确认报名考生的准考证`);
    return target;
  }
  if (!idText) return (report('准考证号', '准考证号和身份证号至少填一项'), undefined);
  // Validated first so a typo is reported as such, not as "no registration found".
  const valid = validateIdNumber(idText);
  if (!valid.ok)
    return (
      report('身份证号', `身份证号码不正确：${valid.reasons.map((x) => x.message).join('；')}`),
      undefined
    );
  const target = lookup.byIdNumber(valid.value.idNumber);
  if (!target) report('身份证号', '该身份证号在本事项中没有已确认的笔试报名');
  return target;
}
