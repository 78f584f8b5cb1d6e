import type { RevealPersonalData } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { candidate } from './candidate.table';
import type { CandidateRecord } from './candidates.queries';

const COLUMNS = { id_number: 'idNumberEnc', phone: 'phoneEnc' } as const;
const ad = (id: string, column: string) => ({ table: 'candidate', column, rowId: id });

/** What a new candidate account holds; ID number and phone arrive clear and are encrypted here. */
export type NewCandidate = {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  idNumber: string;
  idNumberBidx: string;
  phone: string;
  phoneBidx: string;
  passwordHash: string;
  passwordSetAt: Date;
};

export type CandidatesService = ReturnType<typeof createCandidatesService>;

/**
 * The one owner of the candidate record (NFR-MNT-1): identity creates accounts and sets passwords
 * through it; every write runs in the caller's transaction so its audit entry commits with it.
 */
export function createCandidatesService(deps: { db: Db; crypto: CryptoProvider; audit: AuditLog }) {
  const { db, crypto, audit } = deps;

  return {
    /** Inserts a registered candidate (encrypted ID number and phone, NFR-SEC-2). */
    async create(tx: DbOrTx, input: NewCandidate): Promise<CandidateRecord> {
      const { idNumber, phone, ...rest } = input;
      const [created] = await tx
        .insert(candidate)
        .values({
          ...rest,
          idNumberEnc: crypto.encryptField(idNumber, ad(input.id, 'id_number')),
          phoneEnc: crypto.encryptField(phone, ad(input.id, 'phone')),
        })
        .returning();
      return created!;
    },

    /** A new password hash (set, reset or changed), with when it was set. */
    async setPassword(tx: DbOrTx, id: string, passwordHash: string, at: Date): Promise<void> {
      await tx
        .update(candidate)
        .set({ passwordHash, passwordSetAt: at, updatedAt: at })
        .where(eq(candidate.id, id));
    },

    /** The registered name after an approved name-change case (ONL-01); the caller audits it. */
    async rename(tx: DbOrTx, id: string, name: string, at: Date): Promise<void> {
      await tx.update(candidate).set({ name, updatedAt: at }).where(eq(candidate.id, id));
    },

    /** The same password under stronger hash parameters (login found the old ones); not a password change. */
    async rehashPassword(tx: DbOrTx, id: string, passwordHash: string): Promise<void> {
      await tx.update(candidate).set({ passwordHash }).where(eq(candidate.id, id));
    },

    /**
     * NFR-SEC-3: one clear value of one candidate for a permitted staff user with a reason; the
     * audit entry commits in the same transaction before the value leaves the server.
     */
    async reveal(
      id: string,
      field: RevealPersonalData['field'],
      reason: string,
      ctx: ChangeContext,
    ): Promise<string> {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(candidate).where(eq(candidate.id, id));
        if (!row) throw new AppError('CANDIDATE.NOT_FOUND');
        await audit.record(tx, {
          action: 'personal_data.revealed',
          ...auditBase(ctx),
          targetType: 'candidate',
          targetId: row.id,
          result: 'success',
          details: { field, reason },
        });
        return crypto.decryptField(row[COLUMNS[field]], {
          table: 'candidate',
          column: field,
          rowId: row.id,
        });
      });
    },
  };
}
