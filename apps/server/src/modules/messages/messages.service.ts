import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditActor } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { SmsGateway } from '../../platform/sms';
import { findCandidateSummaries } from '../candidates';
import { candidateMessage } from './candidate-message.table';

/** The job that sends the texts of notify() after commit. */
export const SMS_JOB = 'messages.sms';
// The job carries candidate ids, never phone numbers: those stay encrypted until the moment of
// sending.
type SmsPayload = { candidateIds: string[]; content: string; purpose: string; actor?: AuditActor };

export type MessagesService = ReturnType<typeof createMessagesService>;

/**
 * Tells candidates what happened: the portal message is written in the caller's transaction, the
 * SMS is queued there too and sent by a job after commit, so a rollback sends nothing.
 */
export function createMessagesService(deps: {
  db: Db;
  crypto: CryptoProvider;
  sms: SmsGateway;
  jobs: JobRunner;
  now: () => Date;
}) {
  const { db, crypto, sms, jobs, now } = deps;

  /** Sends one text per candidate; a refused number (daily limit) is counted, never fatal. */
  async function smsTo(
    candidateIds: string[],
    content: string,
    purpose: string,
    actor?: AuditActor,
  ): Promise<{ sent: number; failed: number }> {
    const report = { sent: 0, failed: 0 };
    // Phones are read 500 at a time, so a notification to a whole event stays within one query's
    // limits.
    for (let i = 0; i < candidateIds.length; i += 500) {
      const rows = await findCandidateSummaries(db, candidateIds.slice(i, i + 500));
      for (const row of rows) {
        try {
          const phone = crypto.decryptField(row.phoneEnc, {
            table: 'candidate',
            column: 'phone',
            rowId: row.id,
          });
          await sms.send({ phone, purpose, content, actor });
          report.sent++;
          // Counted, not thrown: one refused number (REG-06 daily limit, unreadable phone) must not
          // stop the rest.
        } catch {
          report.failed++;
        }
      }
    }
    return report;
  }

  // The handler is registered with the service so that any instance can run a queued job.
  jobs.register<SmsPayload>(SMS_JOB, async ({ payload }) =>
    smsTo(payload.candidateIds, payload.content, payload.purpose, payload.actor),
  );

  return {
    smsTo,
    /** Portal message now and SMS after commit, both inside the caller's transaction. */
    async notify(
      tx: DbOrTx,
      candidateIds: string[],
      message: { title: string; body: string; sms: string; purpose: string; actor?: AuditActor },
    ): Promise<void> {
      if (candidateIds.length === 0) return;
      // Inserted in chunks of 1,000 rows, below PostgreSQL's limit of bind parameters per
      // statement.
      for (let i = 0; i < candidateIds.length; i += 1000) {
        await tx
          .insert(candidateMessage)
          .values(
            candidateIds
              .slice(i, i + 1000)
              .map((candidateId) => ({ candidateId, title: message.title, body: message.body })),
          );
      }
      await jobs.enqueue(
        SMS_JOB,
        {
          candidateIds,
          content: message.sms,
          purpose: message.purpose,
          actor: message.actor,
        } satisfies SmsPayload,
        {},
        tx,
      );
    },
    /** The candidate's inbox, newest first. */
    async list(candidateId: string) {
      const rows = await db
        .select()
        .from(candidateMessage)
        .where(eq(candidateMessage.candidateId, candidateId))
        .orderBy(desc(candidateMessage.createdAt))
        .limit(100);
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        body: r.body,
        createdAt: r.createdAt.toISOString(),
        readAt: r.readAt?.toISOString() ?? null,
      }));
    },
    /** Marks a message read, only the caller's own and only once (the first reading time stays). */
    async markRead(candidateId: string, id: string): Promise<void> {
      await db
        .update(candidateMessage)
        .set({ readAt: now() })
        .where(
          and(
            eq(candidateMessage.id, id),
            eq(candidateMessage.candidateId, candidateId),
            isNull(candidateMessage.readAt),
          ),
        );
    },
  };
}
