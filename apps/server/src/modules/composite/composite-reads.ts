import type {
  CandidateComposite,
  CompositePosition,
  CompositePositionDetail,
  CompositeRow,
  CompositeSummary,
  PageQuery,
} from '@kaolu/contracts';
import { formatCenti, type Centi } from '@kaolu/domain';
import type { Principal } from '../../platform/auth/access';
import { scopeAllows, scopeOf } from '../../platform/auth/permission-scope';
import { AppError } from '../../platform/errors/app-error';
import { writeSheet } from '../../platform/excel/excel-cells';
import { maskName } from '../../platform/masking';
import { findCandidatesByIds } from '../candidates';
import { assertEventInScope, findEventById } from '../events';
import { selectionPositionsOf } from '../positions';
import { ticketNumbersOf } from '../tickets';
import { unitParentsOf, unitsByIdOf } from '../units';
import type { CompositeDeps } from './composite-context';
import { loadCompositeInputs, type ListedCandidate } from './composite-inputs';
import {
  findRun,
  publishedResultsOf,
  resultsOf,
  scoresOf,
  versionsOf,
  type CompositeResultRow,
} from './composite.repository';

const centi = (v: Centi | null) => (v === null ? null : formatCenti(v));

/** The staff and candidate reads: unit users see their units' positions only (composite.read). */
export function createCompositeReads(deps: CompositeDeps) {
  const { db } = deps;

  /** Everything the admin views show, restricted to the caller's units. */
  async function board(eventId: string, principal: Principal | undefined) {
    assertEventInScope(principal, 'composite.read', eventId);
    const scope = scopeOf(principal, 'composite.read');
    const [inputs, scores, results, run] = await Promise.all([
      loadCompositeInputs(db, eventId),
      scoresOf(db, eventId),
      resultsOf(db, eventId),
      findRun(db, eventId),
    ]);
    // A unit's grant reaches its positions; a department's grant also those of its units.
    const parents = scope.all
      ? new Map<string, string | null>()
      : await unitParentsOf(db, [...new Set(inputs.listed.map((c) => c.position.unitId))]);
    const inScope = (unitId: string) => {
      const parent = parents.get(unitId) ?? null;
      return (
        scopeAllows(scope, { unitId, eventId }) ||
        (parent !== null && scopeAllows(scope, { unitId: parent, eventId }))
      );
    };
    const listed = inputs.listed.filter((c) => inScope(c.position.unitId));
    const byCandidate = new Map(results.map((r) => [r.candidateId, r]));
    return { inputs, listed, scores, byCandidate, run };
  }
  // Every view below is derived from one board, so their figures agree with each other.
  type Board = Awaited<ReturnType<typeof board>>;

  // Per position figures of the candidates in scope, in position code order.
  async function positionFigures(b: Board): Promise<CompositePosition[]> {
    const groups = new Map<string, ListedCandidate[]>();
    for (const c of b.listed) groups.set(c.position.id, [...(groups.get(c.position.id) ?? []), c]);
    // Unit names in one query for all positions of the page (NFR-PERF-1).
    const units = await unitsByIdOf(
      db,
      [...groups.values()].map((g) => g[0]!.position.unitId),
    );
    return [...groups.values()]
      .map((group) => {
        const p = group[0]!.position;
        const results = group
          .map((c) => b.byCandidate.get(c.candidateId))
          .filter((r) => r !== undefined);
        return {
          positionId: p.id,
          positionCode: p.code,
          positionTitle: p.title,
          unitName: units.get(p.unitId)?.name ?? '',
          examCategoryName: group[0]!.examCategoryName,
          professionalScore: group[0]!.hasProfessional,
          headcount: p.headcount,
          listed: group.length,
          scored: group.filter((c) => b.scores.has(c.candidateId)).length,
          passed: results.filter((r) => r.passed).length,
          physicalExam: results.filter((r) => r.physicalExam).length,
        };
      })
      .sort((x, y) => x.positionCode.localeCompare(y.positionCode));
  }

  // One candidate's row: imported scores, and the composite once computed.
  function rowOf(b: Board, c: ListedCandidate, names: Map<string, string>): CompositeRow {
    const s = b.scores.get(c.candidateId);
    const r = b.byCandidate.get(c.candidateId);
    return {
      ticketNumber: c.ticketNumber,
      // Names are masked on every staff and public view (NFR-SEC-3).
      candidateName: maskName(names.get(c.candidateId) ?? ''),
      written: formatCenti(c.writtenCenti),
      structured: centi(s?.structured ?? null),
      professional: centi(s?.professional ?? null),
      absent: s?.absent ?? false,
      composite: centi(r?.compositeCenti ?? null),
      // null until computed: the page says 尚未计算 instead of a false 不合格.
      passed: r ? r.passed : null,
      rank: r?.rank ?? null,
      physicalExam: r?.physicalExam ?? false,
      explanation: r?.explanation ?? null,
    };
  }

  // Ranked rows first by rank, then the unranked by composite, then by ticket number.
  const byRank = (x: CompositeRow, y: CompositeRow) =>
    (x.rank ?? Infinity) - (y.rank ?? Infinity) ||
    Number(y.composite ?? -1) - Number(x.composite ?? -1) ||
    x.ticketNumber.localeCompare(y.ticketNumber);

  // Candidate names are read through the candidates module's index, never its table.
  async function names(listed: readonly ListedCandidate[]) {
    const rows = await findCandidatesByIds(
      db,
      listed.map((c) => c.candidateId),
    );
    return new Map(rows.map((c) => [c.id, c.name]));
  }

  return {
    /** The page header: weights, pass mark, counts in scope and the run state. */
    async summary(eventId: string, principal: Principal | undefined): Promise<CompositeSummary> {
      const b = await board(eventId, principal);
      const results = b.listed
        .map((c) => b.byCandidate.get(c.candidateId))
        .filter((r) => r !== undefined);
      return {
        weights: { ...b.inputs.event.policy.scoreWeights },
        passMark: formatCenti(b.inputs.passMarkCenti),
        listed: b.listed.length,
        scored: b.listed.filter((c) => b.scores.has(c.candidateId)).length,
        passed: results.filter((r) => r.passed).length,
        physicalExam: results.filter((r) => r.physicalExam).length,
        run: b.run
          ? {
              version: b.run.version,
              computedAt: b.run.computedAt.toISOString(),
              computedBy: b.run.computedBy,
              stale: b.run.stale,
              publishedAt: b.run.publishedAt?.toISOString() ?? null,
            }
          : null,
      };
    },

    /** Positions on the lists with their figures, paged. */
    async positions(eventId: string, page: PageQuery, principal: Principal | undefined) {
      // Paged in memory: the figures need every listed candidate of the event anyway.
      const all = await positionFigures(await board(eventId, principal));
      const start = (page.page - 1) * page.pageSize;
      return { items: all.slice(start, start + page.pageSize), total: all.length };
    },

    /** One position's ranking table; a position outside the caller's units is not found. */
    async positionDetail(
      eventId: string,
      positionId: string,
      principal: Principal | undefined,
    ): Promise<CompositePositionDetail> {
      const b = await board(eventId, principal);
      const listed = b.listed.filter((c) => c.position.id === positionId);
      const position = (await positionFigures({ ...b, listed }))[0];
      if (!position) throw new AppError('COMPOSITE.POSITION_NOT_FOUND');
      const n = await names(listed);
      return { position, rows: listed.map((c) => rowOf(b, c, n)).sort(byRank) };
    },

    /** Excel export of every candidate in scope, by position and rank (cells sanitised). */
    async exportResults(eventId: string, principal: Principal | undefined) {
      const b = await board(eventId, principal);
      const n = await names(b.listed);
      const positions = await positionFigures(b);
      const rows = positions.flatMap((p) =>
        b.listed
          .filter((c) => c.position.id === p.positionId)
          .map((c) => rowOf(b, c, n))
          .sort(byRank)
          .map((r) => [
            p.positionCode,
            p.positionTitle,
            p.unitName,
            r.ticketNumber,
            r.candidateName,
            r.written,
            r.absent ? '缺考' : r.structured,
            p.professionalScore ? (r.absent ? '缺考' : r.professional) : '不设',
            r.composite,
            r.passed === null ? '' : r.passed ? '合格' : '不合格',
            r.rank,
            r.physicalExam ? '是' : '否',
            r.explanation,
          ]),
      );
      // The export carries the explanation too, so a printed list answers the same questions.
      const header = [
        '职位代码',
        '职位名称',
        '招录单位',
        '准考证号',
        '姓名',
        '笔试成绩',
        '结构化面试',
        '专业面试',
        '综合成绩',
        '面试合格',
        '名次',
        '进入体检',
        '说明',
      ];
      return { code: b.inputs.event.code, file: await writeSheet('综合成绩', header, rows) };
    },

    /** The history of computations and publications (NFR-HIS-1). */
    async versions(eventId: string, principal: Principal | undefined) {
      assertEventInScope(principal, 'composite.read', eventId);
      const rows = await versionsOf(db, eventId);
      return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },

    /** The candidate's own published composites with every figure explained; nothing before. */
    async candidateResults(candidateId: string): Promise<CandidateComposite[]> {
      // The join on the run's publishedAt is what keeps unpublished figures from candidates.
      const rows = await publishedResultsOf(db, candidateId);
      const items: CandidateComposite[] = [];
      for (const { r, publishedAt } of rows) items.push(await candidateView(r, publishedAt!));
      return items;
    },
  };

  async function candidateView(
    r: CompositeResultRow,
    publishedAt: Date,
  ): Promise<CandidateComposite> {
    // A candidate has one row per event at most: a few small reads, in parallel.
    const [event, positions, tickets, units] = await Promise.all([
      findEventById(db, r.eventId),
      selectionPositionsOf(db, r.eventId),
      ticketNumbersOf(db, r.eventId, [r.candidateId]),
      unitsByIdOf(db, [r.unitId]),
    ]);
    const position = positions.find((p) => p.id === r.positionId);
    return {
      eventName: event?.name ?? '',
      positionTitle: position?.title ?? '',
      unitName: units.get(r.unitId)?.name ?? '',
      ticketNumber: tickets.get(r.candidateId) ?? '',
      written: formatCenti(r.writtenCenti),
      structured: centi(r.structuredCenti),
      professional: centi(r.professionalCenti),
      absent: r.absent,
      composite: centi(r.compositeCenti),
      passed: r.passed,
      rank: r.rank,
      headcount: position?.headcount ?? 0,
      physicalExam: r.physicalExam,
      explanation: r.explanation,
      publishedAt: publishedAt.toISOString(),
    };
  }
}
