import type {
  ApplicationCheck,
  EducationCheck,
  ReviewAttachment,
  ReviewDetail,
} from '@kaolu/contracts';
import { formatCenti } from '@kaolu/domain';
import { desc, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { createFileStore } from '../../platform/files';
import { maskIdNumber } from '../../platform/masking';
import { findApplicationTimeline } from '../applications';
import { findCandidateById } from '../candidates';
import { positionsByIdOf } from '../positions';
import type { StoredProfileDocument } from '../profiles';
import { unitsByIdOf } from '../units';
import type { ReviewContext } from './review-context';
import type { ReviewScope } from './review-scope';
import { findReviewSla } from './review.repository';
import { slaOf } from './review-sla';
import { educationCheck } from './review.table';

/**
 * What a reviewer decides on (§7, INT-05): the application's detail with the frozen profile, and
 * the download of one submitted material, audited.
 */
export function createReviewDetail(deps: ReviewContext, scope: ReviewScope) {
  const { db, crypto, audit, scores, now } = deps;
  const { idNumberOf, loadInScope } = scope;
  // Attachments are stored encrypted; the store decrypts them and checks their SM3 digest.
  const files = createFileStore({ db, crypto });

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
    const [positions, person, lines, verdict, edu, sla] = await Promise.all([
      positionsByIdOf(db, [a.positionId]),
      findCandidateById(db, a.candidateId),
      findApplicationTimeline(db, a.id),
      scores.verdictOf(a.eventId, a.candidateId),
      latestEducation(a.id),
      findReviewSla(db, a.eventId),
    ]);
    const position = positions.get(a.positionId)!;
    const unit = (await unitsByIdOf(db, [position.unitId])).get(position.unitId)!;
    const p = { ...position, unitName: unit.name };
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

  return { detail, downloadAttachment };
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
