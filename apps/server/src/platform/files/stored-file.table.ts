import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An uploaded file (INT-05 materials), immutable once stored: there is no update path, so a frozen
 * snapshot that names a file id always means the same bytes. The content is SM4 ciphertext bound to
 * this row (NFR-SEC-3); `sm3` is the digest of the clear bytes, checked again on every read.
 * The owner is a kind plus an id rather than a foreign key: platform code knows no module's tables.
 */
export const storedFile = pgTable(
  'stored_file',
  {
    id: uuid('id').primaryKey(),
    ownerKind: text('owner_kind').$type<FileOwnerKind>().notNull(),
    ownerId: uuid('owner_id').notNull(),
    purpose: text('purpose').$type<FilePurpose>().notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').$type<StoredFileMime>().notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sm3: text('sm3').notNull(),
    contentEnc: text('content_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_file_owner_idx').on(t.ownerKind, t.ownerId, t.purpose)],
);

export type FileOwnerKind = 'candidate' | 'staff';
// problem_evidence: files a candidate gives with a problem-center case (ONL-01).
export type FilePurpose = 'profile_attachment' | 'problem_evidence';
export type StoredFileMime = 'application/pdf' | 'image/jpeg' | 'image/png';
