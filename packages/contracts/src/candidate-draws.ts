import { z } from 'zod';

// The candidate draw of one interview group (IVW-06, §7): sub-groups, the published seed hash,
// then the order of drawing and the order numbers; 结构化小组面试 panels with rotating answer orders.

/** Optional split of a group's candidates into sub-groups (each drawn on its own). */
export const CandidateSubGroupsSchema = z.object({
  subGroups: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(20).meta({ title: '小组名称' }),
        candidateIds: z.array(z.uuid()).min(1, '每个小组至少一名考生'),
      }),
    )
    .max(20),
});
export type CandidateSubGroups = z.infer<typeof CandidateSubGroupsSchema>;

export const CandidateDrawCommitSchema = z.object({
  subGroup: z.string().trim().max(20).optional().meta({ title: '小组' }),
  redrawReason: z.string().trim().min(2).max(200).optional().meta({ title: '重新抽签原因' }),
});

/** The committed draw: its id and the seed hash published before anything is drawn. */
export const CandidateDrawCommittedSchema = z.object({ drawId: z.uuid(), seedHash: z.string() });

/** One line of the order sheet. */
export const CandidateOrderRowSchema = z.object({
  interviewCandidateId: z.uuid(),
  nameMasked: z.string(),
  ticketNumber: z.string(),
  positionTitle: z.string(),
  subGroup: z.string().nullable(),
  drawPosition: z.number().int().nullable(),
  orderNumber: z.number().int().nullable(),
  /** 结构化小组面试: the panel (1, 2 …), the candidate's letter and the panel's answer orders. */
  panel: z.number().int().nullable(),
  letter: z.string().nullable(),
  answerOrders: z.array(z.string()).nullable(),
});

/** The group's order sheet and its draws (hash always, seed once drawn). */
export const CandidateOrderSheetSchema = z.object({
  groupName: z.string(),
  kind: z.enum(['structured', 'professional', 'group_structured']),
  rows: z.array(CandidateOrderRowSchema),
  draws: z.array(
    z.object({
      drawId: z.uuid(),
      subGroup: z.string().nullable(),
      status: z.string(),
      seedHash: z.string(),
      seed: z.string().nullable(),
      redrawReason: z.string().nullable(),
    }),
  ),
});
export type CandidateOrderSheet = z.infer<typeof CandidateOrderSheetSchema>;

/** The groups of an interview event a draw can be run for, with their kind and size. */
export const DrawGroupListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      day: z.string(),
      kind: z.enum(['structured', 'professional', 'group_structured']),
      candidates: z.number().int(),
    }),
  ),
});
export type DrawGroupList = z.infer<typeof DrawGroupListSchema>;

/** zh-CN names of the interview kinds as the draw pages show them. */
export const CANDIDATE_DRAW_KIND_LABELS = {
  structured: '结构化面试',
  professional: '专业面试',
  group_structured: '结构化小组面试',
} as const;
/** zh-CN names of a draw's states. */
export const CANDIDATE_DRAW_STATUS_LABELS: Record<string, string> = {
  committed: '已公布哈希，待抽签',
  drawn: '已抽签',
  superseded: '已被重新抽签取代',
};
