import {
  NOTICE_KIND_LABELS,
  type NoticeInput,
  type NoticeKind,
  type NoticeStatus,
} from '@kaolu/contracts';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { UpdateNoticeSchema } from '@kaolu/contracts';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { SmsGateway } from '../../platform/sms';
import { candidate } from '../candidates/candidate.table';
import {
  NOTICE_SMS_JOB,
  NOTICE_SMS_MAX_ATTEMPTS,
  runNoticeSmsJob,
  type NoticeSmsPayload,
} from './notice-sms.job';
import { notice, noticeRecipient, noticeVersion } from './notice.table';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

/** A notice row as Drizzle reads it. */
type NoticeRow = typeof notice.$inferSelect;
/** The body of an edit: new text, the named candidates and an optional change note. */
type UpdateNotice = z.infer<typeof UpdateNoticeSchema>;
export type NoticesService = ReturnType<typeof createNoticesService>;
/** The SMS side of a change: the queued job (null when nobody is to be told) and how many it will text. */
export type SmsReport = { jobId: string | null; recipients: number };

/** Notice row → staff API shape. */
function present(n: NoticeRow, candidateCount: number) {
  return {
    id: n.id,
    eventId: n.eventId,
    kind: n.kind as NoticeKind,
    title: n.title,
    body: n.body,
    status: n.status as NoticeStatus,
    version: n.version,
    candidateCount,
    publishedAt: n.publishedAt?.toISOString() ?? null,
    updatedAt: n.updatedAt.toISOString(),
  };
}

/**
 * Notices (REG-03 interview, REG-04 re-check, announcements): staff edit and publish quickly, every
 * version is kept, and the candidates a published notice names get an SMS when it appears or changes.
 * The SMS go out from a durable job queued in the change's transaction: a rolled-back edit texts
 * nobody, and a notice to thousands of candidates does not hold the request (progress: /api/jobs/:id).
 */
