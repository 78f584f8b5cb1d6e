import { LIST_ENTRY_STATUS_LABELS, LIST_ROUND_LABELS } from '@kaolu/contracts';
import { formatCenti } from '@kaolu/domain';
import type { Db } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { scopeOf } from '../../platform/auth/permission-scope';
import { writeSheet } from '../../platform/excel/excel-cells';
import { maskName } from '../../platform/masking';
import { assertEventInScope, findEventById } from '../events';
import { AppError } from '../../platform/errors/app-error';
import { peopleOf } from './list-presenter';
import {
  findEntriesOfPositions,
  findFiguresPage,
  listScopeCondition,
} from './list-views.repository';
import type { ListViews } from './list-views';

// One row per entry; the position's columns repeat so a filtered sheet still says where each row belongs.
const HEADER = [
  '职位代码',
  '职位名称',
  '招录单位',
  '准考证号',
  '姓名',
  '名次',
  '笔试成绩',
  '状态',
  '轮次',
  '说明',
];

/**
 * Excel export of the lists (INT-02, §7): one position with every applicant's outcome, or the
 * whole event's interview lists (the listed candidates of every position in the caller's scope).
 * Names are in full for the org department, which sends the interview notices; masked for units.
 */
export function createListExport(deps: { db: Db; views: ListViews }) {
  const { db, views } = deps;

  return async function exportLists(
    eventId: string,
    positionId: string | undefined,
    principal: Principal | undefined,
  ): Promise<{ fileName: string; file: Buffer }> {
    assertEventInScope(principal, 'interview_list.read', eventId);
    const event = await findEventById(db, eventId);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    // One position (checked against the unit scope, 404 outside it) or every position in scope.
    const positions = positionId
      ? [await views.positionInScope(eventId, positionId, principal)]
      : (
          await findFiguresPage(db, eventId, listScopeCondition(principal), {
            page: 1,
            pageSize: 1_000_000,
          })
        ).rows;
    if (positions.length === 0) throw new AppError('INTERVIEW_LIST.NOT_COMPUTED');
    const entries = await findEntriesOfPositions(
      db,
      positions.map((p) => p.positionId),
      positionId ? undefined : 'listed',
    );
    const people = await peopleOf(
      db,
      eventId,
      entries.map((e) => e.candidateId),
    );
    // Full names only for an unscoped manager (the org department); everyone else gets masked ones.
    const full = scopeOf(principal, 'interview_list.manage').all;
    const byId = new Map(positions.map((p) => [p.positionId, p]));
    const rows = entries.map((e) => {
      const p = byId.get(e.positionId)!;
      const person = people.get(e.candidateId)!;
      return [
        p.positionCode,
        p.positionTitle,
        p.unitName,
        person.ticketNumber,
        full ? person.name : maskName(person.name),
        e.rank,
        e.writtenTotalCenti === null ? '' : formatCenti(e.writtenTotalCenti),
        LIST_ENTRY_STATUS_LABELS[e.status],
        LIST_ROUND_LABELS[e.round],
        e.reason,
      ];
    });
    const file = await writeSheet('面试名单', HEADER, rows);
    const which = positionId ? `-${positions[0]!.positionCode}` : '';
    return { fileName: `${event.code}${which}-面试名单.xlsx`, file };
  };
}
