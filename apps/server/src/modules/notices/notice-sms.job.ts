import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditActor } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import type { JobContext } from '../../platform/jobs/job-runner';
import { maskName, maskPhone } from '../../platform/masking';
import type { SmsGateway } from '../../platform/sms';
import { smsMessage } from '../../platform/sms/sms.table';
import { findCandidateSummaries } from '../candidates';
import { noticeSmsDelivery } from './notice.table';

/** The job name of a notice's SMS run; the notices service registers its handler. */
export const NOTICE_SMS_JOB = 'notices.sms';
/** Safe to retry: every candidate is recorded in notice_sms_delivery and never texted twice. */
export const NOTICE_SMS_MAX_ATTEMPTS = 5;

/** What the job needs: the text is fixed when queued, so a later edit queues its own job. */
export type NoticeSmsPayload = {
  noticeId: string;
  version: number;
  candidateIds: string[];
  content: string;
  actor: AuditActor;
  ip?: string;
  requestId?: string;
};

/**
 * One candidate who was not texted, and why (the job result lists them for the staff to follow up).
 * Staff recognise him by masked name and phone (NFR-SEC-3); the id is kept to name him in a notice again.
 */
export type NoticeSmsRefusal = {
  candidateId: string;
  nameMasked: string | null;
  phoneMasked: string | null;
  code: string;
  reason: string;
};
/** The job's result, shown on the job page: how many were texted and who was not. */
export type NoticeSmsResult = {
  noticeId: string;
  version: number;
  total: number;
  sent: number;
  refused: number;
  refusals: NoticeSmsRefusal[];
};

// A delivery row, and the two fields of a candidate the job needs (the phone stays encrypted).
type Delivery = typeof noticeSmsDelivery.$inferSelect;
type Person = { name: string; phoneEnc: string };

// Phones are read and texted in batches; progress is written between sends, never inside a transaction.
const BATCH = 200;
// Progress also renews the job's lease (300 s): a worker that is alive is never taken over, even
// when a slow provider makes one batch last longer than the lease.
const HEARTBEAT_MS = 30_000;

/** An expected refusal (daily limit, provider failure, no phone): recorded, never retried. */
function refusalOf(error: unknown): { code: string; reason: string } | null {
  if (error instanceof AppError && error.code === 'SMS.DAILY_LIMIT')
    return { code: error.code, reason: '该考生手机号今日短信已达上限' };
  if (error instanceof AppError) return { code: error.code, reason: error.message };
  return null;
}

/**
 * Texts every candidate a changed notice names (REG-03/04), exactly one SMS each per notice version.
 * A refused number (the REG-06 daily limit, a provider failure, a candidate without a phone) is
 * recorded in the result and never fails the job: the others must still be told. An unexpected
 * error (database gone, process killed) fails the attempt; the retry, or the instance that takes
 * the lease over, skips every candidate already recorded.
 *
 * Ordering. The SMS gateway commits its own transaction (quota + outbox row) and takes no caller
 * transaction, so the delivery row cannot share it. Instead each candidate is first claimed by
 * inserting his (notice, version, candidate) row as 'sending' (the primary key lets one worker
 * win), then texted, then the row is settled 'sent' or 'refused'. A crash can leave a row
 * 'sending' in two states: before the gateway committed (nobody was texted) or after (the outbox
 * row exists). The next attempt tells them apart by looking for the gateway's sms_message row for
 * that phone and text written after the claim, both stamped by the same worker, and texts the
 * candidate only if there is none. The one case left is a worker frozen longer than the job lease
 * inside a send that then resumes; the heartbeat below keeps a live worker's lease from expiring.
 */
