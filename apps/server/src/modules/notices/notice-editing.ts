import {
  NOTICE_KIND_LABELS,
  type NoticeInput,
  type NoticeKind,
  type UpdateNoticeSchema,
} from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import type { JobRunner } from '../../platform/jobs/job-runner';
import { findExistingCandidateIds } from '../candidates';
import { NOTICE_SMS_JOB, NOTICE_SMS_MAX_ATTEMPTS, type NoticeSmsPayload } from './notice-sms.job';
import { getNoticeRow, noticeRecipientsOf, presentNotice, type NoticeRow } from './notice-rows';
import { notice, noticeRecipient, noticeVersion } from './notice.table';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

/** The body of an edit: new text, the named candidates and an optional change note. */
type UpdateNotice = z.infer<typeof UpdateNoticeSchema>;
/** The SMS side of a change: the queued job (null when nobody is to be told) and how many it will text. */
export type SmsReport = { jobId: string | null; recipients: number };

/**
 * The write side of notices: create a draft, save a new version, publish, withdraw — each audited
 * in its transaction, the SMS to the named candidates queued in that same transaction.
 */
export function createNoticeEditing(deps: {
  db: Db;
  audit: AuditLog;
  jobs: JobRunner;
  now: () => Date;
}) {
  const { db, audit, jobs, now } = deps;

  /** Replaces the named candidates; every id must name a candidate, or nothing changes. */
  async function setRecipients(tx: DbOrTx, id: string, candidateIds: string[]): Promise<void> {
    await tx.delete(noticeRecipient).where(eq(noticeRecipient.noticeId, id));
    const unique = [...new Set(candidateIds)];
    if (!unique.length) return;
    const known = await findExistingCandidateIds(tx, unique);
    if (known.length !== unique.length)
      throw new AppError('COMMON.VALIDATION_FAILED', { message: '涉及考生中有不存在的考生' });
    await tx
      .insert(noticeRecipient)
      .values(unique.map((candidateId) => ({ noticeId: id, candidateId })));
  }

  /** Queues one SMS per named candidate in the caller's transaction; the job runs after commit. */
  async function queueSms(
    tx: DbOrTx,
    candidateIds: string[],
    n: NoticeRow,
    changed: boolean,
    ctx: ChangeContext,
  ): Promise<SmsReport> {
    if (!candidateIds.length) return { jobId: null, recipients: 0 };
    const label = NOTICE_KIND_LABELS[n.kind as NoticeKind];
    // The SMS names the notice but not its text: the content is read on the site after logging in.
    const content = `【上海公务员考录】您的${label}「${n.title}」${changed ? '已更新' : '已发布'}，请登录报名网站查看。`;
    const payload: NoticeSmsPayload = {
      noticeId: n.id,
      version: n.version,
      candidateIds,
      content,
      actor: ctx.actor,
      ip: ctx.ip,
      requestId: ctx.requestId,
    };
    // Retried after a crash or a database error: each candidate's delivery is recorded, so nobody is texted twice.
    const job = await jobs.enqueue(
      NOTICE_SMS_JOB,
      payload,
      {
        maxAttempts: NOTICE_SMS_MAX_ATTEMPTS,
        createdBy: ctx.actor.kind === 'staff' ? ctx.actor.username : undefined,
      },
      tx,
    );
    return { jobId: job.id, recipients: candidateIds.length };
  }

  return {
    /** Creates a draft as version 1 with its named candidates; nobody is texted yet. */
    async create(input: NoticeInput, ctx: ChangeContext) {
      return db.transaction(async (tx) => {
        const createdBy = ctx.actor.kind === 'staff' ? ctx.actor.username : null;
        const [row] = await tx
          .insert(notice)
          .values({
            eventId: input.eventId,
            kind: input.kind,
            title: input.title,
            body: input.body,
            createdBy,
          })
          .returning();
        await tx.insert(noticeVersion).values({
          noticeId: row!.id,
          version: 1,
          title: input.title,
          body: input.body,
          createdBy,
        });
        await setRecipients(tx, row!.id, input.candidateIds);
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'notice.created',
          targetType: 'notice',
          targetId: row!.id,
          result: 'success',
          details: { kind: input.kind, title: input.title, candidates: input.candidateIds.length },
        });
        return presentNotice(row!, new Set(input.candidateIds).size);
      });
    },

    /** Saves a new version; if the notice is public, every candidate named before or after is told. */
    async update(id: string, input: UpdateNotice, ctx: ChangeContext) {
      return db.transaction(async (tx) => {
        const before = await getNoticeRow(tx, id, true);
        // Withdrawn notices keep the text they had when withdrawn; they can only be published
        // again.
        if (before.status === 'withdrawn')
          throw new AppError('NOTICE.INVALID_TRANSITION', { message: '已撤回的公告不能修改' });
        const previous = await noticeRecipientsOf(tx, id);
        const version = before.version + 1;
        const createdBy = ctx.actor.kind === 'staff' ? ctx.actor.username : null;
        await tx.insert(noticeVersion).values({
          noticeId: id,
          version,
          title: input.title,
          body: input.body,
          changeNote: input.changeNote ?? null,
          createdBy,
        });
        const [updated] = await tx
          .update(notice)
          .set({ title: input.title, body: input.body, version, updatedAt: now() })
          .where(eq(notice.id, id))
          .returning();
        await setRecipients(tx, id, input.candidateIds);
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'notice.changed',
          targetType: 'notice',
          targetId: id,
          result: 'success',
          details: {
            fromVersion: before.version,
            toVersion: version,
            from: { title: before.title },
            to: { title: input.title },
            changeNote: input.changeNote ?? null,
          },
        });
        // Candidates dropped from the notice are told too: the notice that concerned them has
        // changed.
        const concerned =
          updated!.status === 'published' ? [...new Set([...previous, ...input.candidateIds])] : [];
        const sms = await queueSms(tx, concerned, updated!, true, ctx);
        return { notice: presentNotice(updated!, new Set(input.candidateIds).size), sms };
      });
    },

    /**
     * Publishes a draft (or a withdrawn notice again); the candidates it names are texted by a job
     * queued in this transaction.
     */
    async publish(id: string, ctx: ChangeContext) {
      return db.transaction(async (tx) => {
        const before = await getNoticeRow(tx, id, true);
        if (before.status === 'published')
          throw new AppError('NOTICE.INVALID_TRANSITION', { message: '公告已发布' });
        const [updated] = await tx
          .update(notice)
          .set({ status: 'published', publishedAt: now(), updatedAt: now() })
          .where(eq(notice.id, id))
          .returning();
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'notice.published',
          targetType: 'notice',
          targetId: id,
          result: 'success',
          details: { from: before.status, to: 'published', version: before.version },
        });
        const concerned = await noticeRecipientsOf(tx, id);
        const sms = await queueSms(tx, concerned, updated!, false, ctx);
        return { notice: presentNotice(updated!, concerned.length), sms };
      });
    },

    /** Takes a published notice off the public site; audited, nobody texted. */
    async withdraw(id: string, ctx: ChangeContext) {
      return db.transaction(async (tx) => {
        const before = await getNoticeRow(tx, id, true);
        if (before.status !== 'published')
          throw new AppError('NOTICE.INVALID_TRANSITION', { message: '只有已发布的公告可以撤回' });
        const [updated] = await tx
          .update(notice)
          .set({ status: 'withdrawn', updatedAt: now() })
          .where(eq(notice.id, id))
          .returning();
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'notice.withdrawn',
          targetType: 'notice',
          targetId: id,
          result: 'success',
          details: { from: 'published', to: 'withdrawn' },
        });
        return presentNotice(updated!, (await noticeRecipientsOf(tx, id)).length);
      });
    },
  };
}
