import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { ApiError } from '@/app/http';

export type RequestState<T> = {
  data: ShallowRef<T | undefined>;
  loading: Ref<boolean>;
  error: ShallowRef<ApiError | null>;
  /** Runs the fetcher again; resolves to the data, or undefined when it failed or was superseded. */
  run: () => Promise<T | undefined>;
};

/** Loading / error / data state for one API call; a newer run wins over an older, slower one. */
export function useRequest<T>(
  fetcher: () => Promise<T>,
  options: { immediate?: boolean } = {},
): RequestState<T> {
  const data = shallowRef<T>();
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let generation = 0;

  async function run(): Promise<T | undefined> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const result = await fetcher();
      if (mine !== generation) return undefined;
      data.value = result;
      return result;
    } catch (cause) {
      if (mine !== generation) return undefined;
      error.value =
        cause instanceof ApiError
          ? cause
          : new ApiError('CLIENT.UNEXPECTED', '页面处理数据时出错，请刷新后重试', 0);
      if (!(cause instanceof ApiError)) console.error(cause);
      return undefined;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  if (options.immediate !== false) void run();
  return { data, loading, error, run };
}
