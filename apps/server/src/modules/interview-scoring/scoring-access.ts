import type { ExaminerSeat, ScoredKind, SheetIndicator } from '@kaolu/contracts';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { Principal } from '../../platform/auth/access';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import type { SmsGateway } from '../../platform/sms';
import type { CompositeService } from '../composite';
import {
  assertInterviewScope,
  groupPanelOf,
  type GroupPanel,
  type InterviewPlace,
} from '../interviews';
import { indicatorsOf, kindOfSeat, sessionLabelOf } from './scoring-policy';

// Who may touch which group's sheets (IVW-08, NFR-SEC-1): an examiner only the group and session
// his own seat is in, found through the staff account linked to him; a supervisor the groups his
// interview.supervise grant reaches.

export type ScoringDeps = {
  db: Db;
  audit: AuditLog;
  crypto: CryptoProvider;
  sms: SmsGateway;
  now: () => Date;
  composite: CompositeService;
  /** Warnings that change nothing (a hand-over refused by composite), without personal data. */
  warn: (message: string, details: Record<string, unknown>) => void;
};

/** The group's panel in the session, or the 404 the tablet shows. */
export async function loadPanel(db: Db, sessionId: string, groupId: string): Promise<GroupPanel> {
  const panel = await groupPanelOf(db, sessionId, groupId);
  if (!panel) throw new AppError('INTERVIEW.GROUP_NOT_FOUND');
  return panel;
}

/** The place of a panel for the scope rule: event, its recruitment event, venue and session. */
export function placeOf(panel: GroupPanel): InterviewPlace {
  return {
    interviewEventId: panel.interviewEventId,
    recruitmentEventId: panel.recruitmentEventId,
    venueId: panel.venueId,
    sessionId: panel.sessionId,
  };
}

/** The signed-in examiner's seat in the panel, or 403: nobody scores a group he does not sit in. */
export function callerSeat(panel: GroupPanel, principal: Principal | undefined) {
  assertInterviewScope(principal, 'interview.score', placeOf(panel));
  const seat = panel.seats.find((s) => s.staffUserId !== null && s.staffUserId === principal?.id);
  if (!seat) throw new AppError('INTERVIEW.NOT_SEATED');
  return seat;
}

/** A seat as the tablet shows it: place, seat, the kind of sheet and its indicators. */
export function seatView(
  panel: GroupPanel,
  seat: GroupPanel['seats'][number],
): ExaminerSeat & { kind: ScoredKind; indicators: SheetIndicator[] } {
  const kind = kindOfSeat(panel, seat.seat);
  return {
    sessionId: panel.sessionId,
    sessionLabel: sessionLabelOf(panel),
    groupId: panel.groupId,
    groupName: panel.groupName,
    roomName: panel.roomName,
    venueName: panel.venueName,
    seat: seat.seat,
    kind,
    indicators: indicatorsOf(panel, kind),
  };
}

/** The system caller that hands results to composite: allowed composite.manage, nothing else. */
export const HANDOVER_CONTEXT = {
  actor: { kind: 'system' as const, id: 'interview-scoring' },
  // composite checks its callers' scope; the hand-over is the interview system's own act (IVW-08),
  // decided by the last confirmation, so it carries exactly the permission it needs.
  principal: {
    kind: 'staff' as const,
    id: '00000000-0000-0000-0000-000000000000',
    username: 'interview-scoring',
    permissions: new Set(['composite.manage' as const]),
  },
};
