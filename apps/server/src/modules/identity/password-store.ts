import { randomInt } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import type { IdentityDeps } from './identity.deps';
import { passwordHistory } from './identity.table';
import {
  checkPasswordPolicy,
  PASSWORD_HISTORY_DEPTH,
  PASSWORD_REUSED_MESSAGE,
  type PasswordOwner,
} from './password-policy';

/** Whose password history: staff and candidates share one table. */
type Subject = { kind: 'staff' | 'candidate'; id: string };

/**
 * Checks a new password against the policy and the last five passwords and returns its hash;
 * throws IDENTITY.PASSWORD_POLICY naming every problem in Chinese.
 */
export async function hashNewPassword(
  deps: IdentityDeps,
  subject: Subject | undefined,
  password: string,
  owner: PasswordOwner,
): Promise<string> {
  const problems = checkPasswordPolicy(password, owner);
  if (problems.length > 0) throw policyError(problems);
  if (subject) {
    const recent = await deps.db
      .select({ hash: passwordHistory.passwordHash })
      .from(passwordHistory)
      .where(
        and(
          eq(passwordHistory.subjectKind, subject.kind),
          eq(passwordHistory.subjectId, subject.id),
        ),
      )
      .orderBy(desc(passwordHistory.createdAt))
      .limit(PASSWORD_HISTORY_DEPTH);
    // Each history hash has its own salt, so a match can only be found by verifying against each
    // one.
    for (const { hash } of recent) {
      if ((await deps.hasher.verify(password, hash)).ok)
        throw policyError([PASSWORD_REUSED_MESSAGE]);
    }
  }
  return deps.hasher.hash(password);
}

/** Records a password in the history and keeps only the last five. */
export async function rememberPassword(
  tx: DbOrTx,
  subject: Subject,
  hash: string,
  at: Date,
): Promise<void> {
  await tx.insert(passwordHistory).values({
    subjectKind: subject.kind,
    subjectId: subject.id,
    passwordHash: hash,
    createdAt: at,
  });
  const old = await tx
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(
      and(eq(passwordHistory.subjectKind, subject.kind), eq(passwordHistory.subjectId, subject.id)),
    )
    .orderBy(desc(passwordHistory.createdAt))
    .offset(PASSWORD_HISTORY_DEPTH);
  if (old.length > 0)
    await tx.delete(passwordHistory).where(
      inArray(
        passwordHistory.id,
        old.map((r) => r.id),
      ),
    );
}

/** IDENTITY.PASSWORD_POLICY listing every problem, so the form can show them all at once. */
function policyError(problems: string[]): AppError {
  return new AppError('IDENTITY.PASSWORD_POLICY', {
    message: `密码不符合要求：${problems.join('；')}`,
    details: { problems },
  });
}

// Look-alike characters (I, O, l, 0, 1) are left out: the password is read aloud or copied by hand.
const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '#%+=@!'];

/** A 12-character one-time password with all four character classes (given once to the user). */
export function generateOneTimePassword(): string {
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)]!);
  const all = ALPHABETS.join('');
  while (chars.length < 12) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
