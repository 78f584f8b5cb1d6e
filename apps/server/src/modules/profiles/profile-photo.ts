import { createHash } from 'node:crypto';
import type { EventPolicy, Profile } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditActor, AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { findEventById, POLICY_TEMPLATES } from '../events';
import { readJpegSize } from './jpeg-size';
import { candidatePhoto } from './profile.table';

/** The registration photo 报名照片 (§7): checked against the policy, replaceable until confirmed. */
export function createProfilePhoto(deps: {
  db: Db;
  audit: AuditLog;
  getProfile: (candidateId: string) => Promise<Profile>;
  now: () => Date;
}) {
  const { db, audit, getProfile, now } = deps;

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
        uploadedAt: now(),
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
        .set({ confirmedAt: now() })
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

  return { uploadPhoto, confirmPhoto, getPhoto };
}
