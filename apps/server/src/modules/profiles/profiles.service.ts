import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { createFileStore } from '../../platform/files';
import type { CandidatesService } from '../candidates';
import { createProfileAttachments } from './profile-attachments.service';
import { createProfileNameChange } from './profile-name-change';
import { createProfileDocuments } from './profile-documents';
import { createProfilePhoto } from './profile-photo';

export { resealProfileSecrets, type StoredProfileDocument } from './profile-secrets';
export type { ProfileSnapshot } from './profile-documents';

export type ProfilesService = ReturnType<typeof createProfilesService>;

/**
 * Profile 一户一档 use cases (ONL base features, NFR-DB-1): read masked, save versioned, photo rules;
 * one group per file (NFR-MNT-1): the document, the photo, the uploaded materials.
 */
export function createProfilesService(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  /** The owner of the candidate record; a name change goes through it (ONL-01). */
  candidates?: Pick<CandidatesService, 'rename'>;
  now: () => Date;
}) {
  const { db, crypto, audit, now } = deps;
  const attachments = createProfileAttachments({
    db,
    audit,
    files: createFileStore({ db, crypto }),
  });
  const { identityOf, getProfile, saveProfile, snapshotOf } = createProfileDocuments({
    db,
    crypto,
    audit,
    attachments,
    now,
  });
  const { uploadPhoto, confirmPhoto, getPhoto } = createProfilePhoto({
    db,
    audit,
    getProfile,
    now,
  });

  const { changeName } = createProfileNameChange({ audit, candidates: deps.candidates });

  return {
    changeName,
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
