import type { Permission } from '@kaolu/contracts';
import type { Db, Tx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { scopeAllows, scopeOf } from '../../platform/auth/permission-scope';
import { AppError } from '../../platform/errors/app-error';
import { findApplicationById } from '../applications';
import { unitsByIdOf } from '../units';
import type { ReviewContext } from './review-context';

/** The reviewer's reach over one application, and the ID-number decryption every use case shares. */
export function createReviewScope(deps: Pick<ReviewContext, 'crypto'>) {
  const { crypto } = deps;
  // Decrypted only to mask it for display or to ask 学信; the row id in the associated data
  // refuses a ciphertext copied from another candidate (NFR-SEC-2).
  const idNumberOf = (candidateId: string, enc: string) =>
    crypto.decryptField(enc, { table: 'candidate', column: 'id_number', rowId: candidateId });

  /** Loads one application the caller may review, or 404 (never 403: its existence is not disclosed). */
  async function loadInScope(
    tx: Db | Tx,
    principal: Principal | undefined,
    id: string,
    permission: Permission = 'application.review',
  ) {
    const a = await findApplicationById(tx, id);
    const row = a && {
      a,
      unitParentId: (await unitsByIdOf(tx, [a.unitId])).get(a.unitId)?.parentId ?? null,
    };
    // The same reach as the queue's SQL: the application's unit, or the department above it.
    const scope = scopeOf(principal, permission);
    if (
      !row ||
      !(
        scopeAllows(scope, { unitId: row.a.unitId, eventId: row.a.eventId }) ||
        (row.unitParentId !== null &&
          scopeAllows(scope, { unitId: row.unitParentId, eventId: row.a.eventId }))
      )
    ) {
      throw new AppError('APPLICATION.NOT_FOUND');
    }
    return row.a;
  }

  return { idNumberOf, loadInScope };
}

export type ReviewScope = ReturnType<typeof createReviewScope>;
