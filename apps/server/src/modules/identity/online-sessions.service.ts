import { findCandidatesByIds } from '../candidates';
import { maskName } from '../../platform/masking';
import type { IdentityDeps } from './identity.deps';
import { findStaffUsernames } from './identity.queries';

/**
 * sec_admin's list of online sessions (强制下线 page, NFR-SEC-1): the live sessions with a readable
 * subject. Staff are named by username; candidates only by masked name, since sec_admin has no
 * business with their personal data (NFR-SEC-3).
 */
export function createOnlineSessions(deps: Pick<IdentityDeps, 'db' | 'sessions'>) {
  const { db, sessions } = deps;

  /** Subject id → display name, read in one query per population for the whole page. */
  async function subjectNames(
    items: Array<{ subjectKind: string; subjectId: string }>,
  ): Promise<Map<string, string>> {
    const staffIds = items.filter((s) => s.subjectKind === 'staff').map((s) => s.subjectId);
    const candidateIds = items.filter((s) => s.subjectKind === 'candidate').map((s) => s.subjectId);
    const names = new Map<string, string>();
    for (const u of await findStaffUsernames(db, staffIds)) names.set(u.id, u.username);
    for (const c of await findCandidatesByIds(db, candidateIds))
      names.set(c.id, `考生 ${maskName(c.name)}`);
    return names;
  }

  return {
    /** One page of live sessions, newest activity first, as the session list shows them. */
    async list(page: number, pageSize: number) {
      const { items, total } = await sessions.listActive(page, pageSize);
      const names = await subjectNames(items);
      return {
        total,
        items: items.map((s) => ({
          id: s.id,
          subjectKind: s.subjectKind,
          subject: names.get(s.subjectId) ?? '',
          ip: s.ip,
          userAgent: s.userAgent,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
        })),
      };
    },
  };
}

export type OnlineSessions = ReturnType<typeof createOnlineSessions>;
