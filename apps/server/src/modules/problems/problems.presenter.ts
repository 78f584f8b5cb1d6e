import {
  PROBLEM_ROLE_LABELS,
  type CandidateProblem,
  type CandidateProblemSummary,
  type ProblemEntry,
  type StaffProblem,
  type StaffProblemSummary,
} from '@kaolu/contracts';
import type { DbOrTx } from '../../db/client';
import type { FileStore } from '../../platform/files';
import { maskName } from '../../platform/masking';
import { findCandidatesByIds } from '../candidates';
import { findEventById } from '../events';
import { findStaffUsernames } from '../identity';
import {
  PROBLEM_TRANSITIONS,
  STAFF_TARGETS,
  WAITING_FOR_STAFF,
  WITHDRAWABLE,
} from './problem-rules';
import type { CaseRow, EntryRow } from './problems.repository';

// Rows → answers. Candidates never see internal notes or who handled their case by name; staff see
// the candidate's name masked (NFR-SEC-3).

/** Lines a candidate reads: everything but internal notes and assignments. */
const VISIBLE_TO_CANDIDATE = new Set<EntryRow['kind']>([
  'submitted',
  'status_changed',
  'reply',
  'candidate_answer',
  'withdrawn',
  'effect',
]);

/** Names the rows refer to, read once per answer: events, candidates, staff users, files. */
export type Lookups = {
  events: Map<string, string>;
  candidates: Map<string, string>;
  staff: Map<string, string>;
  files: Map<string, { name: string; mime: string; size: number }>;
};

/** Reads every name the rows refer to in four queries, whatever the number of rows. */
export async function lookupsFor(
  db: DbOrTx,
  files: FileStore,
  cases: readonly CaseRow[],
  entries: readonly EntryRow[] = [],
): Promise<Lookups> {
  const eventIds = [...new Set(cases.map((c) => c.eventId).filter((id): id is string => !!id))];
  const staffIds = [
    ...cases.map((c) => c.assigneeId),
    ...entries.map((e) => (e.actorKind === 'staff' ? e.actorId : null)),
  ].filter((id): id is string => !!id);
  const [events, candidates, staff, infos] = await Promise.all([
    Promise.all(eventIds.map((id) => findEventById(db, id))),
    findCandidatesByIds(
      db,
      cases.map((c) => c.candidateId),
    ),
    findStaffUsernames(db, staffIds),
    files.describe(
      entries.flatMap((e) => e.fileIds),
      db,
    ),
  ]);
  return {
    events: new Map(events.filter((e) => !!e).map((e) => [e.id, e.name])),
    candidates: new Map(candidates.map((c) => [c.id, c.name])),
    staff: new Map(staff.map((s) => [s.id, s.username])),
    files: new Map(infos.map((i) => [i.id, { name: i.fileName, mime: i.mime, size: i.sizeBytes }])),
  };
}

/** The fields both portals show in a list; the event name comes from the events module. */
function summaryOf(row: CaseRow, l: Lookups): CandidateProblemSummary {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    type: row.type,
    status: row.status,
    title: row.title,
    eventId: row.eventId,
    eventName: row.eventId ? (l.events.get(row.eventId) ?? null) : null,
    refusalCode: row.refusalCode,
    requestedName: row.requestedName,
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

/** One history line with its evidence; a staff member is named to staff only, never to candidates. */
function entryOf(e: EntryRow, l: Lookups, forStaff: boolean, row: CaseRow): ProblemEntry {
  // A candidate reads the answering department, never a staff member's account name.
  const staffName = forStaff
    ? (l.staff.get(e.actorId ?? '') ?? null)
    : PROBLEM_ROLE_LABELS[row.responsibleRole];
  return {
    id: e.id,
    kind: e.kind,
    actor: e.actorKind,
    actorName: e.actorKind === 'staff' ? staffName : e.actorKind === 'candidate' ? '考生' : '系统',
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    body: e.body,
    files: e.fileIds.flatMap((fileId) => {
      const info = l.files.get(fileId);
      return info ? [{ fileId, ...info }] : [];
    }),
    at: e.at.toISOString(),
  };
}

/** A row of the candidate's own list. */
export const toCandidateSummary = summaryOf;

/** The candidate's case: his visible history and what he may do next (answer, withdraw). */
export function toCandidateProblem(
  row: CaseRow,
  entries: readonly EntryRow[],
  l: Lookups,
): CandidateProblem {
  return {
    ...summaryOf(row, l),
    body: row.body,
    entries: entries
      .filter((e) => VISIBLE_TO_CANDIDATE.has(e.kind))
      .map((e) => entryOf(e, l, false, row)),
    canAnswer: row.status === 'more_info_needed',
    canWithdraw: WITHDRAWABLE.includes(row.status),
  };
}

/** A queue row; `overdue` is computed from the injected clock, the same rule the filter uses. */
export function toStaffSummary(row: CaseRow, l: Lookups, now: Date): StaffProblemSummary {
  return {
    ...summaryOf(row, l),
    candidateNameMasked: maskName(l.candidates.get(row.candidateId) ?? ''),
    responsibleRole: row.responsibleRole,
    assigneeName: row.assigneeId ? (l.staff.get(row.assigneeId) ?? null) : null,
    dueAt: row.dueAt.toISOString(),
    overdue: WAITING_FOR_STAFF.includes(row.status) && row.dueAt < now,
    firstAnsweredAt: row.firstAnsweredAt?.toISOString() ?? null,
  };
}

/** The staff view: every history line (notes too) and the moves the status table allows from here. */
export function toStaffProblem(
  row: CaseRow,
  entries: readonly EntryRow[],
  l: Lookups,
  now: Date,
): StaffProblem {
  return {
    ...toStaffSummary(row, l, now),
    candidateId: row.candidateId,
    body: row.body,
    entries: entries.map((e) => entryOf(e, l, true, row)),
    nextStatuses: PROBLEM_TRANSITIONS[row.status].filter((s) => STAFF_TARGETS.includes(s)),
  };
}
