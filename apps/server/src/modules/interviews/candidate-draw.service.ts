import type { CandidateOrderSheet, CandidateSubGroups } from '@kaolu/contracts';
import { splitIntoPanels, splitPanelSizes } from '@kaolu/domain';
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import type { CryptoProvider } from '../../platform/crypto';
import type { DrawService } from '../../platform/draws';
import { AppError } from '../../platform/errors/app-error';
import { maskPersonalData } from '../../platform/masking';
import { runCandidateDraw, type CandidateDrawInput } from './candidate-draw.rules';
import { assertInterviewEventInScope } from './checkin-scope';
import {
  interviewCandidate,
  interviewEvent,
  interviewGroup,
  interviewPosition,
  interviewType,
} from './interview.table';

// One draw per group, or per sub-group once the group is split: the draw's scope names both.
const scopeKeyOf = (groupId: string, subGroup?: string | null) =>
  subGroup ? `group:${groupId}:${subGroup}` : `group:${groupId}`;

/**
 * The candidate draw of an interview group (IVW-06, §7) on the verifiable draws (REG-08): optional
 * sub-groups, commit (seed hash shown first), draw (order of drawing, then order numbers written to
 * the candidates), the order sheet with 结构化小组面试 panels (ABC, BCA, CAB) for print and export.
 */
