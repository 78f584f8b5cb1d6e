import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/app/api-error';
import { useRequest } from './use-request';

/** A promise the test settles by hand, to order overlapping requests. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (cause: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useRequest', () => {
  it('runs at once by default and holds the data', async () => {
    const state = useRequest(async () => 42);
    expect(state.loading.value).toBe(true);
    await vi.waitFor(() => expect(state.data.value).toBe(42));
    expect(state.loading.value).toBe(false);
    expect(state.error.value).toBeNull();
  });

  it('waits for run() when immediate is false', async () => {
    const fetcher = vi.fn(async () => 'x');
    const state = useRequest(fetcher, { immediate: false });
    expect(fetcher).not.toHaveBeenCalled();
    await expect(state.run()).resolves.toBe('x');
  });

  it('lets a newer run win over an older, slower one', async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const answers = [slow.promise, fast.promise];
    const state = useRequest(() => answers.shift()!, { immediate: false });
    const first = state.run();
    const second = state.run();
    fast.resolve('new');
    await second;
    slow.resolve('old');
    await expect(first).resolves.toBeUndefined();
    expect(state.data.value).toBe('new');
    expect(state.loading.value).toBe(false);
  });

  it('keeps an ApiError as is and answers undefined', async () => {
    const failure = new ApiError('X.Y', '失败', 400);
    const state = useRequest(
      async () => {
        throw failure;
      },
      { immediate: false },
    );
    await expect(state.run()).resolves.toBeUndefined();
    expect(state.error.value).toBe(failure);
  });

  it('wraps any other failure in CLIENT.UNEXPECTED so pages show one error shape', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const state = useRequest(
      async () => {
        throw new TypeError('boom');
      },
      { immediate: false },
    );
    await state.run();
    expect(state.error.value).toMatchObject({ code: 'CLIENT.UNEXPECTED', status: 0 });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('clears the previous error when run again', async () => {
    let fail = true;
    const state = useRequest(
      async () => {
        if (fail) throw new ApiError('X', 'x', 500);
        return 1;
      },
      { immediate: false },
    );
    await state.run();
    expect(state.error.value).not.toBeNull();
    fail = false;
    await state.run();
    expect(state.error.value).toBeNull();
    expect(state.data.value).toBe(1);
  });
});
