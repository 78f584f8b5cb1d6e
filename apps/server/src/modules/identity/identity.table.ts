import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Every timestamp is timestamptz: sessions and lockouts compare instants across server time zones.
const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A back-office user (every non-candidate role). The phone is SM4 ciphertext for the SMS second
 * factor; the password hash carries its own parameters so iterations can be raised later.
 */
export const staffUser = pgTable('staff_user', {
  id: uuid('id').primaryKey().defaultRandom(),
  // Unique as typed; staff-users.service also refuses names that differ only in case.
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  phoneEnc: text('phone_enc'),
  // The masked phone for lists and the login page, so showing it needs no decryption (NFR-SEC-3).
  phoneMasked: text('phone_masked'),
  passwordHash: text('password_hash').notNull(),
  passwordSetAt: ts('password_set_at').notNull().defaultNow(),
  // Initial and administrator-reset passwords are one-time: change at first login, expire in ≤ 24 h.
  oneTimePasswordExpiresAt: ts('one_time_password_expires_at'),
  totpSecretEnc: text('totp_secret_enc'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  // Last accepted TOTP time step, so one code cannot be replayed within its window.
  totpLastStep: integer('totp_last_step'),
  disabled: boolean('disabled').notNull().default(false),
  // Set only after the second factor, so it records completed logins.
  lastLoginAt: ts('last_login_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Previous password hashes of staff and candidates: a new password must differ from the last 5. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectKind: text('subject_kind', { enum: ['staff', 'candidate'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  // Serves the "last five of this person" read on every password change.
  (t) => [index('password_history_subject_idx').on(t.subjectKind, t.subjectId, t.createdAt)],
);

/**
 * A login session. Only the SM3 hash of the opaque token is stored, so a database leak gives no
 * usable cookie and every server instance can check a token. Staff sessions start at the second step.
 */
export const userSession = pgTable(
  'user_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Looked up on every request: the unique index is the session lookup.
    tokenHash: text('token_hash').notNull().unique(),
    subjectKind: text('subject_kind', { enum: ['staff', 'candidate'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    stage: text('stage', { enum: ['second_factor', 'active'] }).notNull(),
    // Where the session started, for sec_admin's session list.
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('user_session_subject_idx').on(t.subjectKind, t.subjectId)],
);

/** Role grants of staff users, optionally scoped to a unit and/or an event (roles live in contracts). */
export const roleGrant = pgTable(
  'role_grant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUser.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    // Null for roles without a unit scope; an event scope works the same way with eventId.
    unitId: uuid('unit_id'),
    eventId: uuid('event_id'),
    // Interview roles (scope 'interview'): eventId is the interview event, narrowed to one venue
    // and / or one session when set (IVW-05 check-in scope per account).
    venueId: uuid('venue_id'),
    sessionId: uuid('session_id'),
    grantedBy: text('granted_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('role_grant_user_idx').on(t.staffUserId),
    // NULLS NOT DISTINCT would need PG 15 everywhere; coalesce keeps one grant per (user, role, scope).
    uniqueIndex('role_grant_unique_idx').on(
      t.staffUserId,
      t.role,
      sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.eventId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.venueId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.sessionId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

/** REG-07: addresses and CIDR ranges staff may log in from; empty means loopback only. */
export const ipAllowEntry = pgTable('ip_allow_entry', {
  id: uuid('id').primaryKey().defaultRandom(),
  cidr: text('cidr').notNull().unique(),
  note: text('note').notNull().default(''),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * Failure counters for lockout (per account or per unknown login name) and per-IP throttling.
 * Kept in the database so the limits hold across server instances.
 */
export const loginThrottle = pgTable('login_throttle', {
  // `staff:<id>`, `candidate:<id>`, `<kind>:name:<sm3>` for unknown names, or `ip:<address>`.
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: ts('window_started_at').notNull().defaultNow(),
  lockedUntil: ts('locked_until'),
});

/** One-time SMS codes (registration, password reset, staff second factor): hashed, 5 min, 5 tries. */
export const verificationCode = pgTable(
  'verification_code',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose', { enum: ['register', 'reset_password', 'second_factor'] }).notNull(),
    // The phone's blind index (registration, reset) or the pending session's id (second factor).
    subjectKey: text('subject_key').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    consumedAt: ts('consumed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('verification_code_subject_idx').on(t.purpose, t.subjectKey, t.createdAt)],
);
