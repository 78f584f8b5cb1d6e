import { DRAW_KIND_LABELS, SEAT_LABELS, type PublicDraw } from '@kaolu/contracts';
import type { SeatAssignment } from '@kaolu/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { DrawKind, DrawRow, DrawService } from '../../platform/draws';
import { AppError } from '../../platform/errors/app-error';
import { loadSession, sessionLabel } from './arrangement-input';
import { interviewGroup } from './interview.table';

// Verifiable draws for everyone 抽签公示 (REG-08): the public page and the CLI show a draw's hash,
// seed (after the draw), input digest and a summary of its result in codes — examiner codes, ticket
// numbers — never a name, so the page can be public.

/** A kind's readable scope and result summary; other draw kinds register theirs. */
export type DrawSummarizer = (
  row: DrawRow,
) => Promise<{ scopeLabel: string; summary: PublicDraw['summary'] }>;

export function createPublicDraws(deps: { db: Db; draws: DrawService }) {
  const { db, draws } = deps;
  const summarizers = new Map<string, DrawSummarizer>();

  // Examiner draws: the scope is a session, the summary one line per group with seat and code.
  summarizers.set('examiners', async (row) => {
    const session = await loadSession(db, row.scopeKey).catch(() => undefined);
    const scopeLabel = session ? `${session.eventName} ${sessionLabel(session)}` : '面试场次';
    const result = row.result as { seats?: SeatAssignment[] } | null;
    const seats = result?.seats ?? [];
    // Group names are not personal data and make the summary readable; ids would not be.
    const groupIds = [...new Set(seats.map((s) => s.groupId))];
    const names = new Map<string, string>();
    for (const id of groupIds) {
      const [g] = await db.select().from(interviewGroup).where(eq(interviewGroup.id, id));
      names.set(id, g?.name ?? '面试组');
    }
    return {
      scopeLabel,
      summary: groupIds.map((id) => ({
        label: names.get(id)!,
        codes: seats
          .filter((s) => s.groupId === id)
          .map((s) => `${SEAT_LABELS[s.seat]} ${s.examinerId}`),
      })),
    };
  });

  return {
    registerSummary(kind: string, summarizer: DrawSummarizer) {
      summarizers.set(kind, summarizer);
    },
    /** One draw as the public page and the CLI show it, with its place in the supersede chain. */
    async view(id: string): Promise<PublicDraw> {
      const row = await draws.find(id);
      if (!row) throw new AppError('DRAW.NOT_FOUND');
      // The draw that replaced this one, if a redraw was made (both are kept).
      const next = (await draws.history(row.kind as DrawKind, row.scopeKey)).find(
        (d) => d.supersedes === id,
      );
      const summarize = summarizers.get(row.kind);
      const { scopeLabel, summary } = summarize
        ? await summarize(row)
        : { scopeLabel: '—', summary: [] };
      return {
        id: row.id,
        kind: row.kind,
        kindLabel: DRAW_KIND_LABELS[row.kind] ?? '抽签',
        scopeLabel,
        status: row.status,
        seedHash: row.seedHash,
        // Before the draw the seed is sealed; find() never returns it, but keep the rule explicit.
        seed: row.status === 'committed' ? null : row.seed,
        algorithm: row.algorithm,
        inputDigest: row.inputDigest,
        committedAt: row.committedAt.toISOString(),
        drawnAt: row.drawnAt?.toISOString() ?? null,
        redrawReason: row.redrawReason,
        supersedes: row.supersedes,
        supersededBy: next?.id ?? null,
        summary: row.status === 'committed' ? [] : summary,
      };
    },
    /** Recomputes the draw from its recorded input and seed (the 复现 button and the CLI). */
    replay: (id: string) => draws.replay(id),
  };
}

export type PublicDraws = ReturnType<typeof createPublicDraws>;
