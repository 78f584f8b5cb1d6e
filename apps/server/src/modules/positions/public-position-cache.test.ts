import { describe, expect, it } from 'vitest';
import { createVersionedCache } from './public-position-cache';

function counter() {
  let loads = 0;
  return {
    load: (value: string) => async () => {
      loads++;
      return value;
    },
    loads: () => loads,
  };
}

describe('public position answer cache', () => {
  it('serves a cached answer until the search version changes', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 10, ttlMs: 60_000 });
    const c = counter();
    expect(await cache.get('v1', 'page=1', c.load('a'))).toBe('a');
    expect(await cache.get('v1', 'page=1', c.load('stale'))).toBe('a');
    expect(await cache.get('v2', 'page=1', c.load('b'))).toBe('b');
    expect(c.loads()).toBe(2);
  });

  it('reloads after the TTL even when the version stays', async () => {
    let clock = 0;
    const cache = createVersionedCache<string>({ maxEntries: 10, ttlMs: 1000, now: () => clock });
    await cache.get('v1', 'k', async () => 'old');
    clock = 999;
    expect(await cache.get('v1', 'k', async () => 'new')).toBe('old');
    clock = 1000;
    expect(await cache.get('v1', 'k', async () => 'new')).toBe('new');
  });

  it('lets concurrent misses of one key share one load', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 10, ttlMs: 60_000 });
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = async () => {
      loads++;
      await gate;
      return 'x';
    };
    const answers = Promise.all(Array.from({ length: 50 }, () => cache.get('v1', 'k', load)));
    release();
    expect(await answers).toEqual(Array(50).fill('x'));
    expect(loads).toBe(1);
  });

  it('does not keep a failed load', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 10, ttlMs: 60_000 });
    await expect(cache.get('v1', 'k', () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(await cache.get('v1', 'k', async () => 'ok')).toBe('ok');
  });

  it('evicts the least recently used entry when full', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 2, ttlMs: 60_000 });
    await cache.get('v', 'a', async () => 'a');
    await cache.get('v', 'b', async () => 'b');
    await cache.get('v', 'a', async () => 'a2'); // a is now the most recently used
    await cache.get('v', 'c', async () => 'c');
    expect(cache.size()).toBe(2);
    expect(await cache.get('v', 'a', async () => 'reloaded')).toBe('a');
    expect(await cache.get('v', 'b', async () => 'reloaded')).toBe('reloaded');
  });
});
