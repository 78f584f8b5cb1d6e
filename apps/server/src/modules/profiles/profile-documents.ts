import type { Profile, ProfileDocument, SaveProfile } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditActor, AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { maskAddress, maskIdNumber, maskPhone } from '../../platform/masking';
import { findCandidateById } from '../candidates';
import type { createProfileAttachments } from './profile-attachments.service';
import { ad, type StoredProfileDocument } from './profile-secrets';
import { candidatePhoto, candidateProfile, candidateProfileVersion } from './profile.table';

/** A frozen copy for a registration: the version and the document as stored (still encrypted). */
export type ProfileSnapshot = {
  version: number;
  document: StoredProfileDocument;
  photoConfirmed: boolean;
};

/**
 * The profile document 一户一档 (NFR-DB-1): the candidate's masked read, the versioned save with
 * its secrets sealed, and the frozen snapshot registrations and applications take.
 */
export function createProfileDocuments(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  attachments: Pick<ReturnType<typeof createProfileAttachments>, 'resolveAttachments'>;
  now: () => Date;
}) {
  const { db, crypto, audit, attachments, now } = deps;

  /** The candidate's identity row (name, birth date, encrypted ID number and phone). */
  async function identityOf(tx: DbOrTx, candidateId: string) {
    const row = await findCandidateById(tx, candidateId);
    if (!row) throw new AppError('COMMON.NOT_FOUND');
    return row;
  }

  /** The candidate's profile, personal data masked (NFR-SEC-3). */
  async function getProfile(candidateId: string): Promise<Profile> {
    const [person, [profile], [photo]] = await Promise.all([
      identityOf(db, candidateId),
      db.select().from(candidateProfile).where(eq(candidateProfile.candidateId, candidateId)),
      db
        .select({
          width: candidatePhoto.width,
          height: candidatePhoto.height,
          sizeBytes: candidatePhoto.sizeBytes,
          confirmedAt: candidatePhoto.confirmedAt,
          uploadedAt: candidatePhoto.uploadedAt,
        })
        .from(candidatePhoto)
        .where(eq(candidatePhoto.candidateId, candidateId)),
    ]);
    // Ciphertexts never leave the server: they are stripped from the document and only their
    // masked clear text is answered beside it.
    const stored = profile?.document as StoredProfileDocument | undefined;
    const { addressEnc, ...contact } = stored?.contact ?? {};
    const { numberEnc, ...permit } = stored?.residencePermit ?? {};
    return {
      identity: {
        name: person.name,
        gender: person.gender,
        birthDate: person.birthDate,
        idNumberMasked: maskIdNumber(
          crypto.decryptField(person.idNumberEnc, {
            table: 'candidate',
            column: 'id_number',
            rowId: person.id,
          }),
        ),
        phoneMasked: maskPhone(
          crypto.decryptField(person.phoneEnc, {
            table: 'candidate',
            column: 'phone',
            rowId: person.id,
          }),
        ),
      },
      // 0 before the first save: the client sends it back and the first save expects 0.
      version: profile?.version ?? 0,
      document: stored
        ? { ...stored, contact, residencePermit: stored.residencePermit ? permit : null }
        : null,
      addressMasked: addressEnc
        ? maskAddress(crypto.decryptField(addressEnc, ad(candidateId, 'document.address')))
        : null,
      permitNumberMasked: numberEnc
        ? maskPhone(crypto.decryptField(numberEnc, ad(candidateId, 'document.permit_number')))
        : null,
      photo: photo
        ? {
            width: photo.width,
            height: photo.height,
            sizeBytes: photo.sizeBytes,
            confirmed: photo.confirmedAt !== null,
            uploadedAt: photo.uploadedAt.toISOString(),
          }
        : null,
      updatedAt: profile?.updatedAt.toISOString() ?? null,
    };
  }

  /** Saves a new version; a stale version is refused, omitted secrets keep their stored ciphertext. */
  async function saveProfile(
    candidateId: string,
    input: SaveProfile,
    actor: AuditActor,
  ): Promise<Profile> {
    await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(candidateProfile)
        .where(eq(candidateProfile.candidateId, candidateId))
        .for('update');
      // Optimistic check under the row lock: a save from a second tab based on an older version
      // would silently overwrite the first, so it is refused with the current version.
      if ((current?.version ?? 0) !== input.version)
        throw new AppError('PROFILE.VERSION_CONFLICT', {
          details: { version: current?.version ?? 0 },
        });
      const previous = current?.document as StoredProfileDocument | undefined;
      const resolved = await attachments.resolveAttachments(
        tx,
        candidateId,
        input.document.attachments,
      );
      const document = sealDocument(
        candidateId,
        { ...input.document, attachments: resolved },
        previous,
      );
      // The current row and a new version row are written together with the audit entry.
      const version = input.version + 1;
      if (current)
        await tx
          .update(candidateProfile)
          .set({ version, document, updatedAt: now() })
          .where(eq(candidateProfile.candidateId, candidateId));
      else await tx.insert(candidateProfile).values({ candidateId, version, document });
      // Every version is kept (a registration freezes one), so history is never overwritten.
      await tx.insert(candidateProfileVersion).values({ candidateId, version, document });
      await audit.record(tx, {
        action: 'profile.updated',
        actor,
        targetType: 'candidate',
        targetId: candidateId,
        result: 'success',
        details: { version, attachments: resolved.length },
      });
    });
    return getProfile(candidateId);
  }

  /**
   * Encrypts the address and permit number into the stored document. The client never receives the
   * clear values back, so an empty field on save means "unchanged": the previous ciphertext stays.
   */
  function sealDocument(
    candidateId: string,
    doc: ProfileDocument,
    previous?: StoredProfileDocument,
  ): StoredProfileDocument {
    const { address, ...contact } = doc.contact;
    const addressEnc = address
      ? crypto.encryptField(address, ad(candidateId, 'document.address'))
      : previous?.contact.addressEnc;
    let residencePermit: StoredProfileDocument['residencePermit'] = null;
    if (doc.residencePermit) {
      const { number, ...permit } = doc.residencePermit;
      const numberEnc = number
        ? crypto.encryptField(number, ad(candidateId, 'document.permit_number'))
        : previous?.residencePermit?.numberEnc;
      residencePermit = { ...permit, ...(numberEnc ? { numberEnc } : {}) };
    }
    return {
      ...doc,
      contact: { ...contact, ...(addressEnc ? { addressEnc } : {}) },
      residencePermit,
    };
  }

  /** The current profile frozen for a registration, or PROFILE.NOT_FOUND when none was saved. */
  async function snapshotOf(candidateId: string, tx: DbOrTx = db): Promise<ProfileSnapshot> {
    const [[profile], [photo]] = await Promise.all([
      tx.select().from(candidateProfile).where(eq(candidateProfile.candidateId, candidateId)),
      tx
        .select({ confirmedAt: candidatePhoto.confirmedAt })
        .from(candidatePhoto)
        .where(eq(candidatePhoto.candidateId, candidateId)),
    ]);
    // The document stays encrypted in the snapshot; a reader decrypts with the candidate's ad.
    if (!profile) throw new AppError('PROFILE.NOT_FOUND');
    return {
      version: profile.version,
      document: profile.document as StoredProfileDocument,
      photoConfirmed: Boolean(photo?.confirmedAt),
    };
  }

  return { identityOf, getProfile, saveProfile, snapshotOf };
}