export function createNoticesService(deps: {
  db: Db;
  audit: AuditLog;
  crypto: CryptoProvider;
  sms: SmsGateway;
  jobs: JobRunner;
  now?: () => Date;
}) {
  const { db, audit, jobs } = deps;
  const now = deps.now ?? (() => new Date());
  // Registered when the service is built, so any instance's worker can run a queued SMS job.
  jobs.register<NoticeSmsPayload>(NOTICE_SMS_JOB, (job) => runNoticeSmsJob(deps, job));

  /** One notice or NOTICE.NOT_FOUND; `lock` serialises concurrent edits of one notice. */
  async function getRow(tx: DbOrTx, id: string, lock = false): Promise<NoticeRow> {
    const query = tx.select().from(notice).where(eq(notice.id, id));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw new AppError('NOTICE.NOT_FOUND');
    return row;
  }

  /** The candidates a notice names. */
  async function recipientsOf(tx: DbOrTx, id: string): Promise<string[]> {
    return (
      await tx
        .select({ id: noticeRecipient.candidateId })
        .from(noticeRecipient)
        .where(eq(noticeRecipient.noticeId, id))
    ).map((r) => r.id);
  }

  /** Replaces the named candidates; every id must name a candidate, or nothing changes. */
  async function setRecipients(tx: DbOrTx, id: string, candidateIds: string[]): Promise<void> {
    await tx.delete(noticeRecipient).where(eq(noticeRecipient.noticeId, id));
    const unique = [...new Set(candidateIds)];
    if (!unique.length) return;
    const known = await tx
      .select({ id: candidate.id })
      .from(candidate)
      .where(inArray(candidate.id, unique));
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
    /** Staff list of notices, last changed first, with the number of candidates each names. */
    async list(query: { page: number; pageSize: number; eventId?: string; kind?: NoticeKind }) {
      const parts: SQL[] = [];
      if (query.eventId) parts.push(eq(notice.eventId, query.eventId));
      if (query.kind) parts.push(eq(notice.kind, query.kind));
      const where = parts.length ? and(...parts) : undefined;
      const [rows, [totals]] = await Promise.all([
        db
          .select()
          .from(notice)
          .where(where)
          .orderBy(desc(notice.updatedAt))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(notice).where(where),
      ]);
      // One grouped count for the page's notices instead of one query per row.
      const counts = rows.length
        ? await db
            .select({ id: noticeRecipient.noticeId, n: count() })
            .from(noticeRecipient)
            .where(
              inArray(
                noticeRecipient.noticeId,
                rows.map((r) => r.id),
              ),
            )
            .groupBy(noticeRecipient.noticeId)
        : [];
      const byId = new Map(counts.map((c) => [c.id, c.n]));
      return {
        items: rows.map((r) => {
          const { body: _b, ...rest } = present(r, byId.get(r.id) ?? 0);
          return rest;
        }),
        total: totals?.n ?? 0,
      };
    },

    /** One notice for the edit page, whatever its status. */
    async get(id: string) {
      const row = await getRow(db, id);
      return present(row, (await recipientsOf(db, id)).length);
    },

    // Every version of a notice, newest first (REG-03/04).
    versions: (id: string) =>
      db
        .select()
        .from(noticeVersion)
        .where(eq(noticeVersion.noticeId, id))
        .orderBy(desc(noticeVersion.version)),

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
        return present(row!, new Set(input.candidateIds).size);
      });
    },

    /** Saves a new version; if the notice is public, every candidate named before or after is told. */
    async update(id: string, input: UpdateNotice, ctx: ChangeContext) {
      return db.transaction(async (tx) => {
        const before = await getRow(tx, id, true);
        // Withdrawn notices keep the text they had when withdrawn; they can only be published
        // again.
        if (before.status === 'withdrawn')
          throw new AppError('NOTICE.INVALID_TRANSITION', { message: '已撤回的公告不能修改' });
        const previous = await recipientsOf(tx, id);
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
        return { notice: present(updated!, new Set(input.candidateIds).size), sms };
      });
    },

    /**
     * Publishes a draft (or a withdrawn notice again); the candidates it names are texted by a job
     * queued in this transaction.
     */
    async publish(id: string, ctx: ChangeContext) {
      return db.transaction(async (tx) => {
        const before = await getRow(tx, id, true);
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
        const concerned = await recipientsOf(tx, id);
        const sms = await queueSms(tx, concerned, updated!, false, ctx);
        return { notice: present(updated!, concerned.length), sms };
      });
    },

    /** Takes a published notice off the public site; audited, nobody texted. */
    async withdraw(id: string, ctx: ChangeContext) {
      return db.transaction(async (tx) => {
        const before = await getRow(tx, id, true);
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
        return present(updated!, (await recipientsOf(tx, id)).length);
      });
    },

    /** Published notices for the public site, newest first. */
    async findPublic(query: {
      page: number;
      pageSize: number;
      eventId?: string;
      kind?: NoticeKind;
    }) {
      const parts: SQL[] = [eq(notice.status, 'published')];
      if (query.eventId) parts.push(eq(notice.eventId, query.eventId));
      if (query.kind) parts.push(eq(notice.kind, query.kind));
      const where = and(...parts);
      const [rows, [totals]] = await Promise.all([
        db
          .select({ id: notice.id, title: notice.title, publishedAt: notice.publishedAt })
          .from(notice)
          .where(where)
          .orderBy(desc(notice.publishedAt))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(notice).where(where),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          publishedAt: r.publishedAt!.toISOString(),
        })),
        total: totals?.n ?? 0,
      };
    },

    /** One published notice for the public site; anything else is NOTICE.NOT_FOUND. */
    async getPublic(id: string) {
      const row = await getRow(db, id);
      if (row.status !== 'published') throw new AppError('NOTICE.NOT_FOUND');
      return {
        id: row.id,
        title: row.title,
        body: row.body,
        kind: row.kind as NoticeKind,
        eventId: row.eventId,
        version: row.version,
        publishedAt: row.publishedAt!.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      };
    },
  };
}
