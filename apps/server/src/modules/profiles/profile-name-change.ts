import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { AuditActor, AuditLog } from '../../platform/audit';
import { maskName } from '../../platform/masking';
import type { CandidatesService } from '../candidates';
import { candidateProfile, candidateProfileVersion } from './profile.table';

/**
 * An approved name-change case (ONL-01) applied to the profile 一户一档: the registered name is
 * changed through the candidates module, and the profile gets a new version for the change, so the
 * version history shows when the name moved (frozen registrations keep theirs).
 */
export function createProfileNameChange(deps: {
  audit: AuditLog;
  candidates?: Pick<CandidatesService, 'rename'>;
}) {
  const { audit } = deps;

  /** Renames in the caller's transaction; answers the new profile version (0 without a profile). */
  async function changeName(
    tx: Tx,
    input: { candidateId: string; from: string; to: string; caseNumber: string; at: Date },
    actor: AuditActor,
  ): Promise<number> {
    if (!deps.candidates) throw new Error('profiles built without the candidates service');
    await deps.candidates.rename(tx, input.candidateId, input.to, input.at);
    const [current] = await tx
      .select()
      .from(candidateProfile)
      .where(eq(candidateProfile.candidateId, input.candidateId))
      .for('update');
    let version = 0;
    if (current) {
      // The same document under a new version: the version history shows when the name moved,
      // and the audit entry of this version names the case behind it.
      version = current.version + 1;
      const document = current.document;
      await tx
        .update(candidateProfile)
        .set({ version, document, updatedAt: input.at })
        .where(eq(candidateProfile.candidateId, input.candidateId));
      await tx
        .insert(candidateProfileVersion)
        .values({ candidateId: input.candidateId, version, document });
    }
    // Names are personal data: the audit entry keeps them masked (NFR-SEC-3).
    await audit.record(tx, {
      action: 'profile.name_changed',
      actor,
      targetType: 'candidate',
      targetId: input.candidateId,
      result: 'success',
      details: {
        version,
        caseNumber: input.caseNumber,
        from: maskName(input.from),
        to: maskName(input.to),
      },
    });
    return version;
  }

  return { changeName };
}
