import { randomInt } from 'node:crypto';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { CryptoProvider } from '../../platform/crypto';
import { verificationCode } from './identity.table';

// Five minutes and five tries: short enough that guessing six digits is hopeless (5 in 1,000,000).
const CODE_TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

/** registration, password reset or staff second factor. */
export type CodePurpose = (typeof verificationCode.$inferSelect)['purpose'];

/**
 * Six-digit one-time SMS codes: valid 5 minutes, single use, 5 tries, stored only as a keyed
 * hash. A new code for the same purpose and subject replaces the previous one — but only once it
 * was actually sent (REG-06): a request refused by the daily SMS limit, or a failed delivery,
 * must leave the code the user already received working.
 */
export function createVerificationCodes({
  db,
  crypto,
  now,
}: {
  db: Db;
  crypto: CryptoProvider;
  now: () => Date;
}) {
  // Keyed with purpose and subject: a code leaked from one flow or one phone is worthless in
  // another.
  const hashOf = (purpose: CodePurpose, subjectKey: string, code: string) =>
    crypto.hmacSm3('token', `otp:${purpose}:${subjectKey}:${code}`);

  return {
    /**
     * Draws a code, hands it to `deliver` (the SMS send) and stores it only if `deliver` resolves;
     * when it throws, nothing changes and its error reaches the caller.
     */
    async issue(
      purpose: CodePurpose,
      subjectKey: string,
      deliver: (code: string) => Promise<unknown>,
    ): Promise<void> {
      // randomInt is the CSPRNG; Math.random would make codes predictable.
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await deliver(code);
      const at = now();
      await db.transaction(async (tx) => {
        await tx
          .update(verificationCode)
          .set({ consumedAt: at })
          .where(
            and(
              eq(verificationCode.purpose, purpose),
              eq(verificationCode.subjectKey, subjectKey),
              isNull(verificationCode.consumedAt),
            ),
          );
        await tx.insert(verificationCode).values({
          purpose,
          subjectKey,
          codeHash: hashOf(purpose, subjectKey, code),
          expiresAt: new Date(at.getTime() + CODE_TTL_MS),
          createdAt: at,
        });
      });
    },

    /** True once for the right code; a wrong one uses up a try, and after 5 the code is dead. */
    async verify(purpose: CodePurpose, subjectKey: string, code: string): Promise<boolean> {
      const at = now();
      const [current] = await db
        .select()
        .from(verificationCode)
        .where(
          and(
            eq(verificationCode.purpose, purpose),
            eq(verificationCode.subjectKey, subjectKey),
            isNull(verificationCode.consumedAt),
          ),
        )
        .orderBy(desc(verificationCode.createdAt))
        .limit(1);
      if (!current || current.expiresAt <= at || current.attempts >= MAX_ATTEMPTS) return false;
      // Only the newest unconsumed code is compared: older ones were consumed when it was issued.
      if (current.codeHash !== hashOf(purpose, subjectKey, code)) {
        await db
          .update(verificationCode)
          .set({ attempts: sql`${verificationCode.attempts} + 1` })
          .where(eq(verificationCode.id, current.id));
        return false;
      }
      // Conditional update: of two parallel requests with the right code only one consumes it.
      const consumed = await db
        .update(verificationCode)
        .set({ consumedAt: at })
        .where(
          and(
            eq(verificationCode.id, current.id),
            isNull(verificationCode.consumedAt),
            lt(verificationCode.attempts, MAX_ATTEMPTS),
          ),
        )
        .returning({ id: verificationCode.id });
      return consumed.length === 1;
    },
  };
}

export type VerificationCodes = ReturnType<typeof createVerificationCodes>;
