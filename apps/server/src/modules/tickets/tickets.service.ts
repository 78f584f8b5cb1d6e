import type { AdmissionTicket, ExamRoomInput } from '@kaolu/contracts';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditActor, AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { maskIdNumber } from '../../platform/masking';
import { findCandidateSummaries } from '../candidates';
import { findEventById, windowOf, type EventRecord } from '../events';
import { findConfirmedRegistrations, findRegistrationSummary } from '../registrations';
import { planSeats } from './seat-plan';
import { admissionTicket, examRoom, seatDraw } from './ticket.table';

export type TicketsService = ReturnType<typeof createTicketsService>;

/** What the ticket reminds every candidate of (考场规则), printed under the seat. */
export const EXAM_RULES = [
  '考生须凭准考证和有效居民身份证（原件）进入考场，二者缺一不可。',
  '开考前30分钟入场，开考15分钟后不得入场，考试结束前不得交卷退场。',
  '除黑色墨水笔、2B铅笔、橡皮外，不得携带任何物品（含电子设备）进入座位。',
  '考生应遵守《公务员录用考试违纪违规行为处理办法》，违纪违规者将按规定处理。',
];

/** Exam rooms, the recorded seat draw and admission tickets 准考证. */
// `now` is the module clock (replaced in tests): it decides when seats are drawn and tickets shown.
export function createTicketsService(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  now: () => Date;
}) {
  const { db, crypto, audit, now } = deps;

  async function loadEvent(eventId: string): Promise<EventRecord> {
    const event = await findEventById(db, eventId);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    return event;
  }

  /** Adds a room for one of the event's exam categories; audited, since the draw depends on it. */
  async function addRoom(eventId: string, input: ExamRoomInput, actor: AuditActor) {
    const event = await loadEvent(eventId);
    // A room for a category the policy does not offer could never be filled by the draw.
    if (!event.policy.examCategories.some((c) => c.code === input.examCategory))
      throw new AppError('REGISTRATION.CATEGORY_INVALID');
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(examRoom)
        .values({ eventId, ...input })
        .returning();
      await audit.record(tx, {
        action: 'exam_room.created',
        actor,
        targetType: 'event',
        targetId: eventId,
        result: 'success',
        details: { ...input },
      });
      return row!;
    });
  }

  /** The event's rooms in site and room order, as staff check them before the draw. */
  async function listRooms(eventId: string) {
    return db
      .select()
      .from(examRoom)
      .where(eq(examRoom.eventId, eventId))
      .orderBy(asc(examRoom.siteName), asc(examRoom.roomCode));
  }

  /**
   * The seat draw, once per event and only after the payment deadline: confirmed registrations get
   * seats by category from a recorded seed; the seed, algorithm and input digest are audited.
   */
  async function assignSeats(eventId: string, seedInput: string | undefined, actor: AuditActor) {
    const event = await loadEvent(eventId);
    // While candidates may still pay, the set of confirmed registrations is not final.
    const payment = windowOf(event, 'payment');
    if (payment && now().getTime() < Date.parse(payment.endsAt))
      throw new AppError('TICKET.PAYMENT_OPEN');
    // Staff may supply the seed, else a random one is made; it is recorded either way.
    const seed = seedInput ?? crypto.randomToken(24);
    return db.transaction(async (tx) => {
      const [done] = await tx
        .select({ id: seatDraw.id })
        .from(seatDraw)
        .where(eq(seatDraw.eventId, eventId));
      // Friendly refusal; the unique event id of seat_draw stops a second draw racing this one.
      if (done) throw new AppError('TICKET.ALREADY_DRAWN');
      const registrations = (await findConfirmedRegistrations(tx, eventId)).map((r) => ({
        id: r.id,
        examCategory: r.examCategory,
      }));
      const rooms = await tx.select().from(examRoom).where(eq(examRoom.eventId, eventId));
      const plan = planSeats(seed, registrations, rooms);
      // Not enough seats in a category: nothing is assigned, and the refusal lists each shortage.
      if (!plan.ok)
        throw new AppError('TICKET.ROOMS_SHORT', { details: { shortages: plan.shortages } });
      const categoryIndex = new Map(event.policy.examCategories.map((c, i) => [c.code, i + 1]));
      // Ticket number: year, category, room ordinal (site, then room order), seat — unique per seat.
      const ordered = [...rooms].sort(
        (a, b) =>
          a.siteName.localeCompare(b.siteName, 'zh-CN') || Number(a.roomCode) - Number(b.roomCode),
      );
      const ordinal = new Map(ordered.map((r, i) => [r.id, i + 1]));
      const categoryOfRoom = new Map(rooms.map((r) => [r.id, r.examCategory]));
      const ticketNumber = (s: (typeof plan.seats)[number]) =>
        `${event.year}${String(categoryIndex.get(categoryOfRoom.get(s.roomId)!) ?? 0).padStart(2, '0')}${String(ordinal.get(s.roomId)).padStart(4, '0')}${String(s.seatNumber).padStart(2, '0')}`;
      // One multi-row insert; the (room, seat) and ticket-number unique keys guard the plan.
      if (plan.seats.length)
        await tx
          .insert(admissionTicket)
          .values(plan.seats.map((s) => ({ ...s, eventId, ticketNumber: ticketNumber(s) })));
      const summary = { assigned: plan.seats.length, rooms: rooms.length };
      const [draw] = await tx
        .insert(seatDraw)
        .values({
          eventId,
          seed,
          algorithm: plan.record.algorithm,
          inputDigest: plan.record.inputDigest,
          summary,
          createdBy: actor.kind === 'staff' ? actor.username : actor.kind,
        })
        .returning();
      await audit.record(tx, {
        action: 'seat.assigned',
        actor,
        targetType: 'event',
        targetId: eventId,
        result: 'success',
        details: {
          seed,
          algorithm: plan.record.algorithm,
          inputDigest: plan.record.inputDigest,
          ...summary,
        },
      });
      return {
        id: draw!.id,
        seed,
        algorithm: draw!.algorithm,
        inputDigest: draw!.inputDigest,
        assigned: plan.seats.length,
        createdAt: draw!.createdAt.toISOString(),
      };
    });
  }

  /** The candidate's admission ticket, once seats are drawn and the printing stage has begun. */
  async function ticketFor(candidateId: string, registrationId: string): Promise<AdmissionTicket> {
    // The registration first (from its module), then the seat and the candidate it names.
    const r = await findRegistrationSummary(db, registrationId);
    const [seat] =
      r && r.candidateId === candidateId
        ? await db
            .select({ t: admissionTicket, room: examRoom })
            .from(admissionTicket)
            .innerJoin(examRoom, eq(examRoom.id, admissionTicket.roomId))
            .where(eq(admissionTicket.registrationId, registrationId))
        : [];
    // Another candidate's registration, no seat yet, or a registration no longer confirmed
    // (cancelled after the draw): all answer not ready, disclosing nothing.
    if (!r || !seat || r.status !== 'confirmed') throw new AppError('TICKET.NOT_READY');
    const [c] = await findCandidateSummaries(db, [r.candidateId]);
    const row = { ...seat, r, c: c! };
    const event = await loadEvent(row.r.eventId);
    const printing = windowOf(event, 'admission_ticket');
    if (printing && now().getTime() < Date.parse(printing.startsAt))
      throw new AppError('TICKET.NOT_READY');
    const exam = windowOf(event, 'written_exam');
    return {
      ticketNumber: row.t.ticketNumber,
      // The full name identifies the candidate at the gate; the ID card itself is shown there, so
      // the printed number stays masked (NFR-SEC-3).
      candidateName: row.c.name,
      idNumberMasked: maskIdNumber(
        crypto.decryptField(row.c.idNumberEnc, {
          table: 'candidate',
          column: 'id_number',
          rowId: row.c.id,
        }),
      ),
      gender: row.c.gender,
      eventName: event.name,
      examCategoryName:
        event.policy.examCategories.find((c) => c.code === row.r.examCategory)?.name ??
        row.r.examCategory,
      siteName: row.room.siteName,
      siteAddress: row.room.siteAddress,
      roomCode: row.room.roomCode,
      seatNumber: row.t.seatNumber,
      examStartsAt: exam?.startsAt ?? null,
      examEndsAt: exam?.endsAt ?? null,
      // The page loads the photo through the candidate's own session, never a public URL.
      photoUrl: '/api/candidate/profile/photo',
      rules: EXAM_RULES,
    };
  }

  return { addRoom, listRooms, assignSeats, ticketFor };
}
