import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { AuditActor, AuditLog } from '../audit/audit.types';
import type { CryptoProvider } from '../crypto';
import { AppError } from '../errors/app-error';
import { maskPhone } from '../masking';
import { shanghaiDay } from '../time';
import type { SmsProvider } from './sms-providers';
import { smsDailyCount, smsMessage } from './sms.table';

export type SmsSendInput = {
  phone: string;
  /** What the message is for, e.g. 'register_code', 'second_factor', 'interview_notice'. */
  purpose: string;
  content: string;
  actor?: AuditActor;
  ip?: string;
  requestId?: string;
};

export type SmsGatewayDeps = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  provider: SmsProvider;
  dailyLimit: number;
  now?: () => Date;
};

/**
 * The one SMS interface of kaolu (REG-06). Each send takes one unit of the phone's daily quota
 * (Asia/Shanghai day) in the same transaction that writes the message; the 6th of a day is
 * refused. Delivery happens after commit, so a rolled-back send never reaches a phone.
 */
export function createSmsGateway(deps: SmsGatewayDeps) {
  const now = deps.now ?? (() => new Date());
  const { db, crypto, audit } = deps;

  return {
    async send(input: SmsSendInput): Promise<{ id: string }> {
      const phoneBidx = crypto.blindIndex('phone', input.phone);
      const phoneMasked = maskPhone(input.phone);
      const day = shanghaiDay(now());
      const actor = input.actor ?? { kind: 'anonymous' as const };
      const id = randomUUID();
      const base = {
        actor,
        targetType: 'phone',
        targetId: phoneBidx,
        ip: input.ip,
        requestId: input.requestId,
      };
      const accepted = await db.transaction(async (tx) => {
        // Counts and refuses in one statement: the row lock serialises parallel sends across processes.
        const taken = await tx.execute(sql`
          insert into sms_daily_count (phone_bidx, day, phone_masked, count, updated_at)
          values (${phoneBidx}, ${day}, ${phoneMasked}, 1, now())
          on conflict (phone_bidx, day) do update set count = sms_daily_count.count + 1, updated_at = now()
          where sms_daily_count.count < ${deps.dailyLimit}
          returning count`);
        if (rowsOf(taken).length === 0) return false;
        await tx.insert(smsMessage).values({
          id,
          phoneEnc: crypto.encryptField(input.phone, {
            table: 'sms_message',
            column: 'phone',
            rowId: id,
          }),
          phoneBidx,
          phoneMasked,
          purpose: input.purpose,
          content: input.content,
          status: 'outbox',
          createdAt: now(),
        });
        await audit.record(tx, {
          ...base,
          action: 'sms.sent',
          result: 'success',
          details: { phone: phoneMasked, purpose: input.purpose, messageId: id },
        });
        return true;
      });
      if (!accepted) {
        await audit.record(db, {
          ...base,
          action: 'sms.refused',
          result: 'failure',
          details: { phone: phoneMasked, purpose: input.purpose, reason: 'daily_limit' },
        });
        throw new AppError('SMS.DAILY_LIMIT', {
          message: `该手机号今日短信发送已达${deps.dailyLimit}条上限，请明天再试或联系技术支持解锁`,
        });
      }
      const status = await deps.provider.deliver({
        id,
        phone: input.phone,
        content: input.content,
      });
      if (status !== 'outbox') {
        await db
          .update(smsMessage)
          .set({ status, error: status === 'failed' ? 'provider refused' : null })
          .where(eq(smsMessage.id, id));
      }
      if (status === 'failed') throw new AppError('SMS.DELIVERY_FAILED');
      return { id };
    },

    /** The outbox, newest first (support staff read it in the admin portal). */
    async listMessages(page: number, pageSize: number) {
      const items = await db
        .select()
        .from(smsMessage)
        .orderBy(desc(smsMessage.createdAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [total] = await db.select({ n: count() }).from(smsMessage);
      return { items, total: total?.n ?? 0 };
    },

    /** Today's (Asia/Shanghai) count per phone, highest first. */
    async listTodayCounts() {
      const day = shanghaiDay(now());
      return db
        .select()
        .from(smsDailyCount)
        .where(eq(smsDailyCount.day, day))
        .orderBy(desc(smsDailyCount.count))
        .limit(500);
    },

    /** Support unlocks a number: its count for today goes back to zero (audited). */
    async unlock(
      phoneKey: string,
      actor: AuditActor,
      context: { ip?: string; requestId?: string } = {},
    ): Promise<boolean> {
      const day = shanghaiDay(now());
      return db.transaction(async (tx) => {
        const rows = await tx
          .delete(smsDailyCount)
          .where(and(eq(smsDailyCount.phoneBidx, phoneKey), eq(smsDailyCount.day, day)))
          .returning();
        const row = rows[0];
        await audit.record(tx, {
          action: 'sms.unlocked',
          actor,
          targetType: 'phone',
          targetId: phoneKey,
          result: 'success',
          details: { phone: row?.phoneMasked ?? null, previousCount: row?.count ?? 0, day },
          ...context,
        });
        return !!row;
      });
    },

    /** The configured per-number daily limit (SMS_DAILY_LIMIT), shown beside today's counts. */
    dailyLimit: deps.dailyLimit,

    /** The key support uses to unlock a number typed in by hand. */
    phoneKeyOf: (phone: string) => crypto.blindIndex('phone', phone),
  };
}

export type SmsGateway = ReturnType<typeof createSmsGateway>;
