import type { SheetSync, SheetSyncResult } from '@kaolu/contracts';
import { describe, expect, it } from 'vitest';
import { createSheetBook, RETRY_MS, SHEET_PLACE_LABELS, type SendSheet } from './sheet-book';
import { createMemorySheetStore, type SheetStore } from './sheet-store';

// The tablet's sheet book (IVW-08) against an in-memory store and a scripted server: what was typed
// survives a restart, only the newest revision is sent, a lost answer is sent again harmlessly.

const slot = {
  ownerId: 'u1',
  sessionId: '00000000-0000-4000-8000-000000000001',
  groupId: '00000000-0000-4000-8000-000000000002',
  interviewCandidateId: '00000000-0000-4000-8000-000000000003',
  kind: 'structured' as const,
};

/** A fake server holding the highest revision per key, answering repeats with replay: true. */
function fakeServer() {
  const held = new Map<string, SheetSync>();
  const calls: Array<{ key: string; body: SheetSync }> = [];
  let down = false;
  let refuseSubmit = false;
  const send: SendSheet = async (key, body) => {
    calls.push({ key, body });
    if (down)
      throw Object.assign(new Error('网络异常'), { status: 0, code: 'NETWORK.UNAVAILABLE' });
    if (body.submit && refuseSubmit) {
      throw Object.assign(new Error('评分表有误'), {
        status: 400,
        code: 'INTERVIEW.SHEET_INVALID',
        details: { problems: [{ indicator: 'A', message: '综合分析能力：超过满分 20 分' }] },
      });
    }
    const old = held.get(key);
    if (old && old.revision >= body.revision) {
      return {
        clientKey: key,
        revision: old.revision,
        status: old.submit ? 'submitted' : 'draft',
        replay: true,
      };
    }
    held.set(key, body);
    const status = body.submit ? 'submitted' : 'draft';
    return { clientKey: key, revision: body.revision, status, replay: false } as SheetSyncResult;
  };
  return {
    send,
    held,
    calls,
    setDown: (v: boolean) => (down = v),
    setRefuseSubmit: (v: boolean) => (refuseSubmit = v),
  };
}

/** A book on `store` whose retries wait for the test to run them. */
function bookOn(store: SheetStore, send: SendSheet, online = () => true) {
  const timers: Array<{ run: () => void; ms: number }> = [];
  let n = 0;
  const book = createSheetBook({
    store,
    send,
    newKey: () => `00000000-0000-4000-8000-00000000010${n++}`,
    isOnline: online,
    schedule: (run, ms) => {
      const t = { run, ms };
      timers.push(t);
      return t;
    },
    cancel: (t) => timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
  });
  return { book, timers };
}

