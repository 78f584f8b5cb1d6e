import type { ImportProblem } from '@kaolu/contracts';
import { parseCenti, type Centi } from '@kaolu/domain';
import type ExcelJS from 'exceljs';
import { cellText, headerColumns } from '../../platform/excel/excel-cells';
import type { ListedCandidate } from './composite-inputs';
import type { ScoreWrite } from './composite.repository';

/** The template's headers; 姓名 and 职位 are there for the reader and are not imported. */
export const INTERVIEW_SCORE_HEADERS = [
  '准考证号',
  '姓名',
  '职位',
  '结构化面试成绩',
  '专业面试成绩',
  '缺考',
] as const;
const STRUCTURED = '结构化面试成绩';
const PROFESSIONAL = '专业面试成绩';
// How staff mark 缺考 in practice (the written-score import reads the same words).
const ABSENT_WORDS = new Set(['缺考', '是', 'Y', 'y']);

/** A score cell: empty, a value in hundredths, or 'bad' when a problem was already reported. */
type Cell = Centi | null | 'bad';

/**
 * The rules every incoming score obeys, whether from the Excel import or the interview system
 * (IVW-08, INT-07): a structured score unless absent, a professional score exactly when the
 * candidate's exam category gives a 专业分, no score beside a 缺考 mark.
 */
export function checkScore(
  target: ListedCandidate,
  s: { structured: Cell; professional: Cell; absent: boolean },
  report: (field: string, message: string) => void,
): void {
  if (s.absent) {
    if (s.structured !== null) report(STRUCTURED, '已标记缺考，不应再填成绩');
    if (s.professional !== null) report(PROFESSIONAL, '已标记缺考，不应再填成绩');
    return;
  }
  if (s.structured === null) report(STRUCTURED, '缺少结构化面试成绩；缺考请在“缺考”列填“是”');
  if (target.hasProfessional && s.professional === null)
    report(PROFESSIONAL, `「${target.examCategoryName}」设专业分，缺少专业面试成绩`);
  if (!target.hasProfessional && s.professional !== null)
    report(PROFESSIONAL, `「${target.examCategoryName}」不设专业分，专业面试成绩应为空`);
}

/**
 * Reads the import sheet row by row in one pass (INT-09d): each row names a listed candidate by
 * 准考证号 and gives his scores (0–100, at most two decimals). Every bad field is reported with its
 * row; nothing is decided here about saving.
 */
export function readInterviewScoreSheet(
  sheet: ExcelJS.Worksheet,
  byTicket: ReadonlyMap<string, ListedCandidate>,
): { rows: ScoreWrite[]; problems: ImportProblem[] } {
  const { columns } = headerColumns(sheet, INTERVIEW_SCORE_HEADERS);
  const problems: ImportProblem[] = [];
  const report = (row: number, field: string, message: string) =>
    void problems.push({ row, field, message });
  for (const h of ['准考证号', STRUCTURED]) if (!columns.has(h)) report(1, h, `缺少“${h}”列`);
  // Missing columns make every row wrong: report them once instead of once per row.
  if (problems.length) return { rows: [], problems };
  const rows: ScoreWrite[] = [];
  const seen = new Map<string, number>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const text = (h: string) => (columns.has(h) ? cellText(row.getCell(columns.get(h)!)) : '');
    // Blank rows (often left at the end of a sheet) are skipped, not reported.
    if (INTERVIEW_SCORE_HEADERS.every((h) => text(h) === '')) continue;
    const ticket = text('准考证号');
    let target = ticket ? byTicket.get(ticket) : undefined;
    if (!ticket) report(r, '准考证号', '缺少准考证号');
    else if (!target) report(r, '准考证号', `准考证号“${ticket}”不在本事项的面试名单中`);
    else if (seen.has(ticket)) {
      // A second row of the same candidate is reported, and its own values are not checked.
      report(r, '准考证号', `与第${seen.get(ticket)}行是同一考生`);
      target = undefined;
    } else seen.set(ticket, r);
    const score = (field: string): Cell => {
      const raw = text(field);
      if (raw === '') return null;
      const value = parseCenti(raw);
      // 10 000 hundredths = 100 points, the top of both interview scales.
      if (value === null || value < 0 || value > 10_000)
        return (report(r, field, `成绩“${raw}”无效：应为0至100之间的数，最多两位小数`), 'bad');
      return value;
    };
    const structured = score(STRUCTURED);
    const professional = score(PROFESSIONAL);
    const absent = ABSENT_WORDS.has(text('缺考'));
    if (!target) continue;
    const before = problems.length;
    checkScore(target, { structured, professional, absent }, (field, message) =>
      report(r, field, message),
    );
    if (problems.length > before || structured === 'bad' || professional === 'bad') continue;
    rows.push({
      candidateId: target.candidateId,
      positionId: target.position.id,
      structured: absent ? null : (structured as Centi),
      professional: absent || !target.hasProfessional ? null : (professional as Centi),
      absent,
    });
  }
  if (rows.length === 0 && problems.length === 0) report(2, '准考证号', '文件中没有成绩行');
  return { rows, problems };
}
