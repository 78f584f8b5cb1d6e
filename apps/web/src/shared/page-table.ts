/** A column of PageTable, declared in a page's sibling `*.columns.ts` (CONVENTIONS "Front end"). */
export type PageTableColumn<Row> = {
  prop: keyof Row & string;
  label: string;
  width?: number;
  minWidth?: number;
  align?: 'left' | 'center' | 'right';
  /** One line with an ellipsis and a tooltip, for long ids and messages. */
  ellipsis?: boolean;
  /** Plain-text rendering; for components use the `cell-<prop>` slot instead. */
  format?: (row: Row) => string;
};

/** What PageTable emits when the user changes page or page size. */
export type PageChange = { page: number; pageSize: number };

export const DEFAULT_PAGE_SIZES = [10, 20, 50, 100];