export function createCandidateDrawService(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  draws: DrawService;
}) {
  const { db, crypto, audit, draws } = deps;
  draws.registerReplayer('candidates', (input, seed) =>
    runCandidateDraw(input as CandidateDrawInput, seed),
  );

  /** The group, its interview kind and event, once the caller's grant reaches the event. */
  async function groupInScope(groupId: string, principal: Principal | undefined) {
    const [group] = await db
      .select({
        id: interviewGroup.id,
        name: interviewGroup.name,
        kind: interviewType.kind,
        eventId: interviewEvent.id,
        recruitmentEventId: interviewEvent.recruitmentEventId,
      })
      .from(interviewGroup)
      .innerJoin(interviewType, eq(interviewType.id, interviewGroup.typeId))
      .innerJoin(interviewEvent, eq(interviewEvent.id, interviewGroup.interviewEventId))
      .where(eq(interviewGroup.id, groupId));
    if (!group) throw new AppError('INTERVIEW.GROUP_NOT_FOUND');
    assertInterviewEventInScope(principal, 'interview.draw', {
      id: group.eventId,
      recruitmentEventId: group.recruitmentEventId,
    });
    return group;
  }

  /** The group's candidates: those of the positions it keeps all day (§7 continuity). */
  function candidatesOf(groupId: string, extra?: SQL) {
    return db
      .select({
        id: interviewCandidate.id,
        nameEnc: interviewCandidate.nameEnc,
        ticketNumber: interviewCandidate.ticketNumber,
        subGroup: interviewCandidate.subGroup,
        drawPosition: interviewCandidate.drawPosition,
        orderNumber: interviewCandidate.orderNumber,
        positionTitle: interviewPosition.title,
      })
      .from(interviewCandidate)
      .innerJoin(interviewPosition, eq(interviewPosition.id, interviewCandidate.positionId))
      .where(and(eq(interviewPosition.groupId, groupId), extra))
      .orderBy(interviewCandidate.ticketNumber);
  }

  /**
   * The recorded input of a draw: the candidates of the group or sub-group in id order (the replay
   * gets the same order), and whether 结构化小组 panels must be formable from them.
   */
  async function drawInput(groupId: string, kind: string, subGroup: string | null) {
    const sub = subGroup
      ? eq(interviewCandidate.subGroup, subGroup)
      : isNull(interviewCandidate.subGroup);
    const rows = await candidatesOf(groupId, sub);
    if (rows.length === 0) throw new AppError('CANDIDATE_DRAW.NO_CANDIDATES');
    const input: CandidateDrawInput = {
      candidateIds: rows.map((r) => r.id).sort(),
      groupPanels: kind === 'group_structured',
    };
    if (input.groupPanels && !splitPanelSizes(rows.length).ok)
      throw new AppError('CANDIDATE_DRAW.PANEL_SPLIT');
    return input;
  }

  return {
    /** Splits the group's candidates into named sub-groups; every candidate in exactly one. */
    /** Splits the group; audited with the sub-groups' names and sizes. */
    async putSubGroups(groupId: string, body: CandidateSubGroups, ctx: ChangeContext) {
      await groupInScope(groupId, ctx.principal);
      // Every candidate of the group in exactly one sub-group, names unique; an empty list undoes the split.
      const all = (await candidatesOf(groupId)).map((r) => r.id);
      const listed = body.subGroups.flatMap((s) => s.candidateIds);
      const names = new Set(body.subGroups.map((s) => s.name));
      const complete =
        body.subGroups.length === 0 ||
        (listed.length === all.length &&
          new Set(listed).size === listed.length &&
          listed.every((id) => all.includes(id)) &&
          names.size === body.subGroups.length);
      if (!complete) throw new AppError('CANDIDATE_DRAW.SUB_GROUP_INVALID');
      await db.transaction(async (tx) => {
        if (all.length > 0)
          await tx
            .update(interviewCandidate)
            .set({ subGroup: null })
            .where(inArray(interviewCandidate.id, all));
        for (const s of body.subGroups)
          await tx
            .update(interviewCandidate)
            .set({ subGroup: s.name })
            .where(inArray(interviewCandidate.id, s.candidateIds));
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'candidate_sub_groups.set',
          targetType: 'interview_group',
          targetId: groupId,
          result: 'success',
          details: {
            subGroups: body.subGroups.map((s) => ({ name: s.name, size: s.candidateIds.length })),
          },
        });
      });
    },

    /** Publishes the seed hash of the next draw of the group (or sub-group) before anything is drawn. */
    async commit(
      groupId: string,
      args: { subGroup?: string; redrawReason?: string },
      ctx: ChangeContext,
    ) {
      const group = await groupInScope(groupId, ctx.principal);
      // Checked now so a hash is never published for a draw that cannot run.
      await drawInput(groupId, group.kind, args.subGroup ?? null);
      const committed = await db.transaction((tx) =>
        draws.commit(
          tx,
          {
            kind: 'candidates',
            scopeKey: scopeKeyOf(groupId, args.subGroup),
            redrawReason: args.redrawReason,
          },
          ctx,
        ),
      );
      return { drawId: committed.id, seedHash: committed.seedHash };
    },

    /** Runs a committed draw: order of drawing and order numbers land on the candidates. */
    async draw(groupId: string, drawId: string, ctx: ChangeContext) {
      const group = await groupInScope(groupId, ctx.principal);
      const row = await draws.find(drawId);
      // The draw must be a candidate draw of this group (or one of its sub-groups).
      const prefix = scopeKeyOf(groupId);
      if (
        !row ||
        row.kind !== 'candidates' ||
        !(row.scopeKey === prefix || row.scopeKey.startsWith(`${prefix}:`))
      )
        throw new AppError('DRAW.NOT_FOUND');
      const subGroup = row.scopeKey === prefix ? null : row.scopeKey.slice(prefix.length + 1);
      const input = await drawInput(groupId, group.kind, subGroup);
      await db.transaction(async (tx) => {
        const { result } = await draws.draw(
          tx,
          drawId,
          input,
          (seed) => runCandidateDraw(input, seed),
          ctx,
        );
        // The result lands on the candidates in the same transaction as the draw record.
        for (const e of result.entries)
          await tx
            .update(interviewCandidate)
            .set({ drawPosition: e.drawPosition, orderNumber: e.orderNumber })
            .where(eq(interviewCandidate.id, e.candidateId));
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'candidate_order.drawn',
          targetType: 'interview_group',
          targetId: groupId,
          result: 'success',
          details: { drawId, subGroup, candidates: result.entries.length },
        });
      });
    },

    /** The order sheet to print or export, with the group's draws (hash, seed once drawn). */
    async sheet(groupId: string, principal?: Principal): Promise<CandidateOrderSheet> {
      const group = await groupInScope(groupId, principal);
      const rows = (await candidatesOf(groupId)).sort(
        (a, b) =>
          (a.subGroup ?? '').localeCompare(b.subGroup ?? '', 'zh-CN') ||
          (a.orderNumber ?? 1e9) - (b.orderNumber ?? 1e9) ||
          a.ticketNumber.localeCompare(b.ticketNumber),
      );
      // Sorted by sub-group then order number: the print and export order.
      const panelOf = panelsFor(group.kind, rows);
      const history = (
        await Promise.all(
          [...new Set(rows.map((r) => r.subGroup))].map((s) =>
            draws.history('candidates', scopeKeyOf(groupId, s)),
          ),
        )
      ).flat();
      return {
        groupName: group.name,
        kind: group.kind,
        rows: rows.map((r) => ({
          interviewCandidateId: r.id,
          nameMasked: maskPersonalData(
            crypto.decryptField(r.nameEnc, {
              table: 'interview_candidate',
              column: 'name',
              rowId: r.id,
            }),
            'name',
          ),
          ticketNumber: r.ticketNumber,
          positionTitle: r.positionTitle,
          subGroup: r.subGroup,
          drawPosition: r.drawPosition,
          orderNumber: r.orderNumber,
          panel: panelOf.get(r.id)?.panel ?? null,
          letter: panelOf.get(r.id)?.letter ?? null,
          answerOrders: panelOf.get(r.id)?.answerOrders ?? null,
        })),
        draws: history.map((d) => ({
          drawId: d.id,
          subGroup: d.scopeKey.split(':')[2] ?? null,
          status: d.status,
          seedHash: d.seedHash,
          seed: d.status === 'committed' ? null : d.seed,
          redrawReason: d.redrawReason,
        })),
      };
    },
  };
}

/**
 * 结构化小组面试 panels (§7): once drawn, candidates in interview order form panels of 3 (some of 4)
 * through the domain, each with its letters and the rotation ABC, BCA, CAB.
 */
function panelsFor(
  kind: string,
  rows: { id: string; subGroup: string | null; orderNumber: number | null }[],
) {
  const out = new Map<string, { panel: number; letter: string; answerOrders: string[] }>();
  if (kind !== 'group_structured') return out;
  for (const sub of new Set(rows.map((r) => r.subGroup))) {
    const ordered = rows
      .filter((r) => r.subGroup === sub && r.orderNumber !== null)
      .map((r) => r.id);
    const panels = splitIntoPanels(ordered);
    if (!panels.ok) continue;
    panels.value.forEach((p, i) =>
      p.candidateIds.forEach((id, k) =>
        out.set(id, { panel: i + 1, letter: p.letters[k]!, answerOrders: p.answerOrders }),
      ),
    );
  }
  return out;
}

export type CandidateDrawService = ReturnType<typeof createCandidateDrawService>;
