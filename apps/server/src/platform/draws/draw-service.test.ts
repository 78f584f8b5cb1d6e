import { createSeededRandom, sm3Hex } from '@kaolu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import type { ChangeContext } from '../auth/request-context';

describe('verifiable draws (REG-08)', () => {
  let t: TestApp;
  const ctx: ChangeContext = {
    actor: { kind: 'staff', id: '00000000-0000-4000-8000-000000000001', username: 'drawer' },
  };
  const items = ['甲', '乙', '丙', '丁', '戊'];
  const shuffle = (input: unknown, seed: string) =>
    createSeededRandom(seed).shuffle(input as string[]);

  beforeAll(async () => {
    t = await createTestApp();
    t.app.kaolu.draws.registerReplayer('candidates', shuffle);
  });
  afterAll(() => t.close());

  it('publishes the seed hash first, reveals a seed that hashes to it, and replays to the same result', async () => {
    const { draws, database } = t.app.kaolu;
    const committed = await database.db.transaction((tx) =>
      draws.commit(tx, { kind: 'candidates', scopeKey: 'session-1' }, ctx),
    );
    const before = await draws.find(committed.id);
    // Before the draw nobody sees the seed, only its hash.
    expect(before).toMatchObject({ status: 'committed', seed: null, seedHash: committed.seedHash });
    const { result, row } = await database.db.transaction((tx) =>
      draws.draw(tx, committed.id, items, (seed) => shuffle(items, seed), ctx),
    );
    expect(sm3Hex(row.seed!)).toBe(committed.seedHash);
    expect([...result].sort()).toEqual([...items].sort());
    expect(await draws.replay(committed.id)).toEqual({
      seedMatchesHash: true,
      resultMatches: true,
    });
    await expect(
      database.db.transaction((tx) => draws.draw(tx, committed.id, items, () => [], ctx)),
    ).rejects.toMatchObject({ code: 'DRAW.ALREADY_DRAWN' });
  });

  it('refuses a silent redraw and keeps the superseded draw beside the new one', async () => {
    const { draws, database } = t.app.kaolu;
    const commit = (redrawReason?: string) =>
      database.db.transaction((tx) =>
        draws.commit(tx, { kind: 'candidates', scopeKey: 'session-2', redrawReason }, ctx),
      );
    const first = await commit();
    await expect(commit()).rejects.toMatchObject({ code: 'DRAW.REDRAW_NEEDS_REASON' });
    const second = await commit('考生名单有误，重新抽签');
    expect(second.seedHash).not.toBe(first.seedHash);
    const history = await draws.history('candidates', 'session-2');
    expect(history.map((d) => [d.id, d.status])).toEqual([
      [second.id, 'committed'],
      [first.id, 'superseded'],
    ]);
    expect(history[0]!.supersedes).toBe(first.id);
  });
});
