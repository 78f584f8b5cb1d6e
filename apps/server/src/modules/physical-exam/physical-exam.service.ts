import type { PhysicalExamAssign, PhysicalExamBoard, PhysicalExamEntry } from '@kaolu/contracts';
import { PHYSICAL_EXAM_ROUND_LABELS, PhysicalExamAssignSchema } from '@kaolu/contracts';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { findPublishedPhysicalExamList } from '../composite';
import { assertEventInScope } from '../events';
import type { MessagesService } from '../messages';
import { findUnitsOfKind, unitsByIdOf } from '../units';
import { upsertOrder } from './hospital-exchange.repository';
import { namesFor, roundViews, shanghaiMinute } from './physical-exam-views';
import {
  entriesOf,
  findEntry,
  insertEntries,
  roundsOf,
  upsertRound,
} from './physical-exam.repository';

const MANAGE = 'physical_exam.manage' as const;

export type PhysicalExamDeps = {
  db: Db;
  audit: AuditLog;
  messages: Pick<MessagesService, 'notify'>;
  now: () => Date;
};

/** The name a round or history entry records for whoever made it. */
export function actorName(ctx: ChangeContext): string {
  const a = ctx.actor;
  return a.kind === 'staff'
    ? a.username
    : a.kind === 'anonymous'
      ? 'anonymous'
      : `${a.kind}:${a.id}`;
}

/**
 * The org's side of the physical exam 体检 (§7): the list built from the published composite, and
 * the assignment of candidates to a hospital with date and place, which tells the candidate (portal
 * message + SMS, the 体检通知 / REG-04 复检通知) and the hospital (its order in the exchange store).
 */
export function createPhysicalExamList(deps: PhysicalExamDeps) {
  const { db, audit, messages, now } = deps;

  async function board(
    eventId: string,
    principal: Principal | undefined,
  ): Promise<PhysicalExamBoard> {
    assertEventInScope(principal, MANAGE, eventId);
    const [published, entries] = await Promise.all([
      findPublishedPhysicalExamList(db, eventId),
      entriesOf(db, eventId),
    ]);
    const [names, rounds] = await Promise.all([
      namesFor(db, eventId, entries),
      roundsOf(
        db,
        entries.map((e) => e.id),
      ).then((r) => roundViews(db, r)),
    ]);
    const items: PhysicalExamEntry[] = entries.map((e) => ({
      id: e.id,
      ticketNumber: names.ticket(e),
      candidateNameMasked: names.nameMasked(e),
      positionName: names.positionName(e),
      unitName: names.unitName(e),
      rank: e.rank,
      initial: rounds.of(e.id, 'initial'),
      recheck: rounds.of(e.id, 'recheck'),
      recheckRequestedAt: e.recheckRequestedAt?.toISOString() ?? null,
    }));
    return { compositePublished: published !== null, published: published?.length ?? 0, items };
  }

  /** Copies the published physical-exam list; run again, it adds only candidates not yet on it. */
  async function build(eventId: string, ctx: ChangeContext) {
    assertEventInScope(ctx.principal, MANAGE, eventId);
    return db.transaction(async (tx) => {
      const published = await findPublishedPhysicalExamList(tx, eventId);
      if (!published) throw new AppError('PHYSICAL_EXAM.COMPOSITE_NOT_PUBLISHED');
      const at = now();
      const added = await insertEntries(
        tx,
        published.map((p) => ({ ...p, eventId, createdAt: at })),
      );
      const summary = { added, total: published.length };
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'physical_exam.list_built',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: summary,
      });
      return summary;
    });
  }

  /** Assigns candidates to a hospital for the exam or the re-check, and notifies them. */
  async function assign(eventId: string, raw: PhysicalExamAssign, ctx: ChangeContext) {
    assertEventInScope(ctx.principal, MANAGE, eventId);
    const input = PhysicalExamAssignSchema.parse(raw);
    const hospital = (await unitsByIdOf(db, [input.hospitalId])).get(input.hospitalId);
    if (hospital?.kind !== 'hospital') throw new AppError('PHYSICAL_EXAM.NOT_HOSPITAL');
    const examAt = new Date(input.examAt);
    const label = PHYSICAL_EXAM_ROUND_LABELS[input.round];
    return db.transaction(async (tx) => {
      const entries = [];
      for (const id of new Set(input.entryIds)) {
        const entry = await findEntry(tx, id, true);
        if (!entry || entry.eventId !== eventId)
          throw new AppError('PHYSICAL_EXAM.ENTRY_NOT_FOUND');
        if (input.round === 'recheck' && !entry.recheckRequestedAt)
          throw new AppError('PHYSICAL_EXAM.RECHECK_NOT_REQUESTED');
        entries.push(entry);
      }
      const existing = await roundsOf(
        tx,
        entries.map((e) => e.id),
      );
      // A recorded result stays with the hospital that examined him; moving it would lose it.
      if (existing.some((r) => r.round === input.round && r.result))
        throw new AppError('PHYSICAL_EXAM.ROUND_RECORDED');
      const names = await namesFor(tx, eventId, entries);
      for (const entry of entries) {
        const round = await upsertRound(tx, {
          entryId: entry.id,
          round: input.round,
          hospitalId: hospital.id,
          examAt,
          place: input.place,
          assignedBy: actorName(ctx),
        });
        // The hospital learns of the candidate through the exchange store only (INT-09g).
        await upsertOrder(tx, {
          id: round.id,
          hospitalId: hospital.id,
          round: input.round,
          eventName: names.eventName,
          ticketNumber: names.ticket(entry),
          candidateNameMasked: names.nameMasked(entry),
          positionName: names.positionName(entry),
          unitName: names.unitName(entry),
          examAt,
          place: input.place,
        });
      }
      const when = shanghaiMinute(examAt);
      await messages.notify(
        tx,
        entries.map((e) => e.candidateId),
        {
          title: `${label}通知`,
          body: `请于 ${when}（北京时间）到 ${hospital.name}（${input.place}）参加${label}，携带身份证原件，空腹前往。`,
          sms: `【${names.eventName}】请于${when}到${hospital.name}（${input.place}）参加${label}，详见报名网站。`,
          purpose: input.round === 'recheck' ? 'physical_recheck_notice' : 'physical_exam_notice',
        },
      );
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'physical_exam.assigned',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: { round: input.round, hospitalId: hospital.id, candidates: entries.length },
      });
      return { assigned: entries.length };
    });
  }

  /** The hospitals an org may assign to: organisations of kind 'hospital'. */
  const hospitals = async () =>
    (await findUnitsOfKind(db, 'hospital')).map((u) => ({ id: u.id, name: u.name }));

  return { board, build, assign, hospitals };
}
