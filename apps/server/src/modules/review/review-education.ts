import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { findCandidateById } from '../candidates';
import { isExchangeUnavailable } from '../data-exchange';
import type { StoredProfileDocument } from '../profiles';
import { compareEducation } from './education-compare';
import type { ReviewContext } from './review-context';
import type { ReviewScope } from './review-scope';
import { educationCheck } from './review.table';

/** The education check 学历认证 against the national record 学信 (INT-09e), kept as history. */
export function createReviewEducation(deps: ReviewContext, scope: ReviewScope) {
  const { db, audit, education } = deps;
  const { idNumberOf, loadInScope } = scope;

  /** Fetches the national record, compares it with the declaration and keeps the result (INT-09e). */
  async function checkEducation(principal: Principal | undefined, id: string, ctx: ChangeContext) {
    const a = await loadInScope(db, principal, id);
    const person = await findCandidateById(db, a.candidateId);
    const snapshot = a.profileSnapshot as StoredProfileDocument;
    // An unavailable 学信 interface is kept as an outcome of its own, so the reviewer sees that the
    // check was tried and can repeat it; any other error is a bug and propagates.
    let result: ReturnType<typeof compareEducation>;
    try {
      const answer = await education.lookUp({
        idNumber: idNumberOf(person!.id, person!.idNumberEnc),
        name: person!.name,
      });
      result = compareEducation(snapshot.education ?? [], answer);
    } catch (error) {
      if (!isExchangeUnavailable(error)) throw error;
      result = {
        outcome: 'unavailable',
        fields: [],
        message: `学信学历查询接口暂不可用（${error.message}），请稍后重新查询`,
      };
    }
    // The network call is over before the transaction opens; the check and its audit commit
    // together.
    const by = ctx.actor.kind === 'staff' ? ctx.actor.username : 'system';
    const row = await db.transaction(async (tx) => {
      const [saved] = await tx
        .insert(educationCheck)
        .values({
          applicationId: a.id,
          outcome: result.outcome,
          fields: result.fields,
          message: result.message,
          checkedBy: by,
        })
        .returning();
      await audit.record(tx, {
        action: 'education.checked',
        ...auditBase(ctx),
        targetType: 'position_application',
        targetId: a.id,
        result: 'success',
        details: { outcome: result.outcome },
      });
      return saved!;
    });
    return {
      id: row.id,
      outcome: row.outcome,
      fields: result.fields,
      message: row.message,
      checkedAt: row.checkedAt.toISOString(),
    };
  }

  return { checkEducation };
}
