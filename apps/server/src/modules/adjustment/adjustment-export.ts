import { LIST_ROUND_LABELS } from '@kaolu/contracts';
import { formatCenti } from '@kaolu/domain';
import { writeSheet } from '../../platform/excel/excel-cells';
import { listEntriesOf } from '../interview-lists';
import { loadAdjustableEvent, type AdjustmentContext } from './adjustment-context';
import { loadInputs } from './adjustment-inputs';
import type { UnifiedRound } from './adjustment-unified';

/**
 * Excel exports of adjustment (§7): the unified proposal as the org reviews it, and the results —
 * every candidate placed by either round — with ticket number, masked name and the reason.
 * Cells are sanitised against formula injection by writeSheet.
 */
export function createAdjustmentExport(ctx: AdjustmentContext, unified: UnifiedRound) {
  const { db, now } = ctx;

  /** The unified proposal, one row per candidate of the pool, placed or not, with the reasons. */
  async function proposal(eventId: string) {
    const event = await unified.loadEvent(eventId);
    const view = await unified.view(eventId);
    const file = await writeSheet(
      '统一调剂方案',
      [
        '准考证号',
        '姓名',
        '考试类别',
        '专业科目',
        '笔试成绩',
        '拟调剂职位代码',
        '拟调剂职位',
        '来源',
        '说明',
      ],
      view.candidates.map((c) => [
        c.ticketNumber,
        c.nameMasked,
        c.categoryName,
        c.subjectName,
        c.writtenTotal,
        c.positionCode,
        c.positionTitle,
        c.source === 'engine' ? '系统方案' : '人工调整',
        c.reasons.join('；'),
      ]),
    );
    return { file, filename: `${event.code}-统一调剂方案.xlsx` };
  }

  /** Every adjustment entry of the lists, public and unified rounds, with the placement reason. */
  async function results(eventId: string) {
    // The results include the public round's, so an event without a unified round exports too.
    const event = await loadAdjustableEvent(db, eventId);
    const inputs = await loadInputs(db, event, new Map(), now());
    const entries = [
      ...(await listEntriesOf(db, eventId, { round: 'public' })),
      ...(await listEntriesOf(db, eventId, { round: 'unified' })),
    ];
    const file = await writeSheet(
      '调剂结果',
      ['准考证号', '姓名', '调剂方式', '职位代码', '职位名称', '招录单位', '笔试成绩', '说明'],
      entries.map((e) => {
        const c = inputs.candidates.get(e.candidateId);
        const p = inputs.positions.get(e.positionId);
        return [
          c?.ticketNumber ?? '',
          c?.nameMasked ?? '',
          LIST_ROUND_LABELS[e.round],
          p?.code ?? '',
          p?.title ?? '',
          p?.unitName ?? '',
          e.writtenTotalCenti === null ? '' : formatCenti(e.writtenTotalCenti),
          e.reason,
        ];
      }),
    );
    return { file, filename: `${event.code}-调剂结果.xlsx` };
  }

  return { proposal, results };
}
