import {
  REVIEW_OUTCOME_LABELS,
  REVIEW_REASON_CODES,
  type ApplicationCheck,
  type ReviewAttachment,
  type ApplicationStatus,
  type EducationCheck,
  type Permission,
  type ReviewDecision,
  type ReviewDetail,
  type ReviewQueueQuery,
} from '@kaolu/contracts';
import { formatCenti } from '@kaolu/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { Principal } from '../../platform/auth/access';
import { scopeAllows, scopeOf } from '../../platform/auth/permission-scope';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { createFileStore } from '../../platform/files';
import { maskIdNumber, maskName } from '../../platform/masking';
import { applicationTimeline, positionApplication, transitionApplication } from '../applications';
import { candidate } from '../candidates/candidate.table';
import { isExchangeUnavailable, type EducationRecords } from '../data-exchange';
import type { MessagesService } from '../messages';
import { position } from '../positions';
import type { StoredProfileDocument } from '../profiles';
import type { ScoresService } from '../scores';
import { unit } from '../units/unit.table';
import { compareEducation } from './education-compare';
import { findQueue, findReviewSla, reviewScopeCondition } from './review.repository';
import { slaOf, waitingHoursOf } from './review-sla';
import { educationCheck } from './review.table';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

export type ReviewService = ReturnType<typeof createReviewService>;
type Row = typeof positionApplication.$inferSelect;

// The status each review outcome moves a 待审核 application to (all allowed by the transitions).
const OUTCOME_STATUS: Record<ReviewDecision['outcome'], ApplicationStatus> = {
  approve: 'approved',
  reject: 'rejected',
  return: 'returned',
};

