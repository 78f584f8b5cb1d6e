import { createHash } from 'node:crypto';
import type { EventPolicy, Profile, ProfileDocument, SaveProfile } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditActor, AuditLog } from '../../platform/audit';
import type { CryptoProvider, FieldAssociatedData } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { createFileStore } from '../../platform/files';
import { maskAddress, maskIdNumber, maskPhone } from '../../platform/masking';
import { candidate } from '../candidates/candidate.table';
import { findEventById, POLICY_TEMPLATES } from '../events';
import { readJpegSize } from './jpeg-size';
import { createProfileAttachments } from './profile-attachments.service';
import { candidatePhoto, candidateProfile, candidateProfileVersion } from './profile.table';

/** The stored document: clear address and permit number replaced by ciphertext bound to the row. */
export type StoredProfileDocument = Omit<ProfileDocument, 'contact' | 'residencePermit'> & {
  contact: Omit<ProfileDocument['contact'], 'address'> & { addressEnc?: string };
  residencePermit:
    | (Omit<NonNullable<ProfileDocument['residencePermit']>, 'number'> & { numberEnc?: string })
    | null;
};

/** A frozen copy for a registration: the version and the document as stored (still encrypted). */
export type ProfileSnapshot = {
  version: number;
  document: StoredProfileDocument;
  photoConfirmed: boolean;
};

export type ProfilesService = ReturnType<typeof createProfilesService>;

// Associated data of a document secret: bound to the candidate, so a ciphertext copied into another
// candidate's document fails to decrypt (NFR-SEC-2). The same for current, versions and snapshots.
const ad = (candidateId: string, column: string) => ({
  table: 'candidate_profile',
  column,
  rowId: candidateId,
});

/**
 * Passes every ciphertext inside a stored profile document (current, version or frozen snapshot:
 * all bound to the candidate) through `reseal`; key rotation uses it to re-encrypt them (NFR-SEC-2).
 */
export function resealProfileSecrets(
  document: StoredProfileDocument,
  candidateId: string,
  reseal: (ciphertext: string, ad: FieldAssociatedData) => string,
): StoredProfileDocument {
  const addressEnc = document.contact?.addressEnc;
  const numberEnc = document.residencePermit?.numberEnc;
  return {
    ...document,
    ...(addressEnc
      ? {
          contact: {
            ...document.contact,
            addressEnc: reseal(addressEnc, ad(candidateId, 'document.address')),
          },
        }
      : {}),
    ...(document.residencePermit && numberEnc
      ? {
          residencePermit: {
            ...document.residencePermit,
            numberEnc: reseal(numberEnc, ad(candidateId, 'document.permit_number')),
          },
        }
      : {}),
  };
}

/** Profile 一户一档 use cases (ONL base features, NFR-DB-1): read masked, save versioned, photo rules. */
export function createProfilesService(deps: { db: Db; crypto: CryptoProvider; audit: AuditLog }) {
  const { db, crypto, audit } = deps;
  const attachments = createProfileAttachments({
    db,
    audit,
    files: createFileStore({ db, crypto }),
  });

  /** The candidate's identity row (name, birth date, encrypted ID number and phone). */
  async function identityOf(tx: DbOrTx, candidateId: string) {
    const [row] = await tx.select().from(candidate).where(eq(candidate.id, candidateId));
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
          .set({ version, document, updatedAt: new Date() })
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

  /** The photo rules of the event applied for, else the general template's. */
  async function photoRulesFor(eventId?: string): Promise<EventPolicy['photo']> {
    if (!eventId) return POLICY_TEMPLATES.general.photo;
    const event = await findEventById(db, eventId);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    return event.policy.photo;
  }

  /** Stores a photo after checking format, pixel size and bytes against the policy (§7); refused once confirmed. */
  async function uploadPhoto(
    candidateId: string,
    bytes: Buffer,
    eventId: string | undefined,
    actor: AuditActor,
  ) {
    const rules = await photoRulesFor(eventId);
    // The size is read from the JPEG frame header, not trusted from the client; every rule broken
    // is listed at once.
    const size = readJpegSize(bytes);
    const problems: string[] = [];
    if (!size) problems.push('照片须为 JPG 格式');
    if (bytes.length > rules.maxKb * 1024)
      problems.push(`照片不能超过 ${rules.maxKb}KB，当前为 ${Math.ceil(bytes.length / 1024)}KB`);
    if (size && (size.width < rules.minWidth || size.width > rules.maxWidth))
      problems.push(
        `照片宽度须在 ${rules.minWidth}–${rules.maxWidth} 像素之间，当前为 ${size.width}`,
      );
    if (size && (size.height < rules.minHeight || size.height > rules.maxHeight))
      problems.push(
        `照片高度须在 ${rules.minHeight}–${rules.maxHeight} 像素之间，当前为 ${size.height}`,
      );
    if (problems.length)
      throw new AppError('PROFILE.PHOTO_INVALID', {
        message: problems.join('；'),
        details: { problems, rules },
      });
    await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ confirmedAt: candidatePhoto.confirmedAt })
        .from(candidatePhoto)
        .where(eq(candidatePhoto.candidateId, candidateId))
        .for('update');
      // Checked under the row lock so an upload racing the confirmation cannot replace the photo.
      if (existing?.confirmedAt) throw new AppError('PROFILE.PHOTO_LOCKED');
      const values = {
        content: bytes,
        width: size!.width,
        height: size!.height,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedAt: new Date(),
      };
      await tx
        .insert(candidatePhoto)
        .values({ candidateId, ...values })
        .onConflictDoUpdate({ target: candidatePhoto.candidateId, set: values });
      await audit.record(tx, {
        action: 'photo.uploaded',
        actor,
        targetType: 'candidate',
        targetId: candidateId,
        result: 'success',
        details: { width: size!.width, height: size!.height, bytes: bytes.length },
      });
    });
    return getProfile(candidateId);
  }

  /** Fixes the photo (§7 "fixed once confirmed"): it can no longer be replaced. */
  async function confirmPhoto(candidateId: string, actor: AuditActor): Promise<Profile> {
    await db.transaction(async (tx) => {
      const rows = await tx
        .update(candidatePhoto)
        .set({ confirmedAt: new Date() })
        .where(eq(candidatePhoto.candidateId, candidateId))
        .returning({ id: candidatePhoto.candidateId });
      // Nothing to confirm before an upload; confirming again only moves confirmedAt.
      if (rows.length === 0) throw new AppError('PROFILE.PHOTO_MISSING');
      await audit.record(tx, {
        action: 'photo.confirmed',
        actor,
        targetType: 'candidate',
        targetId: candidateId,
        result: 'success',
      });
    });
    return getProfile(candidateId);
  }

  /** The candidate's own photo bytes (for the profile page and the admission ticket). */
  async function getPhoto(candidateId: string): Promise<Buffer> {
    const [row] = await db
      .select({ content: candidatePhoto.content })
      .from(candidatePhoto)
      .where(eq(candidatePhoto.candidateId, candidateId));
    if (!row) throw new AppError('PROFILE.PHOTO_MISSING');
    return row.content;
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

  return {
    getProfile,
    saveProfile,
    uploadPhoto,
    confirmPhoto,
    getPhoto,
    snapshotOf,
    identityOf: (id: string) => identityOf(db, id),
    uploadAttachment: attachments.uploadAttachment,
    readOwnAttachment: attachments.readOwnAttachment,
  };
}
