import {
  ExaminerSeatListSchema,
  ScoringQueueSchema,
  ScoringResultListSchema,
  ScoringResultsQuerySchema,
  SheetBoardQuerySchema,
  SheetBoardSchema,
  SheetConfirmResultSchema,
  SheetRemindResultSchema,
  SheetRemindSchema,
  SheetSyncResultSchema,
  SheetSyncSchema,
  SheetWithdrawResultSchema,
  SheetWithdrawSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { changeContextOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { InterviewScoringService } from './scoring.service';

const tags = ['面试评分'];
const base = '/api/interview/scoring';
const score = { permission: 'interview.score' } as const;
const supervise = { permission: 'interview.supervise' } as const;
// The board and the results have two kinds of readers each (supervisor and chief examiner; admin
// and supervisor): the route admits interview.read, the service decides which view, or 403.
const read = { permission: 'interview.read' } as const;
const ClientKeyParams = z.object({ clientKey: z.uuid().meta({ title: '评分表标识' }) });
const SheetParams = z.object({ sheetId: z.uuid().meta({ title: '评分表' }) });
const QueueParams = z.object({
  sessionId: z.uuid().meta({ title: '场次' }),
  groupId: z.uuid().meta({ title: '面试组' }),
});

/** Tablet scoring, the supervisor's board and the results (IVW-08, IVW-10). */
export function registerScoringRoutes(app: ZodApp, service: InterviewScoringService): void {
  app.get(
    `${base}/seats`,
    {
      schema: {
        tags,
        summary: '我的考官座位（场次、面试组、评分指标）',
        response: { 200: ExaminerSeatListSchema },
      },
      config: { access: score },
    },
    async (request) => service.sheets.seats(request.principal),
  );

  app.get(
    `${base}/sessions/:sessionId/groups/:groupId/queue`,
    {
      schema: {
        tags,
        summary: '本组本场次考生（按抽签顺序）及我的评分表',
        params: QueueParams,
        response: { 200: ScoringQueueSchema },
      },
      config: { access: score },
    },
    async (request) =>
      service.sheets.queue(request.principal, request.params.sessionId, request.params.groupId),
  );

  // Idempotent by clientKey and revision: the tablet may resend the same state any number of times.
  app.put(
    `${base}/sheets/:clientKey`,
    {
      schema: {
        tags,
        summary: '同步评分表（草稿或提交）',
        params: ClientKeyParams,
        body: SheetSyncSchema,
        response: { 200: SheetSyncResultSchema },
      },
      config: { access: score },
    },
    async (request) =>
      service.sheets.sync(request.params.clientKey, request.body, changeContextOf(request)),
  );

  app.post(
    `${base}/sheets/:clientKey/withdraw`,
    {
      schema: {
        tags,
        summary: '撤回已提交的评分表（成绩计算前）',
        params: ClientKeyParams,
        body: SheetWithdrawSchema,
        response: { 200: SheetWithdrawResultSchema },
      },
      config: { access: score },
    },
    async (request) =>
      service.sheets.withdraw(
        request.params.clientKey,
        request.body.reason,
        changeContextOf(request),
      ),
  );

  app.get(
    `${base}/board`,
    {
      schema: {
        tags,
        summary: '评分看板（监督员看分数，主考官只看状态）',
        querystring: SheetBoardQuerySchema,
        response: { 200: SheetBoardSchema },
      },
      config: { access: read },
    },
    async (request) =>
      service.board.board(request.principal, request.query.sessionId, request.query.groupId),
  );

  app.post(
    `${base}/sheets/:sheetId/confirm`,
    {
      schema: {
        tags,
        summary: '监督员确认评分表',
        params: SheetParams,
        response: { 200: SheetConfirmResultSchema },
      },
      config: { access: supervise },
    },
    async (request) => service.board.confirm(request.params.sheetId, changeContextOf(request)),
  );

  app.post(
    `${base}/board/remind`,
    {
      schema: {
        tags,
        summary: '短信提醒未提交评分表的考官',
        body: SheetRemindSchema,
        response: { 200: SheetRemindResultSchema },
      },
      config: { access: supervise },
    },
    async (request) => service.board.remind(request.body, changeContextOf(request)),
  );

  app.get(
    `${base}/results`,
    {
      schema: {
        tags,
        summary: '面试成绩（含各项保留与去掉的分数）',
        querystring: ScoringResultsQuerySchema,
        response: { 200: ScoringResultListSchema },
      },
      config: { access: read },
    },
    async (request) => service.results(request.principal, request.query),
  );
}
