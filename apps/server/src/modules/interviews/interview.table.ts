import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { candidate } from '../candidates/candidate.table';
import { recruitmentEvent } from '../events/event.table';
import { unit } from '../units/unit.table';

// The interview system 面试系统 (IVW-01 … IVW-07): an interview event and its setup, the imported
// candidates, positions and examiners, and the arrangement the draws produce. Personal data of
// imported people is sealed (SM4, `_enc`) with a blind index for look-ups (NFR-SEC-2).

export const INTERVIEW_EVENT_STATUSES = ['setup', 'running', 'closed'] as const;

/** An interview event, usually linked to the recruitment event whose lists it interviews. */
export const interviewEvent = pgTable('interview_event', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  recruitmentEventId: uuid('recruitment_event_id').references(() => recruitmentEvent.id),
  status: text('status', { enum: INTERVIEW_EVENT_STATUSES }).notNull().default('setup'),
  // Majors 专业 the professional interviews are grouped by: [{ code, name }].
  majors: jsonb('majors').notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const INTERVIEW_KINDS = ['structured', 'professional', 'group_structured'] as const;

/**
 * An interview type of the event (结构化面试, 专业面试, 结构化小组面试) with its scoring indicators
 * [{ code, name, weight, max, bands: [{ name, min, max }] }] and grade bands 面试档次 [{ name, min }].
 */
export const interviewType = pgTable(
  'interview_type',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewEventId: uuid('interview_event_id')
      .notNull()
      .references(() => interviewEvent.id),
    kind: text('kind', { enum: INTERVIEW_KINDS }).notNull(),
    name: text('name').notNull(),
    indicators: jsonb('indicators').notNull().default([]),
    gradeBands: jsonb('grade_bands').notNull().default([]),
    // §7: 5–9 examiners, odd, usually 7, one of them the chief examiner.
    examinerCount: integer('examiner_count').notNull().default(7),
  },
  (t) => [unique('interview_type_kind_uq').on(t.interviewEventId, t.kind)],
);

/** A half day of interviews 场次. */
export const interviewSession = pgTable(
  'interview_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewEventId: uuid('interview_event_id')
      .notNull()
      .references(() => interviewEvent.id),
    // The calendar day in Shanghai, YYYY-MM-DD, and the half day.
    day: text('day').notNull(),
    halfDay: text('half_day', { enum: ['am', 'pm'] }).notNull(),
  },
  (t) => [unique('interview_session_uq').on(t.interviewEventId, t.day, t.halfDay)],
);

export const interviewVenue = pgTable('interview_venue', {
  id: uuid('id').primaryKey().defaultRandom(),
  interviewEventId: uuid('interview_event_id')
    .notNull()
    .references(() => interviewEvent.id),
  name: text('name').notNull(),
  address: text('address'),
});

export const interviewRoom = pgTable('interview_room', {
  id: uuid('id').primaryKey().defaultRandom(),
  venueId: uuid('venue_id')
    .notNull()
    .references(() => interviewVenue.id),
  name: text('name').notNull(),
});

/**
 * An interview group 面试组: one room on one day, the positions it keeps all day (§7 continuity)
 * and its seats besides the chief examiner (fixed, rotating unit examiners, professional).
 */
export const interviewGroup = pgTable(
  'interview_group',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewEventId: uuid('interview_event_id')
      .notNull()
      .references(() => interviewEvent.id),
    roomId: uuid('room_id')
      .notNull()
      .references(() => interviewRoom.id),
    day: text('day').notNull(),
    name: text('name').notNull(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => interviewType.id),
    fixedSeats: integer('fixed_seats').notNull().default(4),
    rotatingSeats: integer('rotating_seats').notNull().default(2),
    professionalSeats: integer('professional_seats').notNull().default(0),
  },
  (t) => [unique('interview_group_room_day_uq').on(t.roomId, t.day)],
);

/** A position interviewed in the event; groupId is the group that keeps it all day. */
export const interviewPosition = pgTable(
  'interview_position',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewEventId: uuid('interview_event_id')
      .notNull()
      .references(() => interviewEvent.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    unitId: uuid('unit_id').references(() => unit.id),
    unitName: text('unit_name').notNull(),
    major: text('major'),
    groupId: uuid('group_id').references(() => interviewGroup.id),
  },
  (t) => [unique('interview_position_code_uq').on(t.interviewEventId, t.code)],
);

/**
 * A candidate to interview: from the recruitment event's lists (candidateId set) or an Excel import.
 * Check-in (IVW-05) and the candidate draw (IVW-06) write the last columns.
 */
export const interviewCandidate = pgTable(
  'interview_candidate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewEventId: uuid('interview_event_id')
      .notNull()
      .references(() => interviewEvent.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => interviewPosition.id),
    candidateId: uuid('candidate_id').references(() => candidate.id),
    ticketNumber: text('ticket_number').notNull(),
    nameEnc: text('name_enc').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    // The ID-card reader's number finds the candidate through this (IVW-05).
    idNumberBidx: text('id_number_bidx').notNull(),
    gender: text('gender'),
    // 心理测评 information as imported (IVW-02): shown to examiners, never scored.
    psych: jsonb('psych'),
    sessionId: uuid('session_id').references(() => interviewSession.id),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: text('checked_in_by'),
    subGroup: text('sub_group'),
    drawPosition: integer('draw_position'),
    orderNumber: integer('order_number'),
  },
  (t) => [
    unique('interview_candidate_ticket_uq').on(t.interviewEventId, t.ticketNumber),
    unique('interview_candidate_bidx_uq').on(t.interviewEventId, t.idNumberBidx),
    index('interview_candidate_position_idx').on(t.positionId),
  ],
);

/** An examiner 考官 of the event's pool, with what he may do and the conflicts he declared. */
export const interviewExaminer = pgTable(
  'interview_examiner',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewEventId: uuid('interview_event_id')
      .notNull()
      .references(() => interviewEvent.id),
    code: text('code').notNull(),
    nameEnc: text('name_enc').notNull(),
    phoneEnc: text('phone_enc'),
    unitId: uuid('unit_id').references(() => unit.id),
    unitName: text('unit_name').notNull(),
    district: text('district'),
    chiefCapable: boolean('chief_capable').notNull().default(false),
    professionalCapable: boolean('professional_capable').notNull().default(false),
    // A fixed examiner sits every session; others rotate in by the draw.
    fixed: boolean('fixed').notNull().default(false),
    conflictUnitIds: jsonb('conflict_unit_ids').notNull().default([]),
    conflictPositionCodes: jsonb('conflict_position_codes').notNull().default([]),
    // The staff account he signs in with on the venue tablet (IVW-08), once one is linked.
    staffUserId: uuid('staff_user_id'),
  },
  (t) => [unique('interview_examiner_code_uq').on(t.interviewEventId, t.code)],
);

/** One examiner in one seat of one group for one session: the examiner draw's output (IVW-04). */
export const examinerAssignment = pgTable(
  'examiner_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => interviewSession.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => interviewGroup.id),
    examinerId: uuid('examiner_id')
      .notNull()
      .references(() => interviewExaminer.id),
    seat: text('seat', { enum: ['chief', 'fixed', 'rotating', 'professional'] }).notNull(),
    drawId: uuid('draw_id'),
    // Examiner check-in (IVW-07): the examiner learns his group here.
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [unique('examiner_assignment_session_uq').on(t.sessionId, t.examinerId)],
);
