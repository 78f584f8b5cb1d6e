import type {
  CreateRegistration,
  EventPolicy,
  RegistrationCheck,
  StageWindow,
} from '@kaolu/contracts';
import { AppError } from '../../platform/errors/app-error';
import { shanghaiDay } from '../../platform/time';
import { assertStageOpen, findEventById, windowOf, type EventRecord } from '../events';
import { matchByBlindIndex } from '../lists';
import { appealPathOf, applyAppeals } from './registration-appeals';
import { evaluateRegistration, lookUpResidence, type CheckOutcome } from './registration-checks';
import type { RegistrationsContext } from './registration-context';

// Age is counted on the day the registration window opens (Shanghai date), the usual 公告 wording.
export function referenceDateOf(window: StageWindow | undefined, now: Date): string {
  const at = window ? new Date(window.startsAt) : now;
  return shanghaiDay(at);
}

/** Every failed check in one Chinese sentence, so the candidate sees all reasons at once. */
export function refusalMessage(outcome: CheckOutcome): string {
  return outcome.checks
    .filter((c) => c.result === 'failed')
    .map((c) => `${c.condition}：${c.reason}`)
    .join('；');
}

/**
 * Eligibility for an exam registration (§7, NFR-EXC-1): the category offered, then the automatic
 * checks on identity, profile, greylist and the city platform's answer. The precheck use case
 * answers them; register refuses on them before anything is written.
 */
export function createRegistrationEligibility(deps: RegistrationsContext) {
  const { db, crypto, exchange, profiles, now, appeals } = deps;

  async function loadEvent(eventId: string): Promise<EventRecord> {
    const event = await findEventById(db, eventId);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    return event;
  }

  /**
   * The exam category the candidate chose, as the event's policy offers it, with a professional
   * subject exactly when the category has subjects; the refusal lists what is offered.
   */
  function categoryOf(
    policy: EventPolicy,
    input: Pick<CreateRegistration, 'examCategory' | 'subjectCode'>,
  ) {
    const category = policy.examCategories.find((c) => c.code === input.examCategory);
    const subjectOk =
      category &&
      (category.subjects.length === 0
        ? !input.subjectCode
        : category.subjects.some((s) => s.code === input.subjectCode));
    if (!category || !subjectOk) {
      const message =
        category && category.subjects.length > 0
          ? `「${category.name}」须选择专业科目：${category.subjects.map((s) => s.name).join('、')}`
          : undefined;
      throw new AppError('REGISTRATION.CATEGORY_INVALID', {
        message,
        details: {
          offered: policy.examCategories.map((c) => ({
            code: c.code,
            name: c.name,
            subjects: c.subjects,
          })),
        },
      });
    }
    return category;
  }

  /** Everything the checks need, read before any transaction: the platform may be slow. */
  async function gather(candidateId: string, event: EventRecord) {
    const [person, snapshot] = await Promise.all([
      profiles.identityOf(candidateId),
      profiles.snapshotOf(candidateId),
    ]);
    // Decrypted only to ask the city platform; the greylist is matched by blind index instead.
    const idNumber = crypto.decryptField(person.idNumberEnc, {
      table: 'candidate',
      column: 'id_number',
      rowId: person.id,
    });
    const [{ greylistNote }, approved] = await Promise.all([
      matchByBlindIndex(db, event.id, person.idNumberBidx),
      appeals().approvedFor(db, candidateId, event.id),
    ]);
    // An approved greylist appeal (ONL-01) lets the candidate past this check for this event only.
    if (greylistNote !== null && !approved.some((a) => a.check === 'greylist')) {
      throw new AppError('REGISTRATION.GREYLISTED', {
        message: `您在本次招录的灰名单中（原因：${greylistNote || '未注明'}），暂不能报名。如有异议，可在线提交灰名单申诉`,
        // The refusal links to the problem center, prefilled with the appeal type and this event.
        details: {
          reason: greylistNote,
          appealPath: appealPathOf('greylist_appeal', event.id, 'REGISTRATION.GREYLISTED'),
        },
      });
    }
    // An unavailable platform does not refuse here: the outcome turns pending (待核验) instead.
    const lookup = await lookUpResidence(exchange.city, { idNumber, name: person.name });
    const referenceDate = referenceDateOf(windowOf(event, 'exam_registration'), now());
    const evaluated = evaluateRegistration({
      identity: person,
      document: snapshot.document,
      policy: event.policy,
      referenceDate,
      lookup,
    });
    // Approved hukou / residence appeals turn the lines they answer passed, naming the case.
    const outcome = applyAppeals(evaluated, approved, greylistNote !== null);
    return { person, snapshot, outcome };
  }

  /** The automatic checks only, each explained in Chinese; nothing is saved (the "check first" button). */
  async function precheck(
    candidateId: string,
    input: CreateRegistration,
  ): Promise<{ eligible: boolean; checks: RegistrationCheck[] }> {
    const event = await loadEvent(input.eventId);
    // The window and the category are checked first, as register does: the precheck refuses what
    // submit would, so it never says 可以提交报名 to a registration that then answers 409.
    assertStageOpen(event, 'exam_registration', now());
    categoryOf(event.policy, input);
    const { outcome } = await gather(candidateId, event);
    return { eligible: outcome.eligible, checks: outcome.checks };
  }

  return { loadEvent, categoryOf, gather, precheck };
}

export type RegistrationEligibility = ReturnType<typeof createRegistrationEligibility>;
