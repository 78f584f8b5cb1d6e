import {
  ApplicationListSchema,
  ApplicationPrecheckSchema,
  ApplicationSchema,
  ChangeApplicationSchema,
  IdParamSchema,
  PrecheckApplicationSchema,
  SubmitApplicationSchema,
  SupplementApplicationSchema,
} from '@kaolu/contracts';
import type { ZodApp } from '../../platform/http/types';
import type { ApplicationsService } from './applications.service';
import { changeContextOf, principalOf } from '../../platform/auth/request-context';

// The OpenAPI group of these routes; each acts for the signed-in candidate (access: candidate).
const tags = ['职位报名（考生）'];

/** Candidate routes of position application: check, apply, change, supplement, list. */
export function registerApplicationRoutes(app: ZodApp, applications: ApplicationsService): void {
  // Every write answers the application as the list shows it (timeline included), read after commit
  const one = async (candidateId: string, id: string) =>
    (await applications.listMine(candidateId, id))[0]!;
  // Precheck saves nothing, so the candidate may try positions freely before applying.
  app.post(
    '/api/candidate/applications/precheck',
    {
      schema: {
        tags,
        summary: '职位报考条件核验（不保存）',
        body: PrecheckApplicationSchema,
        response: { 200: ApplicationPrecheckSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => applications.precheck(principalOf(request).id, request.body),
  );
  // A refusal answers APPLICATION.NOT_ELIGIBLE with every check in details, for the page to list.
  app.post(
    '/api/candidate/applications',
    {
      schema: {
        tags,
        summary: '报考职位',
        body: SubmitApplicationSchema,
        response: { 200: ApplicationSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) =>
      one(
        principalOf(request).id,
        (await applications.submit(principalOf(request).id, request.body, changeContextOf(request)))
          .id,
      ),
  );
  app.get(
    '/api/candidate/applications',
    {
      schema: { tags, summary: '我的职位报名', response: { 200: ApplicationListSchema } },
      config: { access: 'candidate' },
    },
    async (request) => ({ items: await applications.listMine(principalOf(request).id) }),
  );
  // The id is the application being replaced; the answer is the new application.
  app.post(
    '/api/candidate/applications/:id/change',
    {
      schema: {
        tags,
        summary: '改报职位（单位审核前）',
        params: IdParamSchema,
        body: ChangeApplicationSchema,
        response: { 200: ApplicationSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) =>
      one(
        principalOf(request).id,
        (
          await applications.change(
            principalOf(request).id,
            request.params.id,
            request.body,
            changeContextOf(request),
          )
        ).id,
      ),
  );
  // Only a 退回补充 application accepts a supplement; the note goes to the timeline.
  app.post(
    '/api/candidate/applications/:id/supplement',
    {
      schema: {
        tags,
        summary: '补充材料后重新提交（退回补充时）',
        params: IdParamSchema,
        body: SupplementApplicationSchema,
        response: { 200: ApplicationSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => {
      await applications.supplement(
        principalOf(request).id,
        request.params.id,
        request.body.note,
        changeContextOf(request),
      );
      return one(principalOf(request).id, request.params.id);
    },
  );
}
