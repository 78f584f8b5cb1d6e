import { createDrawRecord, createSeededRandom, deriveSeed, type DrawRecord } from '@kaolu/domain';

/** A room as the draw reads it; capacity is the number of seats. */
export type PlanRoom = {
  id: string;
  examCategory: string;
  siteName: string;
  roomCode: string;
  capacity: number;
};
/** One assigned seat, numbered from 1 within its room. */
export type PlanSeat = { registrationId: string; roomId: string; seatNumber: number };
/** The plan with its draw record, or each category whose rooms seat fewer than its candidates. */
export type SeatPlan =
  | { ok: true; seats: PlanSeat[]; record: DrawRecord }
  | { ok: false; shortages: Array<{ examCategory: string; candidates: number; seats: number }> };

/**
 * Seats by category from a recorded seed: each category's registrations (sorted by id, so the
 * input does not depend on query order) are shuffled with a seed derived from the recorded one,
 * then fill its rooms in site/room order. Same seed and input → same seats, replayable by anyone.
 */
export function planSeats(
  seed: string,
  registrations: ReadonlyArray<{ id: string; examCategory: string }>,
  rooms: readonly PlanRoom[],
): SeatPlan {
  const byCategory = new Map<string, string[]>();
  for (const r of registrations)
    byCategory.set(r.examCategory, [...(byCategory.get(r.examCategory) ?? []), r.id]);
  // Room order independent of the query: site (Chinese collation), numeric room code, then id.
  const sortedRooms = [...rooms].sort(
    (a, b) =>
      a.siteName.localeCompare(b.siteName, 'zh-CN') ||
      Number(a.roomCode) - Number(b.roomCode) ||
      a.id.localeCompare(b.id),
  );
  // Categories in code order, so the shortage list and the input digest are stable.
  const categories = [...byCategory.keys()].sort();
  const shortages = categories
    .map((c) => ({
      examCategory: c,
      candidates: byCategory.get(c)!.length,
      seats: sortedRooms.filter((r) => r.examCategory === c).reduce((s, r) => s + r.capacity, 0),
    }))
    .filter((s) => s.seats < s.candidates);
  if (shortages.length) return { ok: false, shortages };
  // The exact input the digest covers: sorted ids per category and the rooms in fill order.
  const input = {
    categories: categories.map((c) => ({ category: c, ids: [...byCategory.get(c)!].sort() })),
    rooms: sortedRooms.map((r) => [r.id, r.examCategory, r.capacity]),
  };
  const seats: PlanSeat[] = [];
  for (const { category, ids } of input.categories) {
    // A seed per category, so adding a category to the event does not reshuffle the others.
    const order = createSeededRandom(deriveSeed(seed, category)).shuffle(ids);
    let next = 0;
    for (const room of sortedRooms.filter((r) => r.examCategory === category)) {
      for (let seat = 1; seat <= room.capacity && next < order.length; seat++)
        seats.push({ registrationId: order[next++]!, roomId: room.id, seatNumber: seat });
    }
  }
  return { ok: true, seats, record: createDrawRecord(seed, input) };
}
