import {
  customType,
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

// A bytea column whose value is always a Buffer: PGlite answers Uint8Array, node-postgres Buffer.
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The current profile document 一户一档 of a candidate (NFR-DB-1 JSONB). Address and permit number
 * are inside the document only as SM4 ciphertext bound to this row; `version` rises on every save.
 */
export const candidateProfile = pgTable('candidate_profile', {
  candidateId: uuid('candidate_id')
    .primaryKey()
    .references(() => candidate.id),
  version: integer('version').notNull(),
  document: jsonb('document').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every saved version, kept so a registration's frozen snapshot can be traced and compared. */
export const candidateProfileVersion = pgTable(
  'candidate_profile_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    version: integer('version').notNull(),
    document: jsonb('document').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One row per (candidate, version): two saves cannot both write the same version.
  (t) => [unique('candidate_profile_version_uq').on(t.candidateId, t.version)],
);

/** The registration photo: JPEG bytes with the measured size; fixed once `confirmedAt` is set (§7). */
export const candidatePhoto = pgTable(
  'candidate_photo',
  {
    candidateId: uuid('candidate_id')
      .primaryKey()
      .references(() => candidate.id),
    content: bytea('content').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('candidate_photo_confirmed_idx').on(t.confirmedAt)],
);
