import { drawCandidateOrder, splitPanelSizes } from '@kaolu/domain';

/** What a candidate draw records as its input: who draws, and whether panels of 3 are formed. */
export type CandidateDrawInput = { candidateIds: string[]; groupPanels: boolean };
/** Its result: when each candidate drew and the interview order number he drew. */
export type CandidateDrawResult = {
  entries: { candidateId: string; drawPosition: number; orderNumber: number }[];
};

/**
 * The pure candidate draw (IVW-06, §7), shared by the live draw and the replayer of kind
 * 'candidates': the domain's two-step lottery (order of drawing, then order numbers). The panel
 * split of a 结构化小组面试 is checked first so a draw never leaves candidates without a panel.
 */
export function runCandidateDraw(input: CandidateDrawInput, seed: string): CandidateDrawResult {
  if (input.groupPanels) {
    const sizes = splitPanelSizes(input.candidateIds.length);
    if (!sizes.ok) throw new Error(sizes.reasons[0]!.message);
  }
  const drawn = drawCandidateOrder({ candidateIds: input.candidateIds, seed });
  if (!drawn.ok) throw new Error(drawn.reasons[0]!.message);
  // Only the entries are the result: the domain's record repeats the seed, kept on the draw row.
  return { entries: drawn.value.entries };
}
