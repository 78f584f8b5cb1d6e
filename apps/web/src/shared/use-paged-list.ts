import { computed, reactive, type ComputedRef } from 'vue';
import type { Paged } from '@/features/paged';
import type { ApiError } from '@/app/http';
import type { PageChange } from './page-table';
import { useRequest, type RequestState } from './use-request';

export type PagedListOptions = {
  /** Fetch at once (default); false when the page runs the list itself, e.g. after a first search. */
  immediate?: boolean;
  /** Rows per page of the local paging state (default 20). */
  pageSize?: number;
  /**
   * Mask the table as loading only until the first answer: later runs (searches, auto refresh) keep
   * the previous rows on screen without a flashing loading overlay.
   */
  quietReload?: boolean;
  /**
   * Paging kept outside the list, e.g. in the URL query: `read` gives the current page, `write`
   * receives page changes, and whoever owns that state re-runs the list when it changes.
   */
  paging?: { read: () => PageChange; write: (change: PageChange) => void };
};

/** The props and listeners of PageTable that come from the list, for `v-bind="list.table.value"`. */
export type PageTableBinding<Row> = {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  error: ApiError | null;
  onChange: (change: PageChange) => void;
  onRetry: () => void;
};

export type PagedList<P extends Paged<unknown>> = RequestState<P | null> & {
  /** The page shown, from the local state or from `options.paging`. */
  paging: ComputedRef<PageChange>;
  rows: ComputedRef<P['items']>;
  table: ComputedRef<PageTableBinding<P['items'][number]>>;
  /** PageTable's `change`: go to that page (and size) and fetch it. */
  changePage: (change: PageChange) => void;
  /** Fetch again, from page 1 when the filters changed (`firstPage`). */
  reload: (options?: { firstPage?: boolean }) => void;
};

/**
 * A server-paged list behind PageTable: the paging state, the request (a newer run wins, see
 * useRequest), the rows and the table bindings. The page keeps only its filters and columns;
 * `fetch` reads the page's applied filters and the paging it is given.
 */
export function usePagedList<P extends Paged<unknown>>(
  fetch: (paging: PageChange) => Promise<P | null>,
  options: PagedListOptions = {},
): PagedList<P> {
  const local = reactive<PageChange>({ page: 1, pageSize: options.pageSize ?? 20 });
  const external = options.paging;
  const paging = computed<PageChange>(() =>
    external ? external.read() : { page: local.page, pageSize: local.pageSize },
  );
  const request = useRequest<P | null>(() => fetch({ ...paging.value }), {
    immediate: options.immediate,
  });
  const rows = computed<P['items']>(() => request.data.value?.items ?? []);

  function changePage(change: PageChange) {
    if (external) {
      external.write(change);
      return;
    }
    Object.assign(local, change);
    void request.run();
  }

  function reload({ firstPage = false }: { firstPage?: boolean } = {}) {
    if (firstPage && paging.value.page !== 1) {
      if (external) {
        external.write({ ...paging.value, page: 1 });
        return;
      }
      local.page = 1;
    }
    void request.run();
  }

  const retry = () => void request.run();
  const table = computed<PageTableBinding<P['items'][number]>>(() => ({
    rows: rows.value,
    total: request.data.value?.total ?? 0,
    page: paging.value.page,
    pageSize: paging.value.pageSize,
    loading: options.quietReload
      ? request.loading.value && !request.data.value
      : request.loading.value,
    error: request.error.value,
    onChange: changePage,
    onRetry: retry,
  }));

  return { ...request, paging, rows, table, changePage, reload };
}
