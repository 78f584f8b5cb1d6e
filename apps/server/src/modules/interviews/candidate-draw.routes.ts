import {
  CandidateDrawCommitSchema,
  CandidateDrawCommittedSchema,
  CandidateOrderSheetSchema,
  CandidateSubGroupsSchema,
  type CandidateOrderSheet,
} from '@kaolu/contracts';
import { z } from 'zod';
import { changeContextOf } from '../../platform/auth/request-context';
import { writeSheet } from '../../platform/excel/excel-cells';
import type { ZodApp } from '../../platform/http/types';
import type { CandidateDrawService } from './candidate-draw.service';

const tags = ['考生抽签'];
const access = { permission: 'interview.draw' } as const;
const GroupParams = z.object({ groupId: z.uuid().meta({ title: '面试组' }) });
const Ok = z.object({ ok: z.literal(true) });

/** The order sheet as rows of the Excel export (same columns as the print view). */
function sheetRows(sheet: CandidateOrderSheet) {
  return sheet.rows.map((r) => [
    r.subGroup ?? '',
    r.orderNumber,
    r.drawPosition,
    r.ticketNumber,
    r.nameMasked,
    r.positionTitle,
    r.panel === null ? '' : `第${r.panel}组 ${r.letter}`,
    r.answerOrders?.join(' / ') ?? '',
  ]);
}

/** Candidate draw routes (IVW-06): sub-groups, commit (hash first), draw, order sheet and export. */
export function registerCandidateDrawRoutes(app: ZodApp, draws: CandidateDrawService): void {
  // Every route names its group; the service checks the grant's scope against the group's event.
  const base = '/api/interview/groups/:groupId';

  // Sub-groups are set before their draws; an empty list puts the whole group back together.
  app.put(
    `${base}/sub-groups`,
    {
      schema: {
        tags,
        summary: '考生分小组（空列表取消分组）',
        params: GroupParams,
        body: CandidateSubGroupsSchema,
        response: { 200: Ok },
      },
      config: { access },
    },
    async (request) => {
      await draws.putSubGroups(request.params.groupId, request.body, changeContextOf(request));
      return { ok: true as const };
    },
  );

  // Step 1 (REG-08): only the seed's hash is published; nothing is drawn yet.
  app.post(
    `${base}/candidate-draws`,
    {
      schema: {
        tags,
        summary: '准备考生抽签：先公布种子哈希',
        params: GroupParams,
        body: CandidateDrawCommitSchema,
        response: { 200: CandidateDrawCommittedSchema },
      },
      config: { access },
    },
    async (request) => draws.commit(request.params.groupId, request.body, changeContextOf(request)),
  );

  // Step 2: the committed seed draws; the answer is the new order sheet with the revealed seed.
  app.post(
    `${base}/candidate-draws/:drawId/draw`,
    {
      schema: {
        tags,
        summary: '抽签：先抽抽签顺序，再按顺序抽面试序号',
        params: GroupParams.extend({ drawId: z.uuid() }),
        response: { 200: CandidateOrderSheetSchema },
      },
      config: { access },
    },
    async (request) => {
      const ctx = changeContextOf(request);
      await draws.draw(request.params.groupId, request.params.drawId, ctx);
      return draws.sheet(request.params.groupId, ctx.principal);
    },
  );

  // The print view reads this: the same rows as the Excel export below.
  app.get(
    `${base}/candidate-order`,
    {
      schema: {
        tags,
        summary: '面试顺序表（打印）',
        params: GroupParams,
        response: { 200: CandidateOrderSheetSchema },
      },
      config: { access },
    },
    async (request) => draws.sheet(request.params.groupId, request.principal),
  );

  // Cells go through writeSheet, which guards against formula injection.
  app.get(
    `${base}/candidate-order/export`,
    {
      schema: { tags, summary: '导出面试顺序表（Excel）', params: GroupParams },
      config: { access },
    },
    async (request, reply) => {
      const sheet = await draws.sheet(request.params.groupId, request.principal);
      const file = await writeSheet(
        '面试顺序',
        ['小组', '面试序号', '抽签顺序', '准考证号', '姓名', '职位', '结构化小组', '答题顺序'],
        sheetRows(sheet),
      );
      reply.header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`${sheet.groupName}-面试顺序.xlsx`)}`,
      );
      return reply.send(file);
    },
  );
}
