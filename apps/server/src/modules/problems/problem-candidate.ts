import { randomUUID } from 'node:crypto';
import {
  PROBLEM_EVIDENCE_MAX_BYTES,
  type CandidateProblem,
  type CandidateProblemSummary,
  type CreateProblem,
  type ProblemAnswer,
  type UploadedAttachment,
} from '@kaolu/contracts';
import type { DbOrTx } from '../../db/client';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { shanghaiDay } from '../../platform/time';
import { findEventById } from '../events';
import { activeRegistrationOf } from '../registrations';
import type { ProblemsContext } from './problem-context';
import {
  assertProblemTransition,
  needsEvent,
  PROBLEM_SLA_HOURS,
  responsibleRoleOf,
  WITHDRAWABLE,
} from './problem-rules';
import { lookupsFor, toCandidateProblem, toCandidateSummary } from './problems.presenter';
import {
  findCandidateCases,
  findEntries,
  findOpenCase,
  getCase,
  insertCase,
  insertEntry,
  updateCase,
  type CaseRow,
} from './problems.repository';

const PURPOSE = 'problem_evidence' as const;
const HOUR = 3_600_000;

/** The SLA deadline of a type counted from a moment (ONL-01). */
export const dueFrom = (type: CaseRow['type'], at: Date) =>
  new Date(at.getTime() + PROBLEM_SLA_HOURS[type] * HOUR);

/**
 * The candidate's side of the problem center (ONL-01a): evidence upload, filing, his own cases,
 * answering a request for more information and withdrawing. Every read and change is limited to
 * the signed-in candidate's own cases: another's case answers "not found".
 */
