import { assertInvariant } from './outcome';

/** One integer sort key over all rows (scores in hundredths, codes, indexes). */
export type SortColumn = { values: ArrayLike<number>; order: 'asc' | 'desc' };

// Counting sorts up to this many buckets run in one pass; wider ranges use two 16-bit passes.
const SINGLE_PASS_RANGE = 1 << 22;

/**
 * Row indexes ordered by the columns, first column most significant; rows equal on every column keep
 * their input order. LSD radix sort: linear in rows, so national-scale rankings take one pass per key.
 */
export function orderByColumns(rowCount: number, columns: readonly SortColumn[]): Uint32Array {
  let order = new Uint32Array(rowCount);
  for (let i = 0; i < rowCount; i++) order[i] = i;
  let scratch = new Uint32Array(rowCount);
  for (let c = columns.length - 1; c >= 0; c--) {
    const column = columns[c]!;
    assertInvariant(column.values.length === rowCount, 'every column needs one value per row');
    const { min, max } = rangeOf(column.values);
    const range = max - min;
    if (range === 0) continue;
    const desc = column.order === 'desc';
    // A wide single-pass bucket array only pays off when there are enough rows to fill it.
    if (range < 65536 || (range < SINGLE_PASS_RANGE && range < rowCount * 4)) {
      countingPass(
        order,
        scratch,
        (i) => (desc ? max - column.values[i]! : column.values[i]! - min),
        range + 1,
      );
      [order, scratch] = [scratch, order];
    } else {
      const digit = (i: number): number =>
        desc ? max - column.values[i]! : column.values[i]! - min;
      countingPass(order, scratch, (i) => digit(i) % 65536, 65536);
      [order, scratch] = [scratch, order];
      countingPass(
        order,
        scratch,
        (i) => Math.floor(digit(i) / 65536),
        Math.floor(range / 65536) + 1,
      );
      [order, scratch] = [scratch, order];
    }
  }
  return order;
}

function rangeOf(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    assertInvariant(Number.isInteger(v), 'sort keys must be integers');
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length === 0 ? { min: 0, max: 0 } : { min, max };
}

// Stable counting sort of `from` into `to` by a digit in [0, buckets).
function countingPass(
  from: Uint32Array,
  to: Uint32Array,
  digit: (row: number) => number,
  buckets: number,
): void {
  const counts = new Uint32Array(buckets + 1);
  for (let k = 0; k < from.length; k++) counts[digit(from[k]!) + 1]! += 1;
  for (let b = 0; b < buckets; b++) counts[b + 1]! += counts[b]!;
  for (let k = 0; k < from.length; k++) {
    const row = from[k]!;
    to[counts[digit(row)]!++] = row;
  }
}
