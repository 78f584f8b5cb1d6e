import { randomUUID } from 'node:crypto';
import type { CandidateAccount, CandidateRegister } from '@kaolu/contracts';
import { validateIdNumber } from '@kaolu/domain';
import { candidateExists, findCandidateByBlindIndex } from '../candidates';
import { AppError } from '../../platform/errors/app-error';
import { maskIdNumber } from '../../platform/masking';
import { shanghaiDay } from '../../platform/time';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { accountKey } from './login-throttle';
import { createCandidateAccountSteps, present } from './candidate-account';
import { hashNewPassword, rememberPassword } from './password-store';

/**
 * Candidate accounts: registration with GB 11643 check, SMS code and real-name check; login by ID
 * number or phone; password reset by SMS code. Lockout answers never tell if an account exists.
 */
export function createCandidateAuth(deps: IdentityDeps) {
  const { db, crypto, audit, hasher, sessions, throttle, codes, now, candidates } = deps;
  const { actorFor, findByAccount, decrypt, startSession, getCandidate, setPassword } =
    createCandidateAccountSteps(deps);

  return {
    /** Sends a registration or reset code; a reset for an unknown phone answers alike but sends nothing. */
    async requestCode(
      input: { phone: string; purpose: 'register' | 'reset_password' },
      ctx: RequestContext,
    ) {
      // Codes are keyed by the phone's blind index, so the code table holds no phone number.
      const phoneKey = crypto.blindIndex('phone', input.phone);
      if (input.purpose === 'reset_password') {
        if (!(await findCandidateByBlindIndex(db, { phoneBidx: phoneKey }))) return;
      }
      const what = input.purpose === 'register' ? '注册' : '找回密码';
      await codes.issue(input.purpose, phoneKey, (code) =>
        deps.sms.send({
          phone: input.phone,
          purpose: `${input.purpose}_code`,
          content: `【上海考录】您正在${what}，验证码为${code}，5分钟内有效，请勿告诉他人。`,
          ip: ctx.ip,
          requestId: ctx.requestId,
        }),
      );
    },

    /**
     * Registration with 实名认证: ID number checked (GB 11643), password policy, not yet
     * registered, SMS code, real-name match — then the record, its first password history entry and
     * the
     * audit entry in one transaction. A failed real-name check is audited with the number masked
     * (NFR-SEC-3).
     */
    async register(input: CandidateRegister, ctx: RequestContext) {
      // GB 11643 first: no SMS check or real-name call is spent on a number that cannot exist.
      const facts = validateIdNumber(input.idNumber, { today: shanghaiDay(now()) });
      if (!facts.ok) {
        throw new AppError('IDENTITY.ID_NUMBER_INVALID', {
          message: `身份证号码不正确：${facts.reasons.map((r) => r.message).join('；')}`,
          details: { problems: facts.reasons },
        });
      }
      const idNumber = facts.value.idNumber;
      const hash = await hashNewPassword(deps, undefined, input.password, {
        idNumber,
        phone: input.phone,
      });
      // Existence is checked by blind index before the SMS code is spent, and again by the unique
      // index when the candidates module inserts the record.
      const idBidx = crypto.blindIndex('id_number', idNumber);
      const phoneBidx = crypto.blindIndex('phone', input.phone);
      if (await candidateExists(db, { idNumberBidx: idBidx, phoneBidx }))
        throw new AppError('IDENTITY.ALREADY_REGISTERED');
      if (!(await codes.verify('register', phoneBidx, input.smsCode)))
        throw new AppError('IDENTITY.CODE_INVALID');
      const { match } = await deps.realName.verify({ name: input.name, idNumber });
      if (!match) {
        await audit.record(db, {
          action: 'candidate.real_name_failed',
          actor: { kind: 'anonymous' },
          result: 'failure',
          details: { idNumber: maskIdNumber(idNumber) },
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
        throw new AppError('IDENTITY.REAL_NAME_MISMATCH');
      }
      const id = randomUUID();
      const at = now();
      const row = await db.transaction(async (tx) => {
        // The candidates module owns the record: it encrypts and inserts it in this transaction.
        const created = await candidates.create(tx, {
          id,
          name: input.name,
          gender: facts.value.gender,
          birthDate: facts.value.birthDate,
          idNumber,
          idNumberBidx: idBidx,
          phone: input.phone,
          phoneBidx,
          passwordHash: hash,
          passwordSetAt: at,
        });
        await rememberPassword(tx, { kind: 'candidate', id }, hash, at);
        await audit.record(tx, {
          action: 'candidate.registered',
          actor: { kind: 'candidate', id },
          targetType: 'candidate',
          targetId: id,
          result: 'success',
          details: { idNumber: maskIdNumber(idNumber) },
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
        return created;
      });
      return { token: await startSession(row, ctx), account: present(row, idNumber, input.phone) };
    },

    /**
     * Candidate login (NFR-SEC-1): per-IP throttle, then per-account lockout. An unknown account
     * gets a
     * throttle key derived from the SM3 of the typed name, so it locks like a real one and the lock
     * answer does not reveal which names exist.
     */
    async login(input: { account: string; password: string }, ctx: RequestContext) {
      if (await throttle.isIpThrottled(ctx.ip)) {
        await audit.record(db, {
          action: 'login.refused',
          actor: { kind: 'anonymous' },
          result: 'failure',
          details: { population: 'candidate', reason: 'ip_throttled' },
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
        throw new AppError('IDENTITY.IP_THROTTLED');
      }
      const row = await findByAccount(input.account);
      const key = row
        ? accountKey('candidate', row.id)
        : accountKey('candidate', `name:${crypto.sm3(input.account.trim().toUpperCase())}`);
      const failure = async (reason: string): Promise<never> => {
        const { locked } = await throttle.recordFailure(key, ctx.ip);
        await audit.record(db, {
          action: 'login.failed',
          actor: { kind: 'anonymous' },
          result: 'failure',
          details: { population: 'candidate', reason, locked },
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
        throw locked ? throttle.lockedError() : new AppError('IDENTITY.INVALID_CREDENTIALS');
      };
      if (await throttle.isLocked(key)) throw throttle.lockedError();
      if (!row?.passwordHash) {
        await hasher.verifyDummy(input.password);
        return failure(row ? 'no_password' : 'unknown_account');
      }
      const checked = await hasher.verify(input.password, row.passwordHash);
      if (!checked.ok) return failure('wrong_password');
      await throttle.recordSuccess(key);
      // Raised iterations take effect on the next login; the password itself is unchanged.
      if (checked.needsRehash)
        await candidates.rehashPassword(db, row.id, await hasher.hash(input.password));
      const token = await startSession(row, ctx);
      await audit.record(db, {
        action: 'login.succeeded',
        actor: actorFor(row),
        result: 'success',
        details: { population: 'candidate' },
        ip: ctx.ip,
        requestId: ctx.requestId,
      });
      const clear = decrypt(row);
      return { token, account: present(row, clear.idNumber, clear.phone) };
    },

    /** Forgotten password: a right SMS code sets a new password and ends every session. */
    async resetPassword(
      input: { phone: string; smsCode: string; newPassword: string },
      ctx: RequestContext,
    ) {
      const phoneBidx = crypto.blindIndex('phone', input.phone);
      const row = await findCandidateByBlindIndex(db, { phoneBidx });
      if (!(await codes.verify('reset_password', phoneBidx, input.smsCode)) || !row)
        throw new AppError('IDENTITY.CODE_INVALID');
      await setPassword(row, input.newPassword, 'password.reset', ctx);
      // Whoever holds the phone's code may log in again at once, even if the account was locked.
      await throttle.unlock(accountKey('candidate', row.id));
      await sessions.revokeAllOf('candidate', row.id);
    },

    /** Change own password with the current one; the caller's session stays, the others end. */
    async changePassword(
      candidateId: string,
      sessionId: string | undefined,
      input: { currentPassword: string; newPassword: string },
      ctx: RequestContext,
    ) {
      const row = await getCandidate(candidateId);
      if (!row.passwordHash || !(await hasher.verify(input.currentPassword, row.passwordHash)).ok) {
        // A wrong current password counts as a failed login: guessing it here must lock like
        // guessing there.
        await throttle.recordFailure(accountKey('candidate', row.id), ctx.ip);
        throw new AppError('IDENTITY.PASSWORD_WRONG');
      }
      await setPassword(row, input.newPassword, 'password.changed', ctx);
      await sessions.revokeAllOf('candidate', row.id, sessionId);
    },

    /**
     * The signed-in candidate's own account, ID number and phone masked for display (NFR-SEC-3).
     */
    async account(candidateId: string): Promise<CandidateAccount> {
      const row = await getCandidate(candidateId);
      const clear = decrypt(row);
      return present(row, clear.idNumber, clear.phone);
    },
  };
}

export type CandidateAuth = ReturnType<typeof createCandidateAuth>;
