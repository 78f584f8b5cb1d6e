import type { CandidateAccount } from '@kaolu/contracts';
import { findCandidateByBlindIndex, findCandidateById, type CandidateRecord } from '../candidates';
import type { AuditActor } from '../../platform/audit/audit.types';
import { AppError } from '../../platform/errors/app-error';
import { maskIdNumber, maskPhone } from '../../platform/masking';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { hashNewPassword, rememberPassword } from './password-store';

// Associated data of an encrypted field: binds the ciphertext to its row and column, so a value
// copied into another row or column does not decrypt (NFR-SEC-2).
type CandidateRow = CandidateRecord;
const ad = (id: string, column: string) => ({ table: 'candidate', column, rowId: id });

/**
 * The steps every candidate use case shares (register, login, reset, change): finding the account,
 * decrypting it for checks, starting the session and setting a password with its audit entry.
 */
export function createCandidateAccountSteps(deps: IdentityDeps) {
  const { db, crypto, audit, sessions, now, candidates } = deps;
  // Candidates appear in the audit log by id only; their names are personal data.
  const actorFor = (row: CandidateRow): AuditActor => ({ kind: 'candidate', id: row.id });

  // 18 characters of digits (last may be X) is an ID number, anything else a phone; both are looked
  // up by blind index because the columns themselves are encrypted.
  const findByAccount = async (account: string) => {
    const trimmed = account.trim();
    const byId = /^\d{17}[\dXx]$/.test(trimmed);
    return findCandidateByBlindIndex(
      db,
      byId
        ? { idNumberBidx: crypto.blindIndex('id_number', trimmed) }
        : { phoneBidx: crypto.blindIndex('phone', trimmed) },
    );
  };
  // Decrypted only to present the masked account or to check a new password against them.
  const decrypt = (row: CandidateRow) => ({
    idNumber: crypto.decryptField(row.idNumberEnc, ad(row.id, 'id_number')),
    phone: crypto.decryptField(row.phoneEnc, ad(row.id, 'phone')),
  });
  // Candidates have no second factor: their session is active at once.
  const startSession = async (row: CandidateRow, ctx: RequestContext) =>
    (
      await sessions.create({
        subjectKind: 'candidate',
        subjectId: row.id,
        stage: 'active',
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      })
    ).token;

  /** The candidate of a session; a deleted record answers 401 like an ended session. */
  async function getCandidate(id: string) {
    const row = await findCandidateById(db, id);
    if (!row) throw new AppError('COMMON.UNAUTHENTICATED');
    return row;
  }

  /**
   * Sets a new password after the policy and history checks (the ID number and phone may not be in
   * it); the hash, its history entry and the audit entry commit together.
   */
  async function setPassword(
    row: CandidateRow,
    password: string,
    action: string,
    ctx: RequestContext,
  ) {
    const clear = decrypt(row);
    const hash = await hashNewPassword(deps, { kind: 'candidate', id: row.id }, password, {
      idNumber: clear.idNumber,
      phone: clear.phone,
    });
    const at = now();
    await db.transaction(async (tx) => {
      await candidates.setPassword(tx, row.id, hash, at);
      await rememberPassword(tx, { kind: 'candidate', id: row.id }, hash, at);
      await audit.record(tx, {
        action,
        actor: actorFor(row),
        targetType: 'candidate',
        targetId: row.id,
        result: 'success',
        ip: ctx.ip,
        requestId: ctx.requestId,
      });
    });
  }

  return { actorFor, findByAccount, decrypt, startSession, getCandidate, setPassword };
}

/** Masked view of the candidate's own account (NFR-SEC-3). */
export function present(row: CandidateRow, idNumber: string, phone: string): CandidateAccount {
  return {
    id: row.id,
    name: row.name,
    idNumberMasked: maskIdNumber(idNumber),
    phoneMasked: maskPhone(phone),
  };
}
