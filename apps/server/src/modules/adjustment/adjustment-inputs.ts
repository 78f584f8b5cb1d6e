import type { EventPolicy, PositionConditions } from '@kaolu/contracts';
import {
  checkEligibility,
  type AdjustmentCandidate,
  type AdjustmentPolicy,
  type AdjustmentPosition,
  type ConditionsCheck,
  type EligibilityCandidate,
} from '@kaolu/domain';
import type { DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { maskName } from '../../platform/masking';
import { shanghaiDay } from '../../platform/time';
import { requirementsOf } from '../applications';
import { findCandidatesByIds } from '../candidates';
import type { DataExchange } from '../data-exchange';
import { windowOf, type EventRecord } from '../events';
import { listEntriesOf, listEntriesOfCandidates } from '../interview-lists';
import { whitelistUnitsOf } from '../lists';
import { selectionPositionsOf, type SelectionPosition } from '../positions';
import { eligibilityFactsOf, type StoredProfileDocument } from '../profiles';
import { confirmedRegistrationsOf, lookUpResidence } from '../registrations';
import { passLineFor, passLinesOf, writtenResultsOf, writtenResultsOfCandidates } from '../scores';
import { ticketNumbersOfEvent, ticketNumbersOfRegistrations } from '../tickets';
import { unitsByIdOf } from '../units';
import { categoryLabel, subjectLabel, unitLabels } from './adjustment-labels';

/** A position as the engine sees it (id = its 职位代码, so reasons name it as people do). */
export type EnginePosition = SelectionPosition & {
  domain: Omit<AdjustmentPosition, 'shortfall'>;
  unitName: string;
  unitIsPolice: boolean;
  categoryName: string;
  subjectName: string;
};

/** A candidate who may take part: the engine's fields plus what the pages show of him. */
export type EngineCandidate = Omit<AdjustmentCandidate, 'choice' | 'acceptsUnified'> & {
  ticketNumber: string | null;
  nameMasked: string;
};

/** Everything the adjustment rules read for an event, loaded in a few whole-event queries. */
export type EngineInputs = {
  event: EventRecord;
  policy: AdjustmentPolicy;
  positions: Map<string, EnginePosition>;
  byCode: Map<string, EnginePosition>;
  candidates: Map<string, EngineCandidate>;
  /** Candidates already on a list through adjustment: they take part in no further round. */
  adjusted: Set<string>;
  conditions: ConditionsCheck;
};

/** Eligibility facts by candidate, read from the frozen profile and the city platform. */
export type FactsById = Map<string, EligibilityCandidate>;

// Age and permit validity are judged on the day position application opened, as applying does.
const referenceDateOf = (event: EventRecord, now: Date) => {
  const window = windowOf(event, 'position_application');
  return shanghaiDay(window ? new Date(window.startsAt) : now);
};

/**
 * The eligibility facts of some candidates (§7: adjustment meets the position's conditions, judged
 * as a position application is). Hukou and permit come from the city platform, so this runs before
 * any transaction; without the platform nothing can be judged, so it fails closed.
 */
export async function loadFacts(
  deps: { db: DbOrTx; crypto: CryptoProvider; exchange: DataExchange; now: () => Date },
  event: EventRecord,
  candidateIds: readonly string[],
): Promise<FactsById> {
  const { db, crypto, exchange } = deps;
  const wanted = new Set(candidateIds);
  if (wanted.size === 0) return new Map();
  // A few candidates (his own page, a hand edit, a round's applicants) read their registrations
  // only; a whole pool reads the event's in one query rather than a huge IN list.
  const only = wanted.size <= 1000 ? [...wanted] : undefined;
  const registrations = (await confirmedRegistrationsOf(db, event.id, only)).filter((r) =>
    wanted.has(r.candidateId),
  );
  const people = new Map((await findCandidatesByIds(db, [...wanted])).map((p) => [p.id, p]));
  const referenceDate = referenceDateOf(event, deps.now());
  const facts: FactsById = new Map();
  for (const r of registrations) {
    const person = people.get(r.candidateId);
    if (!person) continue;
    // Decrypted only to ask the city platform (NFR-EXC-1); never logged nor stored in clear.
    const idNumber = crypto.decryptField(person.idNumberEnc, {
      table: 'candidate',
      column: 'id_number',
      rowId: person.id,
    });
    const lookup = await lookUpResidence(exchange.city, { idNumber, name: person.name });
    if (!lookup.available)
      throw new AppError('EXCHANGE.UNAVAILABLE', {
        message: '市数据共享平台暂不可用，无法核验户籍和居住证，请稍后再试',
      });
    const document = r.profileSnapshot as StoredProfileDocument;
    facts.set(r.candidateId, eligibilityFactsOf(person, document, referenceDate, lookup.residence));
  }
  return facts;
}

/**
 * The engine's inputs for an event (INT-02, INT-07, §7): published positions with category,
 * subject, unit and the police bar; every candidate with a written total (or only those of
 * `only`, for one candidate's page) with his registration's category and subject, the whitelist
 * direction and the first-list flag; the category pass lines.
 */
export async function loadInputs(
  tx: DbOrTx,
  event: EventRecord,
  facts: FactsById,
  now: Date,
  only?: readonly string[],
): Promise<EngineInputs> {
  const policy = event.policy;
  const [selection, registrations, written, lines, entries, whitelist] = await Promise.all([
    selectionPositionsOf(tx, event.id),
    confirmedRegistrationsOf(tx, event.id, only),
    only ? writtenResultsOfCandidates(tx, event.id, only) : writtenResultsOf(tx, event.id),
    passLinesOf(tx, event.id),
    // Listed entries: on a first list (no adjustment), or placed by a round already.
    only
      ? listEntriesOfCandidates(tx, event.id, only)
      : listEntriesOf(tx, event.id, { status: 'listed' }),
    whitelistUnitsOf(tx, event.id),
  ]);
  const listed = entries.filter((e) => e.status === 'listed');
  const firstList = new Set(listed.filter((e) => e.round === 'first').map((e) => e.candidateId));
  const tickets = only
    ? await ticketNumbersOfRegistrations(
        tx,
        registrations.map((r) => r.registrationId),
      )
    : await ticketNumbersOfEvent(tx, event.id);
  // Names for the masked display and blind indexes for the whitelist, in one query.
  const people = await findCandidatesByIds(
    tx,
    written.map((w) => w.candidateId),
  );
  // Whitelist entries are keyed by ID-number blind index: matched without decrypting anything.
  const directed = new Map<string, string>();
  for (const p of people) {
    const unitId = whitelist.get(p.idNumberBidx);
    if (unitId) directed.set(p.id, unitId);
  }
  const units = await unitsByIdOf(tx, [...selection.map((p) => p.unitId), ...directed.values()]);
  const unitName = unitLabels(units);
  // Without "same subject only" the subject never separates a candidate from a position.
  const subjectOf = (category: string, subject: string | null) =>
    policy.adjustment.sameSubjectOnly ? subjectLabel(policy, category, subject) : '不限';
  const positions = new Map<string, EnginePosition>();
  for (const p of selection) {
    const unit = units.get(p.unitId);
    // 面上 positions name their exam category; one that names none is of its position category.
    const category = p.examCategory ?? p.category;
    const enginePosition: EnginePosition = {
      ...p,
      unitName: unitName(p.unitId),
      unitIsPolice: unit?.isPolice ?? false,
      categoryName: categoryLabel(policy, category),
      subjectName: subjectLabel(policy, category, p.examSubject),
      domain: {
        id: p.code,
        unitId: unitName(p.unitId),
        category: categoryLabel(policy, category),
        subject: subjectOf(category, p.examSubject),
        // INT-07: a 基层人民警察 position or any position of a 公安 unit.
        barsLongStayAbroad: p.basicPolice || (unit?.isPolice ?? false),
      },
    };
    positions.set(p.id, enginePosition);
  }
  // The engine names positions by id; here the id is the 职位代码, so reasons read as people speak.
  const byCode = new Map([...positions.values()].map((p) => [p.domain.id, p]));
  const registrationOf = new Map(registrations.map((r) => [r.candidateId, r]));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const candidates = new Map<string, EngineCandidate>();
  for (const w of written) {
    const r = registrationOf.get(w.candidateId);
    // Absent from a subject: no total, so never adjusted (he cannot reach the pass line).
    if (!r || w.totalCenti === null) continue;
    const whitelistUnit = directed.get(w.candidateId);
    candidates.set(w.candidateId, {
      id: w.candidateId,
      category: categoryLabel(policy, r.examCategory),
      subject: subjectOf(r.examCategory, r.subjectCode),
      writtenTotal: w.totalCenti,
      wantsAdjustment: true,
      onFirstList: firstList.has(w.candidateId),
      whitelistUnitId: whitelistUnit ? unitName(whitelistUnit) : undefined,
      longestAbroadMonths: facts.get(w.candidateId)?.longestAbroadMonths ?? 0,
      ticketNumber: tickets.get(r.registrationId) ?? null,
      nameMasked: maskName(names.get(w.candidateId) ?? ''),
    });
  }
  // Adjusted candidates (placed by a round already) are kept apart: they take part in none again.
  return {
    event,
    policy: {
      passLines: passLinesByCategory(policy, lines),
      abroadLimitMonths: policy.eligibility.abroadLimitMonths,
    },
    positions,
    byCode,
    candidates,
    adjusted: new Set(listed.filter((e) => e.round !== 'first').map((e) => e.candidateId)),
    conditions: conditionsCheck(byCode, facts, {
      referenceDate: referenceDateOf(event, now),
      policy,
    }),
  };
}

/** The category pass line of each category (the line without a major type, §7). */
function passLinesByCategory(
  policy: EventPolicy,
  lines: Parameters<typeof passLineFor>[0],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of policy.examCategories) {
    const line = passLineFor(lines, c.code, null);
    if (line !== undefined) out[categoryLabel(policy, c.code)] = line;
  }
  return out;
}

