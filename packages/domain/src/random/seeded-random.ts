import { toCanonicalJson } from '../shared/canonical-json';
import { assertInvariant } from '../shared/outcome';
import { createSm3CounterHasher, sm3Hex } from './sm3';

/** Version tag of the generator; a replay must use the same version to get the same draw. */
export const RANDOM_ALGORITHM = 'SM3-CTR-v1';

/** What every draw records so that anyone can replay it: the seed, the generator and the input. */
export type DrawRecord = { seed: string; algorithm: typeof RANDOM_ALGORITHM; inputDigest: string };

/** A deterministic stream of random numbers derived from a recorded seed. */
export type SeededRandom = {
  readonly seed: string;
  nextUint32(): number;
  nextInt(bound: number): number;
  shuffle<T>(items: readonly T[]): T[];
};

const TWO_32 = 0x100000000;
const encoder = new TextEncoder();

/**
 * SM3 in counter mode (REG-02c, IVW-04): block i = SM3(UTF-8(seed) ‖ i as 8-byte big-endian), read
 * as eight big-endian 32-bit words, blocks consumed in order.
 */
export function createSeededRandom(seed: string): SeededRandom {
  assertInvariant(seed.length > 0, 'a draw needs a non-empty seed');
  const hashBlock = createSm3CounterHasher(encoder.encode(seed));
  const block = new Uint32Array(8);
  let counter = 0;
  let index = 8;
  const nextUint32 = (): number => {
    if (index === 8) {
      hashBlock(counter++, block);
      index = 0;
    }
    return block[index++]!;
  };
  // Rejection sampling: values at or above the largest multiple of bound are redrawn, so no bias.
  const nextInt = (bound: number): number => {
    assertInvariant(Number.isInteger(bound) && bound > 0 && bound <= TWO_32, `bad bound ${bound}`);
    const limit = TWO_32 - (TWO_32 % bound);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % bound;
    }
  };
  // Fisher–Yates from the last position down; each position swaps with a uniform earlier one.
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = nextInt(i + 1);
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  };
  return { seed, nextUint32, nextInt, shuffle };
}

/** SM3 hex digest of the canonical JSON of a draw's input, recorded beside the seed. */
export function digestDrawInput(input: unknown): string {
  return sm3Hex(toCanonicalJson(input));
}

/** The record of a draw over the given input (IVW-04: draws are reproducible and logged). */
export function createDrawRecord(seed: string, input: unknown): DrawRecord {
  return { seed, algorithm: RANDOM_ALGORITHM, inputDigest: digestDrawInput(input) };
}

/** A sub-seed for one part of a draw (a gender class, a simulation run), derived from the recorded seed. */
export function deriveSeed(seed: string, label: string): string {
  return sm3Hex(`${seed}/${label}`);
}

/** Shuffles items with a recorded seed and returns the order with its replay record. */
export function drawShuffle<T>(
  seed: string,
  items: readonly T[],
): { order: T[]; record: DrawRecord } {
  return { order: createSeededRandom(seed).shuffle(items), record: createDrawRecord(seed, items) };
}

/**
 * Replays a draw: the input must digest to the recorded value and the algorithm must match, otherwise
 * the record does not belong to this input and replay is refused.
 */
export function replayShuffle<T>(record: DrawRecord, items: readonly T[]): T[] {
  assertInvariant(record.algorithm === RANDOM_ALGORITHM, `unknown algorithm ${record.algorithm}`);
  assertInvariant(
    digestDrawInput(items) === record.inputDigest,
    'input does not match the recorded digest',
  );
  return createSeededRandom(record.seed).shuffle(items);
}
