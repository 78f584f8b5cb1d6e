import {
  IdParamSchema,
  RevealedPersonalDataSchema,
  RevealPersonalDataSchema,
} from '@kaolu/contracts';
import { changeContextOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { CandidatesService } from './candidates.service';

/**
 * NFR-SEC-3: every response masks personal data; a permitted staff user may see one clear value
 * of one candidate, giving a reason, and the decryption is written to the signed audit log first.
 */
export function registerPersonalDataRoutes(app: ZodApp, candidates: CandidatesService): void {
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
      const value = await candidates.reveal(
        request.params.id,
        field,
        reason,
        changeContextOf(request),
      );
      reply.header('cache-control', 'no-store');
      return { field, value };
    },
  );
}
