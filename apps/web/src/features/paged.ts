import type { PageQuery } from '@kaolu/contracts';

/** The list answer every paged endpoint returns (contracts' pageOf). */
export type Paged<T> = { items: T[]; total: number };

export type { PageQuery };
