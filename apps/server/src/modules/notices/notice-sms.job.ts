import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditActor } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import type { JobContext } from '../../platform/jobs/job-runner';
import type { SmsGateway } from '../../platform/sms';
import { candidate } from '../candidates/candidate.table';

export const NOTICE_SMS_JOB = 'notices.sms';

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

/** One candidate who was not texted, and why (the job result lists them for the staff to follow up). */
export type NoticeSmsRefusal = { candidateId: string; code: string; reason: string };
export type NoticeSmsResult = { noticeId: string; version: number; total: number; sent: number; refused: number; refusals: NoticeSmsRefusal[] };

// Phones are read and texted in batches; progress is written between batches, never inside a transaction.
const BATCH = 200;

function refusalOf(candidateId: string, error: unknown): NoticeSmsRefusal {
  if (error instanceof AppError && error.code === 'SMS.DAILY_LIMIT') return { candidateId, code: error.code, reason: '该考生手机号今日短信已达上限' };
  if (error instanceof AppError) return { candidateId, code: error.code, reason: error.message };
  return { candidateId, code: 'SMS.DELIVERY_FAILED', reason: '短信发送失败' };
}

/**
 * Texts every candidate a changed notice names (REG-03/04), one SMS each. A refused number (the
 * REG-06 daily limit, a provider failure, a candidate without a phone) is recorded in the result
 * and never fails the job: the others must still be told.
 */
export async function runNoticeSmsJob(deps: { db: Db; crypto: CryptoProvider; sms: SmsGateway }, job: JobContext<NoticeSmsPayload>): Promise<NoticeSmsResult> {
  const { payload, reportProgress } = job;
  const ids = [...new Set(payload.candidateIds)];
  const result: NoticeSmsResult = { noticeId: payload.noticeId, version: payload.version, total: ids.length, sent: 0, refused: 0, refusals: [] };
  await reportProgress(0, `共 ${ids.length} 名考生待发送短信`);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const rows = await deps.db.select({ id: candidate.id, phoneEnc: candidate.phoneEnc }).from(candidate).where(inArray(candidate.id, batch));
    const phones = new Map(rows.map((r) => [r.id, r.phoneEnc]));
    for (const candidateId of batch) {
      try {
        const phoneEnc = phones.get(candidateId);
        if (!phoneEnc) throw new AppError('COMMON.NOT_FOUND', { message: '考生不存在或未登记手机号' });
        const phone = deps.crypto.decryptField(phoneEnc, { table: 'candidate', column: 'phone', rowId: candidateId });
        await deps.sms.send({ phone, purpose: 'notice', content: payload.content, actor: payload.actor, ip: payload.ip, requestId: payload.requestId });
        result.sent++;
      } catch (error) {
        result.refused++;
        result.refusals.push(refusalOf(candidateId, error));
      }
    }
    const done = Math.min(i + BATCH, ids.length);
    await reportProgress((100 * done) / ids.length, `已处理 ${done}/${ids.length} 名考生，发送 ${result.sent} 条，未发送 ${result.refused} 条`);
  }
  return result;
}
