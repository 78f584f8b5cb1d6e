import { orderByColumns, type SortColumn } from '../shared/radix-order';
import { assertInvariant } from '../shared/outcome';

/** Columnar ranking input: integer partition per row (optional) and the tie-break chain. */
export type RankColumnsInput = {
  partition?: ArrayLike<number>;
  keys: readonly SortColumn[];
  /** 'chain': rows share a rank only when every key ties; 'first': when the first key ties. */
  rankBy?: 'chain' | 'first';
};

/** Order (row indexes) and competition rank per row. */
export type RankColumnsResult = {
  order: Uint32Array;
  rank: Uint32Array;
  positionInPartition: Uint32Array;
};

/**
 * Competition ranking (1, 1, 3) within partitions over a tie-break chain (REG-02e), on columns so
 * that millions of rows need no objects; rows tied on everything keep input order.
 */
export function rankColumns(rowCount: number, input: RankColumnsInput): RankColumnsResult {
  assertInvariant(input.keys.length > 0, 'ranking needs at least one key');
  const partition = input.partition;
  const columns: SortColumn[] = partition
    ? [{ values: partition, order: 'asc' }, ...input.keys]
    : [...input.keys];
  const order = orderByColumns(rowCount, columns);
  const rankKeys = input.rankBy === 'first' ? input.keys.slice(0, 1) : input.keys;
  const rank = new Uint32Array(rowCount);
  const positionInPartition = new Uint32Array(rowCount);
  let position = 0;
  for (let k = 0; k < rowCount; k++) {
    const row = order[k]!;
    const prev = k > 0 ? order[k - 1]! : -1;
    const newPartition =
      prev < 0 || (partition !== undefined && partition[prev] !== partition[row]);
    position = newPartition ? 1 : position + 1;
    positionInPartition[row] = position;
    const tied = !newPartition && rankKeys.every((key) => key.values[row] === key.values[prev]);
    rank[row] = tied ? rank[prev]! : position;
  }
  return { order, rank, positionInPartition };
}
