import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentEntry,
  type UploadedAttachment,
} from '@kaolu/contracts';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditActor, AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import type { FileStore, StoredFileInfo } from '../../platform/files';

// The purpose stored with the file: once other purposes exist, a file uploaded for one of them
// cannot be referenced as a profile material.
const PURPOSE = 'profile_attachment' as const;

/** True when the file is one of this candidate's uploaded profile materials. */
const ownedBy = (info: StoredFileInfo | undefined, candidateId: string): info is StoredFileInfo =>
  info !== undefined &&
  info.ownerKind === 'candidate' &&
  info.ownerId === candidateId &&
  info.purpose === PURPOSE;

/**
 * Uploaded materials of the profile (INT-05): upload stores an immutable encrypted file, the profile
 * references it by id, and a save may only reference the candidate's own uploads.
 */
export function createProfileAttachments(deps: { db: Db; audit: AuditLog; files: FileStore }) {
  const { db, audit, files } = deps;

  /** Stores one PDF/JPG/PNG of at most 5MB for the candidate and answers the id to reference. */
  async function uploadAttachment(
    candidateId: string,
    bytes: Buffer,
    fileName: string | undefined,
    actor: AuditActor,
  ): Promise<UploadedAttachment> {
    // The file store checks the real type from the bytes and the per-owner file limit; the
    // stored file and its audit entry (with the SM3 digest) commit together.
    const info = await db.transaction(async (tx) => {
      const stored = await files.store(tx, bytes, {
        ownerKind: 'candidate',
        ownerId: candidateId,
        purpose: PURPOSE,
        fileName,
        maxBytes: ATTACHMENT_MAX_BYTES,
      });
      await audit.record(tx, {
        action: 'attachment.uploaded',
        actor,
        targetType: 'stored_file',
        targetId: stored.id,
        result: 'success',
        details: { candidateId, mime: stored.mime, size: stored.sizeBytes, sm3: stored.sm3 },
      });
      return stored;
    });
    return {
      fileId: info.id,
      name: info.fileName,
      size: info.sizeBytes,
      mime: info.mime,
      uploadedAt: info.createdAt.toISOString(),
    };
  }

  /** One of the candidate's own uploads with its bytes; anyone else's file is "not found". */
  async function readOwnAttachment(candidateId: string, fileId: string) {
    // Described first, so another candidate's file is refused without being decrypted.
    const [info] = await files.describe([fileId]);
    if (!ownedBy(info, candidateId)) throw new AppError('FILE.NOT_FOUND');
    return files.read(fileId);
  }

  /**
   * The attachment list as it will be stored: every file id must be the candidate's own upload
   * (refused in Chinese, per entry, otherwise); size and type are taken from the stored file.
   */
  async function resolveAttachments(
    tx: DbOrTx,
    candidateId: string,
    entries: readonly AttachmentEntry[],
  ): Promise<AttachmentEntry[]> {
    const infos = new Map(
      (
        await files.describe(
          entries.map((e) => e.fileId),
          tx,
        )
      ).map((i) => [i.id, i]),
    );
    // One error per bad entry, each with its form field path, so the page marks the right rows.
    const fields = entries.flatMap((e, i) =>
      ownedBy(infos.get(e.fileId), candidateId)
        ? []
        : [
            {
              field: `document.attachments.${i}.fileId`,
              label: `附件「${e.name}」`,
              message: '附件文件不存在或不是您上传的，请重新上传',
            },
          ],
    );
    if (fields.length > 0)
      throw new AppError('PROFILE.ATTACHMENT_NOT_OWNED', { details: { fields } });
    // Size and type come from the stored file, not from what the client claims.
    return entries.map((e) => {
      const info = infos.get(e.fileId)!;
      return {
        fileId: e.fileId,
        name: e.name,
        note: e.note,
        size: info.sizeBytes,
        mime: info.mime,
      };
    });
  }

  return { uploadAttachment, readOwnAttachment, resolveAttachments };
}
