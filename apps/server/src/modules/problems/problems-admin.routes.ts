import {
  ProblemAssignSchema,
  ProblemHandlerSchema,
  FileDispositionQuerySchema,
  IdParamSchema,
  ProblemDecisionSchema,
  ProblemFileParamsSchema,
  ProblemNoteSchema,
  ProblemQuerySchema,
  ProblemReplySchema,
  ProblemStatsSchema,
  StaffProblemPageSchema,
  StaffProblemSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import type { AuditLog } from '../../platform/audit';
import { auditBase, changeContextOf, staffOf } from '../../platform/auth/request-context';
import { sendStoredFile } from '../../platform/files';
import type { ZodApp } from '../../platform/http/types';
import { problemWorkbook } from './problems-export';
import type { ProblemsService } from './problems.service';

const tags = ['问题中心（后台）'];
// Reading a queue and acting on a case are separate permissions (NFR-SEC-1 least privilege); which
// cases a holder sees is narrowed further by his roles in the service (support: technical only).
const read = { access: { permission: 'problem.read' as const } };
const handle = { access: { permission: 'problem.handle' as const } };

/** Staff queues, case handling, export and statistics of the problem center (ONL-01b–e). */
export function registerStaffProblemRoutes(
  app: ZodApp,
  deps: { problems: ProblemsService; audit: AuditLog },
): void {
  const { staff } = deps.problems;
  // The queue: due soonest first, so the cases about to miss their SLA are on top (ONL-01).
  app.get(
    '/api/admin/problems',
    {
      schema: {
        tags,
        summary: '报名问题队列（按类型、状态、负责部门筛选）',
        querystring: ProblemQuerySchema,
        response: { 200: StaffProblemPageSchema },
      },
      config: read,
    },
    async (request) => staff.queue(staffOf(request), request.query),
  );
  // Registered before '/:id' reads better; Fastify matches static segments first either way.
  app.get(
    '/api/admin/problems/stats',
    {
      schema: { tags, summary: '报名问题统计', response: { 200: ProblemStatsSchema } },
      config: read,
    },
    async (request) => staff.stats(staffOf(request)),
  );
  // The export takes the queue's filters without paging: every row the staff member may see.
  app.get(
    '/api/admin/problems/export',
    {
      schema: {
        tags,
        summary: '导出报名问题清单（Excel）',
        querystring: ProblemQuerySchema.omit({ page: true, pageSize: true }),
      },
      config: { access: { permission: 'problem.export' } },
    },
    async (request, reply) => {
      const rows = await staff.exportRows(staffOf(request), request.query);
      const file = await problemWorkbook(rows);
      // An export of personal data is itself recorded (NFR-SEC-1).
      await deps.audit.record(deps.problems.db, {
        ...auditBase(changeContextOf(request)),
        action: 'problem.exported',
        targetType: 'problem_case',
        result: 'success',
        details: { rows: rows.length, filters: request.query },
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent('报名问题清单.xlsx')}`,
        )
        .send(file);
    },
  );
  app.get(
    '/api/admin/problems/:id',
    {
      schema: {
        tags,
        summary: '问题详情（含内部备注与完整处理记录）',
        params: IdParamSchema,
        response: { 200: StaffProblemSchema },
      },
      config: read,
    },
    async (request) => staff.get(staffOf(request), request.params.id),
  );
  app.get(
    '/api/admin/problems/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: '查看证明材料',
        params: ProblemFileParamsSchema,
        querystring: FileDispositionQuerySchema,
      },
      config: read,
    },
    async (request, reply) => {
      // Only a file of a case in the caller's queues; the case check comes before any decryption.
      await staff.visibleCase(deps.problems.db, staffOf(request), request.params.id);
      const { info, bytes } = await deps.problems.candidate.readCaseFile(
        request.params.id,
        request.params.fileId,
      );
      return sendStoredFile(reply, info, bytes, request.query.disposition);
    },
  );
  // One route for every move of the status flow; the service refuses moves the table does not allow
  // and applies the effect of an approval in the same transaction.
  app.post(
    '/api/admin/problems/:id/status',
    {
      schema: {
        tags,
        summary: '变更问题状态（受理、通过、不通过、要求补充材料、关闭）',
        params: IdParamSchema,
        body: ProblemDecisionSchema,
        response: { 200: StaffProblemSchema },
      },
      config: handle,
    },
    async (request) =>
      staff.decide(staffOf(request), request.params.id, request.body, changeContextOf(request)),
  );
  // A reply alone (no status change) still texts the candidate once (ONL-01g).
  app.post(
    '/api/admin/problems/:id/replies',
    {
      schema: {
        tags,
        summary: '答复考生（短信提醒）',
        params: IdParamSchema,
        body: ProblemReplySchema,
        response: { 200: StaffProblemSchema },
      },
      config: handle,
    },
    async (request) =>
      staff.reply(staffOf(request), request.params.id, request.body.body, changeContextOf(request)),
  );
  // Notes are for colleagues: kept in the history, filtered out of everything the candidate reads.
  app.post(
    '/api/admin/problems/:id/notes',
    {
      schema: {
        tags,
        summary: '添加内部备注（考生不可见）',
        params: IdParamSchema,
        body: ProblemNoteSchema,
        response: { 200: StaffProblemSchema },
      },
      config: handle,
    },
    async (request) =>
      staff.note(staffOf(request), request.params.id, request.body.body, changeContextOf(request)),
  );
  // Claiming assigns the case to the caller himself, recorded in the history.
  app.post(
    '/api/admin/problems/:id/claim',
    {
      schema: {
        tags,
        summary: '认领问题（成为处理人）',
        params: IdParamSchema,
        response: { 200: StaffProblemSchema },
      },
      config: handle,
    },
    async (request) =>
      staff.assign(
        staffOf(request),
        request.params.id,
        staffOf(request).id,
        changeContextOf(request),
      ),
  );
  // The handlers a case may be assigned to: holders of its department's role.
  app.get(
    '/api/admin/problems/:id/handlers',
    {
      schema: {
        tags,
        summary: '可分配的处理人',
        params: IdParamSchema,
        response: { 200: z.array(ProblemHandlerSchema) },
      },
      config: handle,
    },
    async (request) => staff.handlersOf(staffOf(request), request.params.id),
  );
  app.post(
    '/api/admin/problems/:id/assign',
    {
      schema: {
        tags,
        summary: '分配处理人',
        params: IdParamSchema,
        body: ProblemAssignSchema,
        response: { 200: StaffProblemSchema },
      },
      config: handle,
    },
    async (request) =>
      staff.assign(
        staffOf(request),
        request.params.id,
        request.body.assigneeId,
        changeContextOf(request),
      ),
  );
}
