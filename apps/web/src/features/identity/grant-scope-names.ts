// Names of a role grant's scope (NFR-UX-1): sec_admin reads 「单位 浦东新区市场监督管理局」, never
// the unit's uuid. Built from the scope options the grant form picks from.
import type { GrantScopeOptions, RoleGrant } from '@kaolu/contracts';

export const HALF_DAY_LABELS = { am: '上午', pm: '下午' } as const;

type Scope = Pick<RoleGrant, 'unitId' | 'eventId' | 'venueId' | 'sessionId'>;

/** A function naming a grant's scope; ids the options do not know show as 已删除, never raw. */
export function grantScopeNamer(options: GrantScopeOptions | null | undefined) {
  const units = new Map(options?.units.map((u) => [u.id, u.name]));
  // A grant's eventId names a recruitment event or, for interview roles, an interview event.
  const events = new Map<string, string>([
    ...(options?.events.map((e) => [e.id, e.name] as const) ?? []),
    ...(options?.interviewEvents.map((e) => [e.id, e.name] as const) ?? []),
  ]);
  const venues = new Map(
    options?.interviewEvents.flatMap((e) => e.venues.map((v) => [v.id, v.name])),
  );
  const sessions = new Map(
    options?.interviewEvents.flatMap((e) =>
      e.sessions.map((s) => [s.id, `${s.day} ${HALF_DAY_LABELS[s.halfDay]}`]),
    ),
  );
  const name = (map: Map<string, string>, id: string) => map.get(id) ?? '（已删除）';
  return (g: Scope): string =>
    [
      g.unitId && `单位 ${name(units, g.unitId)}`,
      g.eventId && `事项 ${name(events, g.eventId)}`,
      g.venueId && `考点 ${name(venues, g.venueId)}`,
      g.sessionId && `场次 ${name(sessions, g.sessionId)}`,
    ]
      .filter(Boolean)
      .join('；') || '全部';
}