/**
 * The position's conditions through the eligibility engine, as a position application judges them
 * (requirementsOf from applications): null when met, else every failed condition in one reason.
 */
function conditionsCheck(
  byCode: Map<string, EnginePosition>,
  facts: FactsById,
  options: { referenceDate: string; policy: EventPolicy },
): ConditionsCheck {
  return (c, p) => {
    const target = byCode.get(p.id);
    const candidateFacts = facts.get(c.id);
    if (!target) return `职位 ${p.id} 不在本次招录中`;
    if (!candidateFacts) return '档案信息不全，无法核对职位条件';
    const outcome = checkEligibility(
      candidateFacts,
      requirementsOf({
        unitId: target.unitId,
        unitParentId: null,
        examCategory: target.examCategory,
        conditions: target.conditions as PositionConditions,
        township: target.township,
        basicPolice: target.basicPolice,
        unitIsPolice: target.unitIsPolice,
      }),
      { referenceDate: options.referenceDate, ...options.policy.eligibility },
    );
    // An incomplete frozen profile cannot be judged rule by rule: one reason gathers why.
    if (!outcome.ok) return outcome.reasons.map((r) => r.message).join('；');
    const failed = outcome.value.checks.filter((k) => !k.passed);
    if (failed.length === 0) return null;
    return `不符合职位 ${p.id} 的条件：${failed.map((k) => `${k.condition}：${k.reason}`).join('；')}`;
  };
}
