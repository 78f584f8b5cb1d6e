import { date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A candidate 考生 and his one-file profile 一户一档. ID number and phone are stored only as SM4
 * ciphertext plus an HMAC-SM3 blind index for exact look-ups (NFR-SEC-2); the unique blind index
 * gives "one ID number, one account".
 */
export const candidate = pgTable('candidate', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  gender: text('gender', { enum: ['male', 'female'] }).notNull(),
  birthDate: date('birth_date').notNull(),
  idNumberEnc: text('id_number_enc').notNull(),
  idNumberBidx: text('id_number_bidx').notNull().unique(),
  phoneEnc: text('phone_enc').notNull(),
  phoneBidx: text('phone_bidx').notNull().unique(),
  email: text('email'),
  profile: jsonb('profile').notNull().default({}),
  // Login (identity module): PBKDF2-HMAC-SM3 hash with its parameters; null until the candidate sets one.
  passwordHash: text('password_hash'),
  passwordSetAt: timestamp('password_set_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
