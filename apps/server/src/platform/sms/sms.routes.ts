import {
  PageQuerySchema,
  PhoneSchema,
  SmsDailyCountsSchema,
  SmsMessagePageSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { actorOf } from '../auth/actor';
import { clientIpOf } from '../auth/client-ip';
import type { ZodApp } from '../http/types';
import type { SmsGateway } from './sms-gateway';

/** Support staff: the outbox, today's count per number, and unlocking a number (REG-06). */
export function registerSmsRoutes(app: ZodApp, sms: SmsGateway): void {
  app.get(
    '/api/sms/messages',
    {
      schema: {
        tags: ['短信'],
        summary: '短信发件箱',
        querystring: PageQuerySchema,
        response: { 200: SmsMessagePageSchema },
      },
      config: { access: { permission: 'sms.read' } },
    },
    async (request) => {
      const { items, total } = await sms.listMessages(request.query.page, request.query.pageSize);
      return {
        total,
        items: items.map((m) => ({
          id: m.id,
          phoneMasked: m.phoneMasked,
          purpose: m.purpose,
          content: m.content,
          status: m.status,
          createdAt: m.createdAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/sms/daily-counts',
    {
      schema: {
        tags: ['短信'],
        summary: '今日各手机号短信发送量',
        response: { 200: SmsDailyCountsSchema },
      },
      config: { access: { permission: 'sms.read' } },
    },
    async () => ({
      dailyLimit: sms.dailyLimit,
      items: (await sms.listTodayCounts()).map((r) => ({
        phoneMasked: r.phoneMasked,
        phoneKey: r.phoneBidx,
        day: r.day,
        count: r.count,
      })),
    }),
  );

  app.post(
    '/api/sms/unlock',
    {
      schema: {
        tags: ['短信'],
        summary: '解锁手机号当日短信限制',
        body: z.union([
          z.object({ phoneKey: z.string().min(8).meta({ title: '手机号标识' }) }),
          z.object({ phone: PhoneSchema.meta({ title: '手机号' }) }),
        ]),
        response: { 200: z.object({ unlocked: z.boolean() }) },
      },
      config: { access: { permission: 'sms.unlock' } },
    },
    async (request) => {
      const key =
        'phoneKey' in request.body ? request.body.phoneKey : sms.phoneKeyOf(request.body.phone);
      const unlocked = await sms.unlock(key, actorOf(request), {
        ip: clientIpOf(request),
        requestId: request.id,
      });
      return { unlocked };
    },
  );
}
