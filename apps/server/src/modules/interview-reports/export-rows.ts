import { KIND_LABELS, psychLine, type ExportCandidate } from './export-data';

// The cells of each export format, shared by the Excel and the PDF writers so that both files
// of one format always print the same figures (INT-09b).

type Cell = string | number | null;

/** Label / value pairs of a candidate's details block, two pairs to a line. */
export function detailPairs(c: ExportCandidate): Array<[string, Cell]> {
  return [
    ['准考证号', c.ticketNumber],
    ['姓名', c.name],
    ['性别', c.gender ?? ''],
    ['身份证号', c.idNumber],
    ['职位代码', c.positionCode],
    ['职位名称', c.positionTitle],
    ['招录单位', c.unitName],
    ['面试组', c.groupName ?? '未分组'],
    ['场次', c.session],
    [
      '小组 / 抽签号',
      [c.subGroup, c.orderNumber].filter((v) => v !== null).join(' / ') || '未抽签',
    ],
    ['签到', c.checkedIn ? '已签到' : '未签到'],
    ['笔试成绩', c.written ?? '—'],
  ];
}

/** The examiners' sheets table: header and one row per sheet. */
export function sheetTable(c: ExportCandidate): { header: string[]; rows: Cell[][] } {
  return {
    header: ['类型', '考官', ...c.indicators.map((i) => i.name), '合计', '状态'],
    // Indicator cells in the type's order; a missing score stays empty, never 0.
    rows: c.sheets.map((s) => [
      KIND_LABELS[s.kind],
      s.examiner,
      ...c.indicators.map((i) => s.scores[i.code] ?? ''),
      s.total,
      s.status,
    ]),
  };
}

/** The computation table: per kind and indicator the kept and dropped scores. */
export function resultTable(c: ExportCandidate): { header: string[]; rows: Cell[][] } {
  return {
    header: ['类型', '指标', '保留分数', '去掉的最高 / 最低分'],
    rows: c.results.flatMap((r) =>
      r.indicators.map((i) => [
        KIND_LABELS[r.kind],
        i.name,
        i.kept.join('、'),
        i.dropped.length ? i.dropped.join('、') : '无（考官少于 5 人不去分）',
      ]),
    ),
  };
}

/** The interview scores line: each kind's score and examiner count. */
export function scoreLine(c: ExportCandidate): string {
  if (c.results.length === 0) return '面试成绩：尚未计算';
  return c.results
    .map((r) => `${KIND_LABELS[r.kind]}成绩 ${r.score}（${r.examinerCount} 名考官）`)
    .join('；');
}

// A kind's interview score of the candidate, empty when not computed.
const scoreOf = (c: ExportCandidate, kind: keyof typeof KIND_LABELS) =>
  c.results.find((r) => r.kind === kind)?.score ?? '';

/** 成绩汇总: one line per candidate. */
export function summaryTable(list: readonly ExportCandidate[]): {
  header: string[];
  rows: Cell[][];
} {
  return {
    header: [
      '准考证号',
      '姓名',
      '性别',
      '职位代码',
      '职位名称',
      '面试组',
      '场次',
      '抽签号',
      '结构化面试成绩',
      '专业面试成绩',
      '笔试成绩',
      '心理测评',
    ],
    // The candidate's order number is his place in the group's interview order (IVW-06).
    rows: list.map((c) => [
      c.ticketNumber,
      c.name,
      c.gender ?? '',
      c.positionCode,
      c.positionTitle,
      c.groupName ?? '',
      c.session,
      c.orderNumber,
      scoreOf(c, 'structured'),
      scoreOf(c, 'professional'),
      c.written ?? '',
      psychLine(c),
    ]),
  };
}

/** 考官评分明细: one line per sheet, indicator columns as the union over the candidates. */
export function examinerTable(list: readonly ExportCandidate[]): {
  header: string[];
  rows: Cell[][];
} {
  const indicators = new Map<string, string>();
  for (const c of list) for (const i of c.indicators) indicators.set(i.code, i.name);
  const codes = [...indicators.keys()];
  return {
    header: [
      '准考证号',
      '姓名',
      '面试组',
      '场次',
      '类型',
      '考官',
      ...codes.map((k) => indicators.get(k)!),
      '合计',
      '状态',
    ],
    rows: list.flatMap((c) =>
      c.sheets.map((s) => [
        c.ticketNumber,
        c.name,
        c.groupName ?? '',
        c.session,
        KIND_LABELS[s.kind],
        s.examiner,
        ...codes.map((k) => s.scores[k] ?? ''),
        s.total,
        s.status,
      ]),
    ),
  };
}