export function createProblemCandidate(deps: ProblemsContext) {
  const { db, audit, files, now } = deps;

  /** Stores one PDF/JPG/PNG (type read from its bytes) of at most 5 MB, encrypted (NFR-SEC-3). */
  async function uploadEvidence(
    candidateId: string,
    bytes: Buffer,
    fileName: string | undefined,
    ctx: ChangeContext,
  ): Promise<UploadedAttachment> {
    // The stored file and its audit entry (with the SM3 digest) commit together.
    const info = await db.transaction(async (tx) => {
      const stored = await files.store(tx, bytes, {
        ownerKind: 'candidate',
        ownerId: candidateId,
        purpose: PURPOSE,
        fileName,
        maxBytes: PROBLEM_EVIDENCE_MAX_BYTES,
      });
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'problem_evidence.uploaded',
        targetType: 'stored_file',
        targetId: stored.id,
        result: 'success',
        details: { mime: stored.mime, size: stored.sizeBytes, sm3: stored.sm3 },
      });
      return stored;
    });
    return {
      fileId: info.id,
      name: info.fileName,
      size: info.sizeBytes,
      mime: info.mime,
      uploadedAt: info.createdAt.toISOString(),
    };
  }

  /** Refuses any file id that is not this candidate's own evidence upload. */
  async function assertOwnEvidence(tx: DbOrTx, candidateId: string, fileIds: readonly string[]) {
    // Described only (no decryption): owner and purpose decide, the bytes are not needed here.
    const infos = await files.describe(fileIds, tx);
    const owned = new Set(
      infos
        .filter(
          (i) => i.ownerKind === 'candidate' && i.ownerId === candidateId && i.purpose === PURPOSE,
        )
        .map((i) => i.id),
    );
    const missing = fileIds.filter((id) => !owned.has(id));
    if (missing.length > 0)
      throw new AppError('PROBLEM.EVIDENCE_NOT_OWNED', { details: { fileIds: missing } });
  }

  /** What a type needs before it is filed: its event, a registration for a waiver, a new name. */
  async function checkInput(tx: DbOrTx, candidateId: string, input: CreateProblem) {
    // A technical question needs nothing more than its text.
    if (!needsEvent(input.type)) return;
    if (!input.eventId) throw new AppError('PROBLEM.EVENT_REQUIRED');
    const event = await findEventById(tx, input.eventId);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    if (input.type === 'name_change' && !input.requestedName)
      throw new AppError('PROBLEM.NAME_REQUIRED');
    if (input.type === 'fee_waiver') {
      // REG-11: only an event whose policy allows waivers, and only for an existing registration.
      if (!event.policy.fee.waiverAllowed)
        throw new AppError('COMMON.VALIDATION_FAILED', { message: '本次招录不设笔试费用减免' });
      if (!(await activeRegistrationOf(tx, candidateId, input.eventId)))
        throw new AppError('PROBLEM.REGISTRATION_REQUIRED', {
          message: '请先完成本次招录的笔试报名，再申请笔试费用减免',
        });
    }
  }

  /** Files a case with its text and evidence; the refusal's link prefilled type, event and code. */
  async function create(
    candidateId: string,
    input: CreateProblem,
    ctx: ChangeContext,
  ): Promise<CandidateProblem> {
    // Checks, the case, its first history line and the audit entry: one transaction.
    const id = await db.transaction(async (tx) => {
      await checkInput(tx, candidateId, input);
      await assertOwnEvidence(tx, candidateId, input.fileIds);
      // A technical question may name the event it is about; an appeal always does (checked above).
      const eventId = input.eventId ?? null;
      if (await findOpenCase(tx, candidateId, input.type, eventId))
        throw new AppError('PROBLEM.ALREADY_OPEN');
      const at = now();
      const caseId = randomUUID();
      // A number a candidate can quote on the phone: the Shanghai day and part of the id.
      const caseNumber = `WT${shanghaiDay(at).replaceAll('-', '')}${caseId.slice(0, 6).toUpperCase()}`;
      await insertCase(tx, {
        id: caseId,
        caseNumber,
        candidateId,
        eventId,
        type: input.type,
        status: 'submitted',
        responsibleRole: responsibleRoleOf(input.type),
        refusalCode: input.refusalCode ?? null,
        title: input.title,
        body: input.body,
        requestedName: input.type === 'name_change' ? (input.requestedName ?? null) : null,
        submittedAt: at,
        dueAt: dueFrom(input.type, at),
        updatedAt: at,
      });
      // The submission is the first line of the history, with the evidence given with it.
      await insertEntry(tx, {
        caseId,
        kind: 'submitted',
        actorKind: 'candidate',
        actorId: candidateId,
        toStatus: 'submitted',
        body: input.body,
        fileIds: input.fileIds,
        at,
      });
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'problem.submitted',
        targetType: 'problem_case',
        targetId: caseId,
        result: 'success',
        details: { type: input.type, eventId, files: input.fileIds.length },
      });
      return caseId;
    });
    return getOwn(candidateId, id);
  }

  /** The candidate's own case; anyone else's is "not found", exactly as a missing one. */
  async function ownCase(tx: DbOrTx, candidateId: string, id: string, lock = false) {
    const row = await getCase(tx, id, lock);
    if (row.candidateId !== candidateId) throw new AppError('PROBLEM.NOT_FOUND');
    return row;
  }

  /** The candidate's case with its visible history (internal notes filtered by the presenter). */
  async function getOwn(candidateId: string, id: string): Promise<CandidateProblem> {
    const row = await ownCase(db, candidateId, id);
    const entries = await findEntries(db, id);
    return toCandidateProblem(row, entries, await lookupsFor(db, files, [row], entries));
  }

  /** The candidate's cases, newest first. */
  async function listOwn(candidateId: string): Promise<CandidateProblemSummary[]> {
    const rows = await findCandidateCases(db, candidateId);
    const lookups = await lookupsFor(db, files, rows);
    return rows.map((r) => toCandidateSummary(r, lookups));
  }

  /** The answer to "more information needed": back to review, the SLA counted again from now. */
  async function answer(
    candidateId: string,
    id: string,
    input: ProblemAnswer,
    ctx: ChangeContext,
  ): Promise<CandidateProblem> {
    await db.transaction(async (tx) => {
      // Locked: a staff decision racing the answer either sees it or is seen by it.
      const row = await ownCase(tx, candidateId, id, true);
      if (row.status !== 'more_info_needed')
        throw new AppError('PROBLEM.INVALID_TRANSITION', {
          message: '该问题当前无需补充材料',
          details: { from: row.status, to: 'in_review' },
        });
      await assertOwnEvidence(tx, candidateId, input.fileIds);
      const at = now();
      await updateCase(tx, id, {
        status: 'in_review',
        dueAt: dueFrom(row.type, at),
        updatedAt: at,
      });
      await insertEntry(tx, {
        caseId: id,
        kind: 'candidate_answer',
        actorKind: 'candidate',
        actorId: candidateId,
        fromStatus: row.status,
        toStatus: 'in_review',
        body: input.body,
        fileIds: input.fileIds,
        at,
      });
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'problem.answered',
        targetType: 'problem_case',
        targetId: id,
        result: 'success',
        details: { from: row.status, to: 'in_review', files: input.fileIds.length },
      });
    });
    return getOwn(candidateId, id);
  }

  /** Withdraws an open case: closed, the history kept (留痕). */
  async function withdraw(
    candidateId: string,
    id: string,
    ctx: ChangeContext,
  ): Promise<CandidateProblem> {
    await db.transaction(async (tx) => {
      const row = await ownCase(tx, candidateId, id, true);
      if (!WITHDRAWABLE.includes(row.status))
        throw new AppError('PROBLEM.INVALID_TRANSITION', {
          message: '该问题已处理完毕，不能撤回',
          details: { from: row.status, to: 'closed' },
        });
      assertProblemTransition(row.status, 'closed');
      const at = now();
      await updateCase(tx, id, { status: 'closed', closedAt: at, updatedAt: at });
      await insertEntry(tx, {
        caseId: id,
        kind: 'withdrawn',
        actorKind: 'candidate',
        actorId: candidateId,
        fromStatus: row.status,
        toStatus: 'closed',
        at,
      });
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'problem.withdrawn',
        targetType: 'problem_case',
        targetId: id,
        result: 'success',
        details: { from: row.status, to: 'closed' },
      });
    });
    return getOwn(candidateId, id);
  }

  /** One evidence file of the candidate's own case (listed in its history), with its bytes. */
  async function readOwnFile(candidateId: string, id: string, fileId: string) {
    await ownCase(db, candidateId, id);
    return readCaseFile(id, fileId);
  }

  /** A file referenced by the case's history; any other id is "not found", never decrypted. */
  async function readCaseFile(id: string, fileId: string) {
    const entries = await findEntries(db, id);
    if (!entries.some((e) => e.fileIds.includes(fileId))) throw new AppError('FILE.NOT_FOUND');
    return files.read(fileId);
  }

  return { uploadEvidence, create, getOwn, listOwn, answer, withdraw, readOwnFile, readCaseFile };
}

export type ProblemCandidate = ReturnType<typeof createProblemCandidate>;
