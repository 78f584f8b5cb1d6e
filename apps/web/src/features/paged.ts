/** The list answer every paged endpoint returns. */
export type Paged<T> = { items: T[]; total: number };

/** Paging query of list endpoints; pages count from 1. */
export type PageQuery = { page: number; pageSize: number };
