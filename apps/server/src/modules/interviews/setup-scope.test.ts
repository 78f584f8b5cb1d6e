import { ROLES, type Permission } from '@kaolu/contracts';
import { describe, expect, it } from 'vitest';
import type { GrantScope, Principal } from '../../platform/auth/access';
import { interviewScopeAllows, visibleEventIds } from './setup-scope';

// The interview scope (NFR-SEC-1, IVW-05 check-in scope per account): a grant names an interview
// event, optionally narrowed to a venue and / or session; the org may be scoped by the recruitment
// event the interview event is linked to.

const EVENT = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const RECRUITMENT = '33333333-3333-4333-8333-333333333333';
const VENUE_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const VENUE_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const SESSION = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

function staff(...grants: Array<Partial<GrantScope> & { role: keyof typeof ROLES }>): Principal {
  const full: GrantScope[] = grants.map((g) => ({
    unitId: null,
    eventId: null,
    venueId: null,
    sessionId: null,
    ...g,
    permissions: new Set<Permission>(ROLES[g.role].permissions),
  }));
  return {
    kind: 'staff',
    id: 'u',
    username: 'u',
    permissions: new Set(full.flatMap((g) => [...g.permissions])),
    grants: full,
  };
}

describe('interview scope', () => {
  const place = { interviewEventId: EVENT, recruitmentEventId: RECRUITMENT };

  it('keeps a venue-narrowed grant to its venue and out of event-wide work', () => {
    const p = staff({ role: 'interview_staff', eventId: EVENT, venueId: VENUE_A });
    expect(interviewScopeAllows(p, 'interview.checkin', { ...place, venueId: VENUE_A })).toBe(true);
    expect(interviewScopeAllows(p, 'interview.checkin', { ...place, venueId: VENUE_B })).toBe(
      false,
    );
    expect(interviewScopeAllows(p, 'interview.checkin', place)).toBe(false);
    // The role does not carry setup at all.
    expect(interviewScopeAllows(p, 'interview.manage', { ...place, venueId: VENUE_A })).toBe(false);
  });

  it('keeps a session-narrowed grant to its session', () => {
    const p = staff({ role: 'interview_staff', eventId: EVENT, sessionId: SESSION });
    const at = { ...place, venueId: VENUE_A };
    expect(interviewScopeAllows(p, 'interview.draw', { ...at, sessionId: SESSION })).toBe(true);
    expect(interviewScopeAllows(p, 'interview.draw', { ...at, sessionId: OTHER })).toBe(false);
  });

  it('lets the org scoped to the recruitment event manage the interview event linked to it', () => {
    const p = staff({ role: 'org_admin', eventId: RECRUITMENT });
    expect(interviewScopeAllows(p, 'interview.manage', place)).toBe(true);
    expect(interviewScopeAllows(p, 'interview.manage', { interviewEventId: OTHER })).toBe(false);
  });

  it('gives a unit-scoped grant no interview event', () => {
    const p = staff({ role: 'org_admin', unitId: VENUE_A });
    expect(interviewScopeAllows(p, 'interview.read', place)).toBe(false);
    expect(visibleEventIds(p, 'interview.read')).toEqual([]);
  });

  it('lets a global grant and an event grant see the events they name', () => {
    expect(visibleEventIds(staff({ role: 'org_admin' }), 'interview.read')).toBe('all');
    expect(
      visibleEventIds(staff({ role: 'supervisor', eventId: EVENT }), 'interview.read'),
    ).toEqual([EVENT]);
    // A monitor watches; he reads no candidate list.
    expect(visibleEventIds(staff({ role: 'monitor', eventId: EVENT }), 'interview.read')).toEqual(
      [],
    );
  });
});
