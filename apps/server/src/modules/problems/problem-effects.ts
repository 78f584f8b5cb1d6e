import type { Tx } from '../../db/client';
import type { AuditActor } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { findCandidateById } from '../candidates';
import { activeRegistrationOf } from '../registrations';
import type { ProblemsContext } from './problem-context';
import type { CaseRow } from './problems.repository';

/** What an approval changed elsewhere, recorded as an `effect` line of the case (ONL-01). */
export type ProblemEffect = { body: string; details: Record<string, unknown> };

/**
 * The effect of an approved case, in the approval's transaction (so both commit or neither):
 * a fee waiver settles the fee through payments (REG-11), a name change renames through profiles;
 * an approved greylist / hukou / residence appeal changes nothing now — the registration checks
 * consult it on the candidate's next attempt (registrations.useAppeals).
 */
export function createProblemEffects(deps: Pick<ProblemsContext, 'payments' | 'profiles' | 'now'>) {
  const { payments, profiles, now } = deps;

  async function apply(tx: Tx, row: CaseRow, actor: AuditActor): Promise<ProblemEffect> {
    switch (row.type) {
      case 'fee_waiver':
        return waiveFee(tx, row, actor);
      case 'name_change':
        return changeName(tx, row, actor);
      case 'technical':
        return { body: '问题已解决', details: { kind: 'resolved' } };
      default:
        return {
          body: '申诉已通过：考生再次报名本次招录时，该项核验视为通过',
          details: { kind: 'appeal_approved' },
        };
    }
  }

  async function waiveFee(tx: Tx, row: CaseRow, actor: AuditActor): Promise<ProblemEffect> {
    // The waiver acts on the candidate's active registration for the case's event.
    const registration = row.eventId
      ? await activeRegistrationOf(tx, row.candidateId, row.eventId)
      : undefined;
    if (!registration) throw new AppError('PROBLEM.REGISTRATION_REQUIRED');
    // While the registration waits for the city platform (待核验) no notice exists yet, and the
    // notice issued when it passes would charge the full fee: the waiver is decided afterwards.
    if (registration.status === 'pending_verification')
      throw new AppError('PROBLEM.INVALID_TRANSITION', {
        message: '该考生的报名尚在核验中（待核验），请在核验完成后再审批费用减免',
      });
    // Before payment the notice is closed and the fee becomes zero; after it, one refund notice.
    const settled = await payments.waiveFeeIn(tx, registration.id, `问题${row.caseNumber}`, actor);
    const body = {
      refunded: '报名费已减免：已缴纳的报名费将开具退费通知书原路退还',
      closed: '报名费已减免：缴费通知书已作废，报名已完成',
      none: '报名费已减免：本次报名无需缴费',
    }[settled];
    return { body, details: { kind: 'fee_waived', registrationId: registration.id, settled } };
  }

  async function changeName(tx: Tx, row: CaseRow, actor: AuditActor): Promise<ProblemEffect> {
    // The current name is the "from" of the audit entry (masked there).
    const person = await findCandidateById(tx, row.candidateId);
    if (!person || !row.requestedName) throw new AppError('PROBLEM.NAME_REQUIRED');
    const version = await profiles.changeName(
      tx,
      {
        candidateId: row.candidateId,
        from: person.name,
        to: row.requestedName,
        caseNumber: row.caseNumber,
        at: now(),
      },
      actor,
    );
    return {
      body: '姓名已按申请变更，档案已生成新版本',
      details: { kind: 'name_changed', profileVersion: version },
    };
  }

  return { apply };
}
