import {
  CheckinDeskCreatedSchema,
  CheckinDeskInputSchema,
  CheckinDeskListSchema,
  CheckinListSchema,
  CheckinLookupSchema,
  CheckinQuerySchema,
  CheckinResultSchema,
  CheckinStatsSchema,
  ReaderBridgeCheckinSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { changeContextOf } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import type { ZodApp } from '../../platform/http/types';
import type { CheckinDesks } from './checkin-desk.service';
import type { CheckinService } from './checkin.service';

const tags = ['面试签到'];
const access = { permission: 'interview.checkin' } as const;
const EventParams = z.object({ eventId: z.uuid().meta({ title: '面试事项' }) });
const Ok = z.object({ ok: z.literal(true) });

/**
 * Candidate check-in routes (IVW-05): staff desks (reader keyboard input or manual entry), the
 * reader bridge endpoint authenticated by a desk token, desks, photo, statistics and query.
 */
export function registerCheckinRoutes(
  app: ZodApp,
  checkin: CheckinService,
  desks: CheckinDesks,
): void {
  // Every desk route names its interview event; the service checks the grant's scope against it.
  const base = '/api/interview/events/:eventId';

  // The desk page posts here for both the reader's keyboard input and manual entry; `via` says which.
  app.post(
    `${base}/checkins`,
    {
      schema: {
        tags,
        summary: '考生签到（读卡器键盘输入或手工输入身份证号 / 准考证号）',
        params: EventParams,
        body: CheckinLookupSchema,
        response: { 200: CheckinResultSchema },
      },
      config: { access },
    },
    async (request) =>
      checkin.checkIn(request.params.eventId, request.body, changeContextOf(request)),
  );

  // Machine to machine (docs/id-card-reader.md): no staff session, the desk token is the credential,
  // so the route is 'public' to the session guard and refuses any request without a live token.
  app.post(
    '/api/interview/reader-bridge/checkins',
    {
      schema: {
        tags,
        summary: '读卡器桥接程序提交签到（Authorization: Bearer 签到台令牌）',
        body: ReaderBridgeCheckinSchema,
        response: { 200: CheckinResultSchema },
      },
      config: { access: 'public' },
    },
    async (request) => {
      // Only 'Bearer <token>' is accepted; anything else is a missing token (401).
      const header = request.headers.authorization;
      const token = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
      const desk = await desks.deskOfToken(token);
      return checkin.checkInFromDesk(desk, request.body.idNumber, changeContextOf(request));
    },
  );

  // Read-only, but still within the grant's event scope (the service checks it).
  app.get(
    `${base}/checkins/stats`,
    {
      schema: {
        tags,
        summary: '签到统计（按场次、面试组、职位）',
        params: EventParams,
        response: { 200: CheckinStatsSchema },
      },
      config: { access },
    },
    async (request) => checkin.stats(request.params.eventId, request.principal),
  );

  // Who is in or missing, names masked: the desk calls the missing ones.
  app.get(
    `${base}/checkins`,
    {
      schema: {
        tags,
        summary: '签到查询',
        params: EventParams,
        querystring: CheckinQuerySchema,
        response: { 200: CheckinListSchema },
      },
      config: { access },
    },
    async (request) => checkin.list(request.params.eventId, request.query, request.principal),
  );

  // The photo is personal data: never cached by the browser, fetched only by desk staff.
  app.get(
    `${base}/candidates/:candidateId/photo`,
    {
      schema: {
        tags,
        summary: '考生报名照片（签到比对）',
        params: EventParams.extend({ candidateId: z.uuid() }),
      },
      config: { access },
    },
    async (request, reply) => {
      const { eventId, candidateId } = request.params;
      const bytes = await checkin.photoOf(eventId, candidateId, request.principal);
      if (!bytes) throw new AppError('PROFILE.PHOTO_MISSING');
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(bytes);
    },
  );

  // Desks: the list never carries a token, only its creation answer does (once).
  app.get(
    `${base}/checkin-desks`,
    {
      schema: {
        tags,
        summary: '签到台',
        params: EventParams,
        response: { 200: CheckinDeskListSchema },
      },
      config: { access },
    },
    async (request) => {
      await checkin.eventInScope(request.params.eventId, request.principal);
      return { items: await desks.list(request.params.eventId) };
    },
  );

  app.post(
    `${base}/checkin-desks`,
    {
      schema: {
        tags,
        summary: '新建签到台（令牌只显示一次）',
        params: EventParams,
        body: CheckinDeskInputSchema,
        response: { 200: CheckinDeskCreatedSchema },
      },
      config: { access },
    },
    async (request) => {
      await checkin.eventInScope(request.params.eventId, request.principal);
      return desks.create(request.params.eventId, request.body.name, changeContextOf(request));
    },
  );

  app.post(
    `${base}/checkin-desks/:deskId/revoke`,
    {
      schema: {
        tags,
        summary: '停用签到台令牌',
        params: EventParams.extend({ deskId: z.uuid() }),
        response: { 200: Ok },
      },
      config: { access },
    },
    async (request) => {
      await checkin.eventInScope(request.params.eventId, request.principal);
      await desks.revoke(request.params.eventId, request.params.deskId, changeContextOf(request));
      return { ok: true as const };
    },
  );
}
