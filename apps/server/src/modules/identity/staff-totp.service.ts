import { eq } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit/audit.types';
import { AppError } from '../../platform/errors/app-error';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { staffUser } from './identity.table';
import { base32Decode, base32Encode, generateTotpSecret, otpauthUri, verifyTotp } from './totp';

/** TOTP enrolment (RFC 6238) as the alternative second factor: set up, confirm with a code, remove. */
export function createStaffTotp(deps: IdentityDeps) {
  const { db, crypto, audit, now } = deps;
  // Associated data binding the encrypted secret to its row and column (NFR-SEC-2).
  const ad = (id: string) => ({ table: 'staff_user', column: 'totp_secret', rowId: id });
  const getUser = async (id: string) => {
    const [user] = await db.select().from(staffUser).where(eq(staffUser.id, id));
    if (!user) throw new AppError('COMMON.UNAUTHENTICATED');
    return user;
  };

  return {
    /** A new secret, kept encrypted and inactive until confirmed with a first code. */
    async setup(userId: string) {
      const user = await getUser(userId);
      const secret = base32Encode(generateTotpSecret());
      await db
        .update(staffUser)
        .set({
          totpSecretEnc: crypto.encryptField(secret, ad(user.id)),
          totpEnabled: false,
          // A new secret starts a new step history; TOTP stays off until confirm() succeeds.
          totpLastStep: null,
        })
        .where(eq(staffUser.id, user.id));
      return { secret, otpauthUri: otpauthUri(secret, user.username) };
    },

    /**
     * Confirms enrolment with a first code; the matched step is stored so that this same code
     * cannot be
     * replayed as a login second factor.
     */
    async confirm(userId: string, code: string, actor: AuditActor, ctx: RequestContext) {
      const user = await getUser(userId);
      if (!user.totpSecretEnc) throw new AppError('IDENTITY.TOTP_NOT_ENROLLED');
      const secret = base32Decode(crypto.decryptField(user.totpSecretEnc, ad(user.id)));
      const step = verifyTotp(secret, code, Math.floor(now().getTime() / 1000), null);
      if (step === undefined) throw new AppError('IDENTITY.CODE_INVALID');
      await db.transaction(async (tx) => {
        await tx
          .update(staffUser)
          .set({ totpEnabled: true, totpLastStep: step })
          .where(eq(staffUser.id, user.id));
        await audit.record(tx, {
          action: 'totp.enrolled',
          actor,
          targetType: 'staff_user',
          targetId: user.id,
          result: 'success',
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
      });
    },

    /** Removes TOTP; the user falls back to the SMS second factor (audited). */
    async remove(userId: string, actor: AuditActor, ctx: RequestContext) {
      await db.transaction(async (tx) => {
        await tx
          .update(staffUser)
          .set({ totpSecretEnc: null, totpEnabled: false, totpLastStep: null })
          .where(eq(staffUser.id, userId));
        await audit.record(tx, {
          action: 'totp.removed',
          actor,
          targetType: 'staff_user',
          targetId: userId,
          result: 'success',
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
      });
    },
  };
}
