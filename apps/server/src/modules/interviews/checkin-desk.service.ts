import type { CheckinDesk, CheckinDeskCreated } from '@kaolu/contracts';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { checkinDesk } from './checkin.table';

type DeskRow = typeof checkinDesk.$inferSelect;
const present = (d: DeskRow): CheckinDesk => ({
  id: d.id,
  name: d.name,
  createdAt: d.createdAt.toISOString(),
  revokedAt: d.revokedAt?.toISOString() ?? null,
});

/**
 * Check-in desks and their reader-bridge tokens (IVW-05, docs/id-card-reader.md): the token is
 * shown once when the desk is created and only its SM3 hash is stored, as for session tokens.
 */
export function createCheckinDesks(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  now: () => Date;
}) {
  const { db, crypto, audit, now } = deps;
  // Domain-separated hash: a desk token's hash can never equal another token kind's.
  const hashOf = (token: string) => crypto.sm3(`checkin-desk:${token}`);

  return {
    /** The event's desks, newest first; revoked ones stay listed (marked). */
    async list(interviewEventId: string): Promise<CheckinDesk[]> {
      const rows = await db
        .select()
        .from(checkinDesk)
        .where(eq(checkinDesk.interviewEventId, interviewEventId))
        .orderBy(desc(checkinDesk.createdAt));
      return rows.map(present);
    },

    /** Creates a desk and returns its token once; audited without the token. */
    async create(
      interviewEventId: string,
      name: string,
      ctx: ChangeContext,
    ): Promise<CheckinDeskCreated> {
      // 32 random bytes: a bridge token cannot be guessed; prefixed so it is recognisable in a config.
      const token = `kdesk_${crypto.randomToken(32)}`;
      const row = await db.transaction(async (tx) => {
        const [desk] = await tx
          .insert(checkinDesk)
          .values({
            interviewEventId,
            name,
            tokenHash: hashOf(token),
            createdBy: ctx.actor.kind === 'staff' ? ctx.actor.username : 'system',
            createdAt: now(),
          })
          .returning();
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'checkin_desk.created',
          targetType: 'interview_checkin_desk',
          targetId: desk!.id,
          result: 'success',
          details: { interviewEventId, name },
        });
        return desk!;
      });
      return { ...present(row), token };
    },

    /** Revokes a live desk of the event: its bridge is refused from now on. */
    async revoke(interviewEventId: string, deskId: string, ctx: ChangeContext): Promise<void> {
      await db.transaction(async (tx) => {
        const rows = await tx
          .update(checkinDesk)
          .set({ revokedAt: now() })
          .where(
            and(
              eq(checkinDesk.id, deskId),
              eq(checkinDesk.interviewEventId, interviewEventId),
              isNull(checkinDesk.revokedAt),
            ),
          )
          .returning({ id: checkinDesk.id });
        if (rows.length === 0) throw new AppError('CHECKIN.DESK_NOT_FOUND');
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'checkin_desk.revoked',
          targetType: 'interview_checkin_desk',
          targetId: deskId,
          result: 'success',
        });
      });
    },

    /** The live desk a bridge token belongs to, or a refusal (wrong, missing or revoked token). */
    async deskOfToken(token: string | undefined): Promise<DeskRow> {
      // Refused the same way whatever is wrong, so a caller learns nothing about desks.
      if (!token || token.length > 200) throw new AppError('CHECKIN.DESK_TOKEN_INVALID');
      const [desk] = await db
        .select()
        .from(checkinDesk)
        .where(and(eq(checkinDesk.tokenHash, hashOf(token)), isNull(checkinDesk.revokedAt)));
      if (!desk) throw new AppError('CHECKIN.DESK_TOKEN_INVALID');
      return desk;
    },
  };
}

export type CheckinDesks = ReturnType<typeof createCheckinDesks>;
