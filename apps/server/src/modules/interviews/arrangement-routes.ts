import {
  ArrangementEventsSchema,
  ArrangementRulesSchema,
  ArrangementSchema,
  ArrangementSessionsSchema,
  CommitDrawBodySchema,
  CommittedDrawSchema,
  DrawReplaySchema,
  ExaminerCheckinBodySchema,
  ExaminerCheckinSchema,
  IdParamSchema,
  PublicDrawSchema,
  SEAT_LABELS,
  SimulationReportSchema,
} from '@kaolu/contracts';
import { changeContextOf } from '../../platform/auth/request-context';
import { writeSheet } from '../../platform/excel/excel-cells';
import type { ZodApp } from '../../platform/http/types';
import type { PublicDraws } from './arrangement-public';
import type { ArrangementService } from './arrangement-service';
import type { createExaminerCheckin } from './examiner-checkin';

const tags = ['面试考官编排'];

/**
 * Examiner arrangement routes (IVW-04, IVW-07): rules, simulated and real draws, the arrangement
 * table and its export, examiner check-in; and the public draw page's routes (REG-08).
 */
export function registerArrangementRoutes(
  app: ZodApp,
  parts: {
    arrangement: ArrangementService;
    checkIn: ReturnType<typeof createExaminerCheckin>;
    publicDraws: PublicDraws;
  },
): void {
  const { arrangement, checkIn, publicDraws } = parts;
  const base = '/api/admin/interviews';
  // The pages start from the events the caller's grants reach (IVW-04, NFR-SEC-1).
  app.get(
    `${base}/arrangement-events`,
    {
      schema: { tags, summary: '可编排的面试事项', response: { 200: ArrangementEventsSchema } },
      config: { access: { permission: 'interview.read' } },
    },
    async (request) => arrangement.events(changeContextOf(request)),
  );
  // Sessions with whether each is drawn, so the desk sees at a glance which one is done.
  app.get(
    `${base}/events/:id/arrangement-sessions`,
    {
      schema: {
        tags,
        summary: '面试场次及抽签状态',
        params: IdParamSchema,
        response: { 200: ArrangementSessionsSchema },
      },
      config: { access: { permission: 'interview.read' } },
    },
    async (request) => arrangement.sessions(changeContextOf(request), request.params.id),
  );
  // Rules are read by anyone who may see the arrangement: the report explains itself by them.
  app.get(
    `${base}/events/:id/arrangement-rules`,
    {
      schema: {
        tags,
        summary: '考官抽签回避规则',
        params: IdParamSchema,
        response: { 200: ArrangementRulesSchema },
      },
      config: { access: { permission: 'interview.read' } },
    },
    async (request) => arrangement.rules(changeContextOf(request), request.params.id),
  );
  // Only the organiser edits 回避 rules (interview.manage); the service audits the change.
  app.put(
    `${base}/events/:id/arrangement-rules`,
    {
      schema: {
        tags,
        summary: '保存考官抽签回避规则',
        params: IdParamSchema,
        body: ArrangementRulesSchema,
        response: { 200: ArrangementRulesSchema },
      },
      config: { access: { permission: 'interview.manage' } },
    },
    async (request) =>
      arrangement.saveRules(changeContextOf(request), request.params.id, request.body),
  );
  // Simulation writes nothing, so read permission suffices: staff may check the pool before the day.
  app.post(
    `${base}/sessions/:id/examiner-simulation`,
    {
      schema: {
        tags,
        summary: '模拟考官抽签及校验报告',
        params: IdParamSchema,
        response: { 200: SimulationReportSchema },
      },
      config: { access: { permission: 'interview.read' } },
    },
    async (request) => arrangement.simulate(changeContextOf(request), request.params.id),
  );
  // Step 1 of the real draw (REG-08): the seed's hash is published before any seat is drawn; a
  // second commit for the session is a redraw and needs its reason.
  app.post(
    `${base}/sessions/:id/examiner-draw/commit`,
    {
      schema: {
        tags,
        summary: '公布考官抽签种子哈希（重新抽签须填写原因）',
        params: IdParamSchema,
        body: CommitDrawBodySchema,
        response: { 200: CommittedDrawSchema },
      },
      config: { access: { permission: 'interview.draw' } },
    },
    async (request) =>
      arrangement.commit(changeContextOf(request), request.params.id, request.body.redrawReason),
  );
  // Step 2: the seed is revealed and the draw runs; an impossible pool rolls the whole step back.
  app.post(
    `${base}/sessions/:id/examiner-draw`,
    {
      schema: {
        tags,
        summary: '执行考官抽签',
        params: IdParamSchema,
        response: { 200: ArrangementSchema },
      },
      config: { access: { permission: 'interview.draw' } },
    },
    async (request) => arrangement.draw(changeContextOf(request), request.params.id),
  );
  // The arrangement table (IVW-07): names masked, codes in full, the draw's hash beside it.
  app.get(
    `${base}/sessions/:id/arrangement`,
    {
      schema: {
        tags,
        summary: '考官编排表',
        params: IdParamSchema,
        response: { 200: ArrangementSchema },
      },
      config: { access: { permission: 'interview.read' } },
    },
    async (request) => arrangement.arrangement(changeContextOf(request), request.params.id),
  );
  // The same table in Excel; the last row carries the seed hash so a printout can be checked
  // against the public record.
  app.get(
    `${base}/sessions/:id/arrangement/export`,
    {
      schema: { tags, summary: '导出考官编排表（Excel）', params: IdParamSchema },
      config: { access: { permission: 'interview.read' } },
    },
    async (request, reply) => {
      const table = await arrangement.arrangement(changeContextOf(request), request.params.id);
      const rows = table.groups.flatMap((g) =>
        g.seats.map((s) => [
          table.sessionLabel,
          g.venueName,
          g.roomName,
          g.groupName,
          SEAT_LABELS[s.seat],
          s.examinerCode,
          s.examinerName,
          s.unitName,
          s.checkedInAt ? '已报到' : '未报到',
        ]),
      );
      const header = ['场次', '考点', '考场', '面试组', '席位', '考官编号', '姓名', '单位', '报到'];
      rows.push([`种子哈希（SM3）：${table.draw?.seedHash ?? '未抽签'}`]);
      const file = await writeSheet('考官编排表', header, rows);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`考官编排表-${table.sessionLabel}.xlsx`)}`,
        )
        .send(file);
    },
  );
  // Examiner check-in (IVW-07): scoped to the event of the session by the service.
  app.post(
    `${base}/examiner-checkin`,
    {
      schema: {
        tags,
        summary: '考官报到',
        body: ExaminerCheckinBodySchema,
        response: { 200: ExaminerCheckinSchema },
      },
      config: { access: { permission: 'interview.checkin' } },
    },
    async (request) =>
      checkIn(changeContextOf(request), request.body.sessionId, request.body.examinerCode),
  );
  // Public: anyone may look a draw up and replay it (REG-08); codes only, no names.
  // No CSRF needed: both public routes are GETs and change nothing.
  app.get(
    '/api/public/draws/:id',
    {
      schema: {
        tags: ['抽签公示'],
        summary: '抽签记录公示',
        params: IdParamSchema,
        response: { 200: PublicDrawSchema },
      },
      config: { access: 'public' },
    },
    async (request) => publicDraws.view(request.params.id),
  );
  app.get(
    '/api/public/draws/:id/replay',
    {
      schema: {
        tags: ['抽签公示'],
        summary: '复现抽签',
        params: IdParamSchema,
        response: { 200: DrawReplaySchema },
      },
      config: { access: 'public' },
    },
    async (request) => publicDraws.replay(request.params.id),
  );
}
