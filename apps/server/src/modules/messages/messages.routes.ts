import { CandidateMessageListSchema, IdParamSchema } from '@kaolu/contracts';
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/types';
import type { MessagesService } from './messages.service';
import { principalOf } from '../../platform/auth/request-context';

const tags = ['站内消息（考生）'];

/** The candidate's portal inbox: list and mark read. */
export function registerMessageRoutes(app: ZodApp, messages: MessagesService): void {
  app.get(
    '/api/candidate/messages',
    {
      schema: { tags, summary: '我的站内消息', response: { 200: CandidateMessageListSchema } },
      config: { access: 'candidate' },
    },
    async (request) => ({ items: await messages.list(principalOf(request).id) }),
  );
  // The service matches the message to the caller, so one candidate cannot mark another's as read.
  app.post(
    '/api/candidate/messages/:id/read',
    {
      schema: { tags, summary: '标记已读', params: IdParamSchema, body: z.object({}).optional() },
      config: { access: 'candidate' },
    },
    async (request) => {
      await messages.markRead(principalOf(request).id, request.params.id);
      return { ok: true };
    },
  );
}
