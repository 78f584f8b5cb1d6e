import {
  AdjustmentExportQuerySchema,
  AdjustmentOverviewSchema,
  ClosePublicRoundResultSchema,
  ConfirmUnifiedResultSchema,
  IdParamSchema,
  MoveUnifiedPlacementSchema,
  PublishAdjustmentPositionsSchema,
  UnifiedPlacementParamsSchema,
  UnifiedProposalSchema,
} from '@kaolu/contracts';
import { changeContextOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { AdjustmentService } from './adjustment.service';

const tags = ['调剂'];
const manage = { access: { permission: 'adjustment.manage' as const } };

/**
 * The org department's adjustment routes (§7): publish positions, close the public round, the
 * unified proposal with its hand edits and confirmation, Excel exports. The service checks the
 * event scope of each call.
 */
export function registerAdjustmentOrgRoutes(app: ZodApp, adjustment: AdjustmentService): void {
  const base = '/api/admin/events/:id/adjustment';
  // The figures the 调剂管理 page opens on: every short position, published or not, with counts.
  app.get(
    base,
    {
      schema: {
        tags,
        summary: '调剂概况（缺额职位与公开调剂）',
        params: IdParamSchema,
        response: { 200: AdjustmentOverviewSchema },
      },
      config: manage,
    },
    async (request) => adjustment.overview(request.params.id, changeContextOf(request)),
  );
  // The whole set in one call, so the page saves what it shows; every bad row is reported at once.
  app.put(
    `${base}/positions`,
    {
      schema: {
        tags,
        summary: '发布调剂职位及调剂名额',
        params: IdParamSchema,
        body: PublishAdjustmentPositionsSchema,
        response: { 200: AdjustmentOverviewSchema },
      },
      config: manage,
    },
    async (request) =>
      adjustment.publishPositions(request.params.id, request.body, changeContextOf(request)),
  );
  // Irreversible: the placements enter the interview lists and the candidates are told.
  app.post(
    `${base}/public/close`,
    {
      schema: {
        tags,
        summary: '结束公开调剂（按笔试成绩确定调剂人选，末位同分全部进入）',
        params: IdParamSchema,
        response: { 200: ClosePublicRoundResultSchema },
      },
      config: manage,
    },
    async (request) => adjustment.closePublic(request.params.id, changeContextOf(request)),
  );
  // Read-only: the stored proposal (or none yet) with the short positions it may fill.
  app.get(
    `${base}/unified`,
    {
      schema: {
        tags,
        summary: '统一调剂方案',
        params: IdParamSchema,
        response: { 200: UnifiedProposalSchema },
      },
      config: manage,
    },
    async (request) => adjustment.proposal(request.params.id, changeContextOf(request)),
  );
  // Replaces any earlier proposal, hand edits included; nothing reaches the lists before confirm.
  app.post(
    `${base}/unified/propose`,
    {
      schema: {
        tags,
        summary: '生成统一调剂方案',
        params: IdParamSchema,
        response: { 200: UnifiedProposalSchema },
      },
      config: manage,
    },
    async (request) => adjustment.propose(request.params.id, changeContextOf(request)),
  );
  // A hand move is judged by the engine's own rules and the shortfall, never taken on trust.
  app.put(
    `${base}/unified/placements/:candidateId`,
    {
      schema: {
        tags,
        summary: '人工调整统一调剂安排（按同一规则校验）',
        params: UnifiedPlacementParamsSchema,
        body: MoveUnifiedPlacementSchema,
        response: { 200: UnifiedProposalSchema },
      },
      config: manage,
    },
    async (request) =>
      adjustment.move(
        request.params.id,
        request.params.candidateId,
        request.body.positionId,
        changeContextOf(request),
      ),
  );
  app.delete(
    `${base}/unified/placements/:candidateId`,
    {
      schema: {
        tags,
        summary: '取消考生的统一调剂安排',
        params: UnifiedPlacementParamsSchema,
        response: { 200: UnifiedProposalSchema },
      },
      config: manage,
    },
    async (request) =>
      adjustment.remove(request.params.id, request.params.candidateId, changeContextOf(request)),
  );
  // Irreversible: placements onto the lists (round unified) and one SMS per placed candidate.
  app.post(
    `${base}/unified/confirm`,
    {
      schema: {
        tags,
        summary: '确认统一调剂（进入面试名单并短信通知）',
        params: IdParamSchema,
        response: { 200: ConfirmUnifiedResultSchema },
      },
      config: manage,
    },
    async (request) => adjustment.confirm(request.params.id, changeContextOf(request)),
  );
  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: '导出统一调剂方案或调剂结果 Excel',
        params: IdParamSchema,
        querystring: AdjustmentExportQuerySchema,
      },
      config: manage,
    },
    // A workbook, not JSON: no response schema; the file name carries the event code.
    async (request, reply) => {
      const { file, filename } = await adjustment.exportFile(
        request.params.id,
        request.query.kind,
        changeContextOf(request),
      );
      reply.header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      );
      return reply.send(file);
    },
  );
}
