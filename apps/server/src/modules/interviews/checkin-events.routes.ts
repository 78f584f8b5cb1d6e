import { DeskEventListSchema, DrawGroupListSchema } from '@kaolu/contracts';
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/types';
import type { DeskEvents } from './checkin-events';

/** Where the check-in and draw pages start: the caller's interview events and their groups. */
export function registerDeskEventRoutes(app: ZodApp, desk: DeskEvents): void {
  // 'staff': every staff user may ask which events his own grants reach (none → an empty list).
  app.get(
    '/api/interview/desk-events',
    {
      schema: {
        tags: ['面试签到'],
        summary: '本人可签到或抽签的面试事项',
        response: { 200: DeskEventListSchema },
      },
      config: { access: 'staff' },
    },
    async (request) => desk.eventsFor(request.principal),
  );

  app.get(
    '/api/interview/events/:eventId/draw-groups',
    {
      schema: {
        tags: ['考生抽签'],
        summary: '可抽签的面试组',
        params: z.object({ eventId: z.uuid().meta({ title: '面试事项' }) }),
        response: { 200: DrawGroupListSchema },
      },
      config: { access: { permission: 'interview.draw' } },
    },
    async (request) => desk.drawGroups(request.params.eventId, request.principal),
  );
}
