import { IdParamSchema, RevealedPersonalDataSchema, RevealPersonalDataSchema } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { actorOf } from '../../platform/auth/actor';
import { clientIpOf } from '../../platform/auth/client-ip';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import type { ZodApp } from '../../platform/http/types';
import { candidate } from './candidate.table';

const COLUMNS = { id_number: 'idNumberEnc', phone: 'phoneEnc' } as const;

/**
 * NFR-SEC-3: every response masks personal data; a permitted staff user may see one clear value
 * of one candidate, giving a reason, and the decryption is written to the signed audit log first.
 */
export function registerPersonalDataRoutes(app: ZodApp, deps: { db: Db; crypto: CryptoProvider; audit: AuditLog }): void {
  app.post(
    '/api/admin/candidates/:id/reveal',
    {
      schema: {
        tags: ['个人信息'],
        summary: '查看考生完整个人信息（需事由，留痕）',
        params: IdParamSchema,
        body: RevealPersonalDataSchema,
        response: { 200: RevealedPersonalDataSchema },
      },
      config: { access: { permission: 'personal_data.reveal' }, revealsPersonalData: true },
    },
    async (request, reply) => {
      const { field, reason } = request.body;
      const value = await deps.db.transaction(async (tx) => {
        const [row] = await tx.select().from(candidate).where(eq(candidate.id, request.params.id));
        if (!row) throw new AppError('CANDIDATE.NOT_FOUND');
        // The audit entry commits before the clear value leaves the server, or nothing is shown.
        await deps.audit.record(tx, {
          action: 'personal_data.revealed',
          actor: actorOf(request),
          targetType: 'candidate',
          targetId: row.id,
          result: 'success',
          details: { field, reason },
          ip: clientIpOf(request),
          requestId: String(request.id),
        });
        return deps.crypto.decryptField(row[COLUMNS[field]], { table: 'candidate', column: field, rowId: row.id });
      });
      reply.header('cache-control', 'no-store');
      return { field, value };
    },
  );
}