export async function runNoticeSmsJob(
  deps: { db: Db; crypto: CryptoProvider; sms: SmsGateway; now: () => Date },
  job: JobContext<NoticeSmsPayload>,
): Promise<NoticeSmsResult> {
  const { db, crypto, now } = deps;
  const { payload } = job;
  // A candidate named twice is texted once.
  const ids = [...new Set(payload.candidateIds)];
  const result: NoticeSmsResult = {
    noticeId: payload.noticeId,
    version: payload.version,
    total: ids.length,
    sent: 0,
    refused: 0,
    refusals: [],
  };
  // The primary key of one candidate's delivery for this notice version.
  const keyOf = (candidateId: string) =>
    and(
      eq(noticeSmsDelivery.noticeId, payload.noticeId),
      eq(noticeSmsDelivery.noticeVersion, payload.version),
      eq(noticeSmsDelivery.candidateId, candidateId),
    );

  let lastReport = Date.now();
  const report = async (done: number) => {
    await job.reportProgress(
      (100 * done) / Math.max(ids.length, 1),
      `已处理 ${done}/${ids.length} 名考生，发送 ${result.sent} 条，未发送 ${result.refused} 条`,
    );
    lastReport = Date.now();
  };

  const reread = async (candidateId: string): Promise<Delivery> => {
    const [row] = await db.select().from(noticeSmsDelivery).where(keyOf(candidateId));
    if (row && row.outcome !== 'sending') return row;
    // Another worker holds the claim right now: fail this attempt, the retry finds it settled.
    throw new Error(`考生 ${candidateId} 的公告短信正由其他进程发送`);
  };

  /** Settles a claim this worker holds; a claim another worker took over meanwhile is left to it. */
  const settle = async (
    candidateId: string,
    claimedAt: Date,
    outcome: Partial<Delivery> & { outcome: 'sent' | 'refused' },
  ): Promise<Delivery> => {
    const [row] = await db
      .update(noticeSmsDelivery)
      .set({ ...outcome, at: now() })
      .where(
        and(
          keyOf(candidateId),
          eq(noticeSmsDelivery.outcome, 'sending'),
          eq(noticeSmsDelivery.claimedAt, claimedAt),
        ),
      )
      .returning();
    return row ?? reread(candidateId);
  };

  /** The phone to text, or the refusal when there is none. */
  const phoneOf = (
    candidateId: string,
    person: Person | undefined,
  ): { phone: string } | { refusal: { code: string; reason: string } } => {
    if (!person?.phoneEnc)
      return { refusal: { code: 'COMMON.NOT_FOUND', reason: '考生不存在或未登记手机号' } };
    try {
      return {
        phone: crypto.decryptField(person.phoneEnc, {
          table: 'candidate',
          column: 'phone',
          rowId: candidateId,
        }),
      };
    } catch {
      return { refusal: { code: 'SMS.DELIVERY_FAILED', reason: '考生手机号无法读取' } };
    }
  };

  /** Texts one candidate unless he is recorded already; returns his settled delivery row. */
  const deliverOnce = async (
    candidateId: string,
    person: Person | undefined,
    recorded: Delivery | undefined,
  ): Promise<Delivery> => {
    if (recorded && recorded.outcome !== 'sending') return recorded;
    const target = phoneOf(candidateId, person);
    const claimedAt = now();
    if (!recorded) {
      const [claimed] = await db
        .insert(noticeSmsDelivery)
        .values({
          noticeId: payload.noticeId,
          noticeVersion: payload.version,
          candidateId,
          outcome: 'sending',
          claimedAt,
        })
        .onConflictDoNothing()
        .returning();
      if (!claimed) return reread(candidateId);
    } else {
      // Left 'sending' by an attempt that died between claim and outcome: was the text committed?
      if ('phone' in target) {
        const [committed] = await db
          .select({ id: smsMessage.id })
          .from(smsMessage)
          .where(
            and(
              eq(smsMessage.phoneBidx, crypto.blindIndex('phone', target.phone)),
              eq(smsMessage.purpose, 'notice'),
              eq(smsMessage.content, payload.content),
              gte(smsMessage.createdAt, recorded.claimedAt),
            ),
          )
          .limit(1);
        if (committed)
          return settle(candidateId, recorded.claimedAt, {
            outcome: 'sent',
            smsMessageId: committed.id,
          });
      }
      // Not texted: take the claim over; of several retrying workers only one wins it.
      const [taken] = await db
        .update(noticeSmsDelivery)
        .set({ claimedAt })
        .where(
          and(
            keyOf(candidateId),
            eq(noticeSmsDelivery.outcome, 'sending'),
            eq(noticeSmsDelivery.claimedAt, recorded.claimedAt),
          ),
        )
        .returning();
      if (!taken) return reread(candidateId);
    }
    if ('refusal' in target)
      return settle(candidateId, claimedAt, { outcome: 'refused', ...target.refusal });
    try {
      const sent = await deps.sms.send({
        phone: target.phone,
        purpose: 'notice',
        content: payload.content,
        actor: payload.actor,
        ip: payload.ip,
        requestId: payload.requestId,
      });
      return settle(candidateId, claimedAt, { outcome: 'sent', smsMessageId: sent.id });
    } catch (error) {
      const refusal = refusalOf(error);
      // Unexpected: the row stays 'sending' and the retry checks the outbox before texting again.
      if (!refusal) throw error;
      return settle(candidateId, claimedAt, { outcome: 'refused', ...refusal });
    }
  };

  await job.reportProgress(0, `共 ${ids.length} 名考生待发送短信`);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const [people, recorded] = await Promise.all([
      findCandidateSummaries(db, batch),
      db
        .select()
        .from(noticeSmsDelivery)
        .where(
          and(
            eq(noticeSmsDelivery.noticeId, payload.noticeId),
            eq(noticeSmsDelivery.noticeVersion, payload.version),
            inArray(noticeSmsDelivery.candidateId, batch),
          ),
        ),
    ]);
    const personOf = new Map(people.map((p) => [p.id, p]));
    const recordOf = new Map(recorded.map((r) => [r.candidateId, r]));
    for (const [index, candidateId] of batch.entries()) {
      const person = personOf.get(candidateId);
      const delivery = await deliverOnce(candidateId, person, recordOf.get(candidateId));
      if (delivery.outcome === 'sent') {
        result.sent++;
      } else {
        const target = phoneOf(candidateId, person);
        result.refused++;
        result.refusals.push({
          candidateId,
          nameMasked: person ? maskName(person.name) : null,
          phoneMasked: 'phone' in target ? maskPhone(target.phone) : null,
          code: delivery.code ?? 'SMS.DELIVERY_FAILED',
          reason: delivery.reason ?? '短信发送失败',
        });
      }
      if (Date.now() - lastReport > HEARTBEAT_MS) await report(i + index + 1);
    }
    await report(Math.min(i + BATCH, ids.length));
  }
  return result;
}