/** Unit review 资格审查 (§7, INT-05, INT-09e): scoped queue with SLA, detail, education check, outcomes. */
export function createReviewService(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  messages: MessagesService;
  scores: ScoresService;
  education: EducationRecords;
  now?: () => Date;
}) {
  const { db, crypto, audit, messages, scores, education } = deps;
  const now = deps.now ?? (() => new Date());
  // Decrypted only to mask it for display or to ask 学信; the row id in the associated data
  // refuses a ciphertext copied from another candidate (NFR-SEC-2).
  const idNumberOf = (candidateId: string, enc: string) =>
    crypto.decryptField(enc, { table: 'candidate', column: 'id_number', rowId: candidateId });
  // Attachments are stored encrypted; the store decrypts them and checks their SM3 digest.
  const files = createFileStore({ db, crypto });

  /** Loads one application the caller may review, or 404 (never 403: its existence is not disclosed). */
  async function loadInScope(
    tx: Db | Tx,
    principal: Principal | undefined,
    id: string,
    permission: Permission = 'application.review',
  ) {
    const [row] = await tx
      .select({ a: positionApplication, unitParentId: unit.parentId })
      .from(positionApplication)
      .innerJoin(unit, eq(unit.id, positionApplication.unitId))
      .where(eq(positionApplication.id, id));
    // The same reach as the queue's SQL: the application's unit, or the department above it.
    const scope = scopeOf(principal, permission);
    if (
      !row ||
      !(
        scopeAllows(scope, { unitId: row.a.unitId, eventId: row.a.eventId }) ||
        (row.unitParentId !== null &&
          scopeAllows(scope, { unitId: row.unitParentId, eventId: row.a.eventId }))
      )
    ) {
      throw new AppError('APPLICATION.NOT_FOUND');
    }
    return row.a;
  }

  /**
   * One page of the scoped queue, oldest first, each line with its SLA mark; names and ID numbers
   * are masked (NFR-SEC-3). The overdue list of org_admin is this queue under another permission.
   */
  async function queue(
    principal: Principal | undefined,
    q: ReviewQueueQuery,
    permission: Permission = 'application.review',
  ) {
    // One instant for the whole page, so waiting hours and marks agree with the SQL filter.
    const at = now();
    const { rows, total, counts } = await findQueue(
      db,
      reviewScopeCondition(principal, permission),
      q,
      at,
    );
    return {
      items: rows.map((r) => ({
        id: r.a.id,
        eventId: r.a.eventId,
        candidateName: maskName(r.name),
        idNumberMasked: maskIdNumber(idNumberOf(r.a.candidateId, r.idNumberEnc)),
        positionId: r.a.positionId,
        positionCode: r.code,
        positionTitle: r.title,
        unitName: r.unitName,
        status: r.a.status,
        submittedAt: r.a.submittedAt.toISOString(),
        waitingHours: waitingHoursOf(r.a.submittedAt, at),
        sla: slaOf(r.a.status, r.a.submittedAt, at, r),
        slaHours: { warn: r.warnHours, overdue: r.overdueHours },
      })),
      total,
      counts,
    };
  }

  /** The latest education check of an application; earlier ones stay stored as history. */
  async function latestEducation(applicationId: string) {
    const [row] = await db
      .select()
      .from(educationCheck)
      .where(eq(educationCheck.applicationId, applicationId))
      .orderBy(desc(educationCheck.checkedAt))
      .limit(1);
    return row
      ? {
          id: row.id,
          outcome: row.outcome,
          fields: row.fields as EducationCheck['fields'],
          message: row.message,
          checkedAt: row.checkedAt.toISOString(),
        }
      : null;
  }

  /** The detail a reviewer decides on: frozen profile, attachments, checks, 基础警察 intentions, education check. */
  async function detail(principal: Principal | undefined, id: string): Promise<ReviewDetail> {
    const a = await loadInScope(db, principal, id);
    // Scope is checked first; the independent reads then run together (NFR-PERF-1).
    const [[p], [person], lines, verdict, edu, sla] = await Promise.all([
      db
        .select({
          code: position.code,
          title: position.title,
          township: position.township,
          basicPolice: position.basicPolice,
          unitName: unit.name,
        })
        .from(position)
        .innerJoin(unit, eq(unit.id, position.unitId))
        .where(eq(position.id, a.positionId)),
      db.select().from(candidate).where(eq(candidate.id, a.candidateId)),
      db
        .select()
        .from(applicationTimeline)
        .where(eq(applicationTimeline.applicationId, a.id))
        .orderBy(asc(applicationTimeline.at), asc(applicationTimeline.id)),
      scores.verdictOf(a.eventId, a.candidateId),
      latestEducation(a.id),
      findReviewSla(db, a.eventId),
    ]);
    // The profile as frozen at submission, not today's: the unit judges what the candidate applied
    // with.
    const snapshot = a.profileSnapshot as StoredProfileDocument;
    // Ciphertext fields stay out of the reviewer's view; the address is not needed to decide eligibility.
    const { addressEnc: _address, ...contact } = snapshot.contact ?? {};
    const permit = snapshot.residencePermit
      ? (({ numberEnc: _n, ...rest }) => rest)(snapshot.residencePermit)
      : null;
    return {
      id: a.id,
      eventId: a.eventId,
      status: a.status,
      // The detail shows the full name (the queue masks it); the ID number stays masked here too.
      candidate: {
        name: person!.name,
        gender: person!.gender,
        birthDate: person!.birthDate,
        idNumberMasked: maskIdNumber(idNumberOf(person!.id, person!.idNumberEnc)),
      },
      position: {
        id: a.positionId,
        code: p!.code,
        title: p!.title,
        unitName: p!.unitName,
        township: p!.township,
        basicPolice: p!.basicPolice,
      },
      profileVersion: a.profileVersion,
      profile: { ...snapshot, contact, residencePermit: permit },
      attachments: attachmentsOf(snapshot),
      checks: a.checks as ApplicationCheck[],
      policeIntentions: a.policeIntentions ?? null,
      // The written total as scores publishes it: null before publication or without a valid score.
      writtenTotal: verdict.total === null ? null : formatCenti(verdict.total),
      educationCheck: edu,
      reviewReasonCode: a.reviewReasonCode,
      reviewReasonText: a.reviewReasonText,
      submittedAt: a.submittedAt.toISOString(),
      sla: slaOf(a.status, a.submittedAt, now(), sla),
      timeline: lines.map((l) => ({
        at: l.at.toISOString(),
        kind: l.kind,
        fromStatus: l.fromStatus,
        toStatus: l.toStatus,
        message: l.message,
      })),
    };
  }

  /**
   * One submitted material of an application in the caller's scope (INT-05): only a file the frozen
   * snapshot names and the applicant uploaded; every download is audited.
   */
  async function downloadAttachment(
    principal: Principal | undefined,
    id: string,
    fileId: string,
    ctx: ChangeContext,
  ) {
    const a = await loadInScope(db, principal, id);
    const entry = attachmentsOf(a.profileSnapshot as StoredProfileDocument).find(
      (x) => x.fileId === fileId,
    );
    if (!entry) throw new AppError('FILE.NOT_FOUND');
    const file = await files.read(fileId);
    // A snapshot could name any file id; only one the applicant himself uploaded is served.
    if (file.info.ownerKind !== 'candidate' || file.info.ownerId !== a.candidateId)
      throw new AppError('FILE.NOT_FOUND');
    // The SM3 digest in the entry proves later which exact bytes the reviewer received.
    await db.transaction(async (tx) => {
      await audit.record(tx, {
        action: 'attachment.downloaded',
        ...auditBase(ctx),
        targetType: 'stored_file',
        targetId: fileId,
        result: 'success',
        details: { applicationId: a.id, name: entry.name, sm3: file.info.sm3 },
      });
    });
    return file;
  }

  /** Fetches the national record, compares it with the declaration and keeps the result (INT-09e). */
  async function checkEducation(principal: Principal | undefined, id: string, ctx: ChangeContext) {
    const a = await loadInScope(db, principal, id);
    const [person] = await db.select().from(candidate).where(eq(candidate.id, a.candidateId));
    const snapshot = a.profileSnapshot as StoredProfileDocument;
    // An unavailable 学信 interface is kept as an outcome of its own, so the reviewer sees that the
    // check was tried and can repeat it; any other error is a bug and propagates.
    let result: ReturnType<typeof compareEducation>;
    try {
      const answer = await education.lookUp({
        idNumber: idNumberOf(person!.id, person!.idNumberEnc),
        name: person!.name,
      });
      result = compareEducation(snapshot.education ?? [], answer);
    } catch (error) {
      if (!isExchangeUnavailable(error)) throw error;
      result = {
        outcome: 'unavailable',
        fields: [],
        message: `学信学历查询接口暂不可用（${error.message}），请稍后重新查询`,
      };
    }
    // The network call is over before the transaction opens; the check and its audit commit
    // together.
    const by = ctx.actor.kind === 'staff' ? ctx.actor.username : 'system';
    const row = await db.transaction(async (tx) => {
      const [saved] = await tx
        .insert(educationCheck)
        .values({
          applicationId: a.id,
          outcome: result.outcome,
          fields: result.fields,
          message: result.message,
          checkedBy: by,
        })
        .returning();
      await audit.record(tx, {
        action: 'education.checked',
        ...auditBase(ctx),
        targetType: 'position_application',
        targetId: a.id,
        result: 'success',
        details: { outcome: result.outcome },
      });
      return saved!;
    });
    return {
      id: row.id,
      outcome: row.outcome,
      fields: result.fields,
      message: row.message,
      checkedAt: row.checkedAt.toISOString(),
    };
  }

  /**
   * Applies one outcome in the caller's transaction: guarded move from 待审核 with the reason and
   * reviewer, the candidate's message and SMS (queued in the same transaction, sent after commit),
   * and the audit entry. Answers false, writing nothing, when the application is no longer 待审核.
   */
  async function applyDecision(
    tx: Tx,
    a: Row,
    d: ReviewDecision,
    ctx: ChangeContext,
  ): Promise<boolean> {
    const to = OUTCOME_STATUS[d.outcome];
    const reason = `${REVIEW_REASON_CODES[d.reasonCode]}${d.reasonText ? `：${d.reasonText}` : ''}`;
    const moved = await transitionApplication(
      tx,
      a.id,
      'submitted',
      to,
      {
        kind: `review_${d.outcome}`,
        message: `单位审核${REVIEW_OUTCOME_LABELS[d.outcome]}（${reason}）`,
      },
      {
        reviewReasonCode: d.reasonCode,
        reviewReasonText: d.reasonText,
        reviewedAt: new Date(),
        reviewedBy: ctx.actor.kind === 'staff' ? ctx.actor.username : 'system',
      },
    );
    if (!moved) return false;
    // The message tells the candidate what he may do next: supplement, or apply elsewhere (§7).
    const label = REVIEW_OUTCOME_LABELS[d.outcome];
    const next =
      d.outcome === 'return'
        ? '请按要求补充材料后重新提交。'
        : d.outcome === 'reject'
          ? '您可以报考其他职位，但不能再报考该职位。'
          : '';
    await messages.notify(tx, [a.candidateId], {
      title: `职位报名审核结果：${label}`,
      body: `您的职位报名审核结果为「${label}」（${reason}）。${next}`,
      sms: `【上海公务员考录】您的职位报名审核结果为「${label}」，请登录报名网站查看。`,
      purpose: 'application_reviewed',
      actor: ctx.actor,
    });
    await audit.record(tx, {
      action: 'application.reviewed',
      ...auditBase(ctx),
      targetType: 'position_application',
      targetId: a.id,
      result: 'success',
      details: { from: 'submitted', to, reasonCode: d.reasonCode },
    });
    return true;
  }

  /** 通过 / 不通过 / 退回补充 with a reason; only a 待审核 application can be decided. */
  async function decide(
    principal: Principal | undefined,
    id: string,
    d: ReviewDecision,
    ctx: ChangeContext,
  ) {
    // A refusal or a return must say why in words: the candidate reads it and acts on it.
    if (d.outcome !== 'approve' && d.reasonText.length < 2)
      throw new AppError('COMMON.VALIDATION_FAILED', {
        message: '不通过或退回补充须填写具体说明',
        details: { fields: [{ field: 'reasonText', label: '说明', message: '请填写具体说明' }] },
      });
    const a = await loadInScope(db, principal, id);
    // The status is not checked here but by the guarded update, so two reviewers deciding at once
    // cannot both win: the second gets INVALID_TRANSITION.
    await db.transaction(async (tx) => {
      if (!(await applyDecision(tx, a, d, ctx)))
        throw new AppError('APPLICATION.INVALID_TRANSITION', {
          message: '该报名当前不是待审核状态，不能审核',
        });
    });
    return detail(principal, id);
  }

  /** Bulk 通过 after confirmation: in-scope 待审核 ones are approved in one transaction, others reported. */
  async function bulkApprove(principal: Principal | undefined, ids: string[], ctx: ChangeContext) {
    // Out-of-scope ids are read as absent, like the detail's 404, so the answer discloses nothing.
    const scope = reviewScopeCondition(principal, 'application.review');
    const rows = await db
      .select({ a: positionApplication })
      .from(positionApplication)
      .innerJoin(unit, eq(unit.id, positionApplication.unitId))
      .where(and(inArray(positionApplication.id, ids), scope));
    const found = new Map(rows.map((r) => [r.a.id, r.a]));
    const skipped: Array<{ id: string; reason: string }> = [];
    let approved = 0;
    // One transaction: an unexpected error approves none, while a decided or foreign id is only
    // skipped and reported, so one stale line does not block the batch.
    await db.transaction(async (tx) => {
      for (const id of ids) {
        const a = found.get(id);
        if (!a) skipped.push({ id, reason: '报名不存在或不在您的审核范围内' });
        else if (
          !(await applyDecision(
            tx,
            a,
            { outcome: 'approve', reasonCode: 'conditions_met', reasonText: '' },
            ctx,
          ))
        )
          skipped.push({ id, reason: '不是待审核状态' });
        else approved++;
      }
    });
    return { approved, skipped };
  }

  return { queue, detail, downloadAttachment, checkEducation, decide, bulkApprove };
}

/**
 * The materials as frozen; entries saved before uploads existed carry a name only, so the missing
 * fields answer null rather than failing the whole detail.
 */
function attachmentsOf(snapshot: StoredProfileDocument): ReviewAttachment[] {
  return (snapshot.attachments ?? []).map((x: Partial<ReviewAttachment> & { name: string }) => ({
    fileId: x.fileId ?? null,
    name: x.name,
    note: x.note ?? '',
    size: x.size ?? null,
    mime: x.mime ?? null,
  }));
}