describe('the tablet sheet book', () => {
  it('stores every change before sending and keeps one sheet per slot', async () => {
    const store = createMemorySheetStore();
    const server = fakeServer();
    const { book } = bookOn(store, server.send);
    await book.load();
    await book.edit(slot, { scores: { A: 15 } });
    await book.edit(slot, { scores: { B: 12.5 }, comment: '表达清楚' });
    await book.flush();
    const sheet = book.find(slot)!;
    expect(sheet.revision).toBe(2);
    expect(sheet.scores).toEqual({ A: 15, B: 12.5 });
    expect(server.held.size).toBe(1);
    expect(server.held.get(sheet.clientKey)?.scores).toEqual({ A: 15, B: 12.5 });
    expect(book.placeOf(sheet)).toBe('draft');
    expect(SHEET_PLACE_LABELS[book.placeOf(sheet)]).toBe('已同步到服务器（未提交）');
  });

  it('keeps what was typed offline across a restart and sends only the newest revision', async () => {
    const store = createMemorySheetStore();
    const server = fakeServer();
    let online = false;
    const first = bookOn(store, server.send, () => online);
    await first.book.load();
    await first.book.edit(slot, { scores: { A: 10 } });
    await first.book.edit(slot, { scores: { A: 11 } });
    await first.book.edit(slot, { scores: { B: 9 } });
    expect(server.calls).toHaveLength(0);
    expect(first.book.placeOf(first.book.find(slot))).toBe('local');
    expect(first.timers.length).toBeGreaterThan(0);

    // The tablet restarts while still offline, then the network comes back.
    const second = bookOn(store, server.send, () => online);
    await second.book.load();
    expect(second.book.find(slot)?.scores).toEqual({ A: 11, B: 9 });
    expect(second.book.pendingCount()).toBe(1);
    online = true;
    await second.book.flush();
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.body.revision).toBe(3);
    expect(second.book.pendingCount()).toBe(0);
    expect(second.book.placeOf(second.book.find(slot))).toBe('draft');
  });

  it('retries a failed send with growing delays and stops once acknowledged', async () => {
    const server = fakeServer();
    server.setDown(true);
    const { book, timers } = bookOn(createMemorySheetStore(), server.send);
    await book.load();
    await book.edit(slot, { scores: { A: 8 } });
    await book.idle();
    expect(timers.map((t) => t.ms)).toEqual([RETRY_MS[0]]);
    timers.shift()!.run();
    await book.idle();
    expect(timers.map((t) => t.ms)).toEqual([RETRY_MS[1]]);
    expect(book.lastError()).toBe('网络异常');
    expect(server.calls).toHaveLength(2);
    server.setDown(false);
    timers.shift()!.run();
    await book.idle();
    expect(timers).toHaveLength(0);
    expect(book.pendingCount()).toBe(0);
    expect(book.lastError()).toBeNull();
  });

  it('treats a replayed answer as an acknowledgement (a lost answer sent again)', async () => {
    const store = createMemorySheetStore();
    const server = fakeServer();
    const { book } = bookOn(store, server.send);
    await book.load();
    await book.edit(slot, { scores: { A: 7 } });
    await book.flush();
    // The same revision again, as after an answer lost on the way back: nothing changes.
    const key = book.find(slot)!.clientKey;
    const again = await server.send(key, server.held.get(key)!);
    expect(again.replay).toBe(true);
    expect(server.held.get(key)?.revision).toBe(1);
  });

  it('goes above a higher revision typed on another device instead of losing this one', async () => {
    const server = fakeServer();
    const { book } = bookOn(createMemorySheetStore(), server.send);
    await book.load();
    await book.edit(slot, { scores: { A: 7 } });
    await book.flush();
    const key = book.find(slot)!.clientKey;
    server.held.set(key, { ...server.held.get(key)!, revision: 5, scores: { A: 1 } });
    await book.edit(slot, { scores: { A: 9 } });
    await book.flush();
    expect(server.held.get(key)?.revision).toBe(6);
    expect(server.held.get(key)?.scores).toEqual({ A: 9 });
  });

  it('shows a refused 提交 with its problems and keeps the scores on the server as a draft', async () => {
    const server = fakeServer();
    server.setRefuseSubmit(true);
    const { book } = bookOn(createMemorySheetStore(), server.send);
    await book.load();
    await book.edit(slot, { scores: { A: 25 } });
    const sheet = await book.submit(slot);
    await book.flush();
    expect(sheet.refusal?.problems).toEqual([
      { field: 'A', message: '综合分析能力：超过满分 20 分' },
    ]);
    const now = book.find(slot)!;
    expect(now.refusal?.code).toBe('INTERVIEW.SHEET_INVALID');
    expect(book.placeOf(now)).toBe('draft');
    expect(server.held.get(now.clientKey)?.submit).toBe(false);
    expect(book.editable(now)).toBe(true);
  });

  it('takes over the server copy and a status changed there (confirmed by the supervisor)', async () => {
    const server = fakeServer();
    const { book } = bookOn(createMemorySheetStore(), server.send);
    await book.load();
    const stored = {
      clientKey: '00000000-0000-4000-8000-000000000999',
      revision: 4,
      status: 'submitted' as const,
      scores: { A: 18 },
      comment: null,
      submittedAt: '2026-12-10T02:00:00.000Z',
      withdrawReason: null,
    };
    await book.adopt(slot, stored);
    expect(book.find(slot)?.clientKey).toBe(stored.clientKey);
    expect(book.editable(book.find(slot))).toBe(false);
    await book.adopt(slot, { ...stored, status: 'confirmed' });
    expect(book.placeOf(book.find(slot))).toBe('confirmed');
    expect(server.calls).toHaveLength(0);
  });
});
