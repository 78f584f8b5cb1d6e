import { describe, expect, it, vi } from 'vitest';
import { reactive } from 'vue';
import type { PageChange } from './page-table';
import { usePagedList } from './use-paged-list';

type Row = { id: string };
const pageOf = (paging: PageChange, total = 95) => ({
  items: [{ id: `p${paging.page}s${paging.pageSize}` }] as Row[],
  total,
});

describe('usePagedList', () => {
  it('fetches page 1 of 20 by default and binds rows and total for PageTable', async () => {
    const fetch = vi.fn(async (paging: PageChange) => pageOf(paging));
    const list = usePagedList(fetch);
    await vi.waitFor(() => expect(list.rows.value).toEqual([{ id: 'p1s20' }]));
    expect(fetch).toHaveBeenCalledWith({ page: 1, pageSize: 20 });
    expect(list.table.value).toMatchObject({
      total: 95,
      page: 1,
      pageSize: 20,
      loading: false,
      error: null,
    });
  });

  it('goes to the page PageTable asks for', async () => {
    const fetch = vi.fn(async (paging: PageChange) => pageOf(paging));
    const list = usePagedList(fetch, { immediate: false, pageSize: 10 });
    list.table.value.onChange({ page: 3, pageSize: 10 });
    await vi.waitFor(() => expect(list.rows.value).toEqual([{ id: 'p3s10' }]));
    expect(list.paging.value).toEqual({ page: 3, pageSize: 10 });
  });

  it('restarts from page 1 on reload({ firstPage: true }) and stays put on a plain reload', async () => {
    const fetch = vi.fn(async (paging: PageChange) => pageOf(paging));
    const list = usePagedList(fetch, { immediate: false });
    list.changePage({ page: 4, pageSize: 20 });
    list.reload();
    await vi.waitFor(() => expect(fetch).toHaveBeenLastCalledWith({ page: 4, pageSize: 20 }));
    list.reload({ firstPage: true });
    await vi.waitFor(() => expect(fetch).toHaveBeenLastCalledWith({ page: 1, pageSize: 20 }));
  });

  it('hands page changes to external paging (e.g. the URL) instead of fetching itself', () => {
    const state = reactive<PageChange>({ page: 2, pageSize: 50 });
    const write = vi.fn((change: PageChange) => Object.assign(state, change));
    const fetch = vi.fn(async (paging: PageChange) => pageOf(paging));
    const list = usePagedList(fetch, {
      immediate: false,
      paging: { read: () => ({ ...state }), write },
    });
    expect(list.paging.value).toEqual({ page: 2, pageSize: 50 });
    list.changePage({ page: 5, pageSize: 50 });
    list.reload({ firstPage: true });
    expect(write).toHaveBeenNthCalledWith(1, { page: 5, pageSize: 50 });
    expect(write).toHaveBeenNthCalledWith(2, { page: 1, pageSize: 50 });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('masks the table only until the first answer with quietReload', async () => {
    let settle!: () => void;
    const fetch = vi.fn(
      (paging: PageChange) =>
        new Promise<ReturnType<typeof pageOf>>((resolve) => {
          settle = () => resolve(pageOf(paging));
        }),
    );
    const list = usePagedList(fetch, { quietReload: true });
    expect(list.table.value.loading).toBe(true);
    settle();
    await vi.waitFor(() => expect(list.rows.value.length).toBe(1));
    void list.run();
    expect(list.loading.value).toBe(true);
    expect(list.table.value.loading).toBe(false);
    settle();
  });
});
