import {
  createDrawRecord,
  createSeededRandom,
  deriveSeed,
  type DrawRecord,
} from '../random/seeded-random';
import { problem, type Outcome } from '../shared/outcome';

/** drawPosition: when the candidate drew (1 = first); orderNumber: the interview order he drew. */
export type LotteryEntry = { candidateId: string; drawPosition: number; orderNumber: number };
/**
 * The draw with its record (seed, algorithm, input digest), so the signed log can show how it was
 * drawn (REG-08).
 */
export type CandidateLottery = { entries: LotteryEntry[]; room: string | null; record: DrawRecord };

/**
 * Candidate lottery in two steps (IVW-06, §7): first the order in which candidates draw, then each in
 * that order draws an interview order number from those left; the first drawer may draw the room.
 */
export function drawCandidateOrder(input: {
  candidateIds: readonly string[];
  seed: string;
  rooms?: readonly string[];
}): Outcome<CandidateLottery> {
  const ids = [...input.candidateIds].sort();
  const dup = ids.find((id, i) => i > 0 && ids[i - 1] === id);
  if (dup !== undefined)
    return {
      ok: false,
      reasons: [problem('LOTTERY.DUPLICATE', `考生 ${dup} 重复`, 'candidateIds')],
    };
  if (ids.length === 0)
    return { ok: false, reasons: [problem('LOTTERY.EMPTY', '抽签考生名单为空', 'candidateIds')] };
  const drawOrder = createSeededRandom(deriveSeed(input.seed, 'draw-order')).shuffle(ids);
  const numbers = createSeededRandom(deriveSeed(input.seed, 'order-number'));
  const left = ids.map((_, i) => i + 1);
  const entries = drawOrder.map((candidateId, k) => {
    // Each drawer takes a uniform ticket from the numbers still in the box.
    const pick = numbers.nextInt(left.length);
    const orderNumber = left.splice(pick, 1)[0]!;
    return { candidateId, drawPosition: k + 1, orderNumber };
  });
  const rooms = [...(input.rooms ?? [])].sort();
  const room =
    rooms.length > 0
      ? rooms[createSeededRandom(deriveSeed(input.seed, 'room')).nextInt(rooms.length)]!
      : null;
  return {
    ok: true,
    value: { entries, room, record: createDrawRecord(input.seed, { candidateIds: ids, rooms }) },
  };
}

/** Sizes for 结构化小组面试 panels: all of `size`, or some of size + 1 when n is not a multiple. */
export function splitPanelSizes(n: number, size = 3, allowLarger = true): Outcome<number[]> {
  const count = Math.floor(n / size);
  const rest = n % size;
  if (n < size || (rest > 0 && (!allowLarger || rest > count))) {
    return {
      ok: false,
      reasons: [
        problem(
          'LOTTERY.PANEL_SPLIT',
          `${n} 名考生无法分成每组 ${size}${allowLarger ? ` 或 ${size + 1}` : ''} 人的小组`,
          'candidateIds',
        ),
      ],
    };
  }
  return { ok: true, value: Array.from({ length: count }, (_, i) => size + (i < rest ? 1 : 0)) };
}

/** Rotating answer order of a panel: ABC, BCA, CAB for three (one rotation per question). */
export function rotateAnswerOrders(panelSize: number): string[] {
  const letters = Array.from({ length: panelSize }, (_, i) => String.fromCharCode(65 + i));
  return letters.map((_, r) => letters.slice(r).concat(letters.slice(0, r)).join(''));
}

/**
 * Splits candidates, in interview order, into 结构化小组 panels of 3 (some of 4), each with its
 * letters and rotating answer orders (IVW-06).
 */
export function splitIntoPanels(
  orderedCandidateIds: readonly string[],
  size = 3,
): Outcome<{ candidateIds: string[]; letters: string[]; answerOrders: string[] }[]> {
  const sizes = splitPanelSizes(orderedCandidateIds.length, size);
  if (!sizes.ok) return sizes;
  let offset = 0;
  return {
    ok: true,
    value: sizes.value.map((s) => {
      const candidateIds = orderedCandidateIds.slice(offset, (offset += s));
      return {
        candidateIds,
        letters: candidateIds.map((_, i) => String.fromCharCode(65 + i)),
        answerOrders: rotateAnswerOrders(s),
      };
    }),
  };
}
