import {
  AdminRegistrationPageSchema,
  AdminRegistrationQuerySchema,
  CreateRegistrationSchema,
  IdParamSchema,
  PrecheckRegistrationSchema,
  PrecheckResultSchema,
  RecheckResultSchema,
  RegistrationListSchema,
  RegistrationSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../platform/auth/actor';
import type { CryptoProvider } from '../../platform/crypto';
import type { ZodApp } from '../../platform/http/types';
import { findCandidateRegistrations, findEventRegistrations } from './registrations.queries';
import type { RegistrationsService } from './registrations.service';
import { principalOf } from '../../platform/auth/request-context';

// Two OpenAPI groups: the staff side and the candidate's own registration pages.
const tags = ['笔试报名'];
const candidateTags = ['笔试报名（考生）'];

/** Candidate registration routes and the staff list / recheck routes. */
export function registerRegistrationRoutes(
  app: ZodApp,
  deps: { db: Db; crypto: CryptoProvider; registrations: RegistrationsService },
): void {
  const { db, crypto, registrations } = deps;
  app.post(
    '/api/candidate/registrations/precheck',
    {
      schema: {
        tags: candidateTags,
        summary: '报名资格自动核验（不保存）',
        body: PrecheckRegistrationSchema,
        response: { 200: PrecheckResultSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => registrations.precheck(principalOf(request).id, request.body),
  );
  app.post(
    '/api/candidate/registrations',
    {
      schema: {
        tags: candidateTags,
        summary: '提交笔试报名',
        body: CreateRegistrationSchema,
        response: { 200: RegistrationSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => {
      const { id } = await registrations.register(
        principalOf(request).id,
        request.body,
        actorOf(request),
      );
      return (await findCandidateRegistrations(db, principalOf(request).id, id))[0]!;
    },
  );
  app.get(
    '/api/candidate/registrations',
    {
      schema: {
        tags: candidateTags,
        summary: '我的报名（含进度时间线）',
        response: { 200: RegistrationListSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => ({ items: await findCandidateRegistrations(db, principalOf(request).id) }),
  );
  app.post(
    '/api/candidate/registrations/:id/cancel',
    {
      schema: {
        tags: candidateTags,
        summary: '撤销报名（报名截止前）',
        params: IdParamSchema,
        response: { 200: RegistrationSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => {
      await registrations.cancel(principalOf(request).id, request.params.id, actorOf(request));
      return (await findCandidateRegistrations(db, principalOf(request).id, request.params.id))[0]!;
    },
  );
  app.get(
    '/api/admin/events/:id/registrations',
    {
      schema: {
        tags,
        summary: '笔试报名名单',
        params: IdParamSchema,
        querystring: AdminRegistrationQuerySchema,
        response: { 200: AdminRegistrationPageSchema },
      },
      config: { access: { permission: 'registration.read' } },
    },
    async (request) => findEventRegistrations(db, crypto, request.params.id, request.query),
  );
  app.post(
    '/api/admin/events/:id/registrations/recheck',
    {
      schema: {
        tags,
        summary: '重新核验全部待核验报名',
        params: IdParamSchema,
        body: z.object({}).optional(),
        response: { 200: RecheckResultSchema },
      },
      config: { access: { permission: 'registration.recheck' } },
    },
    async (request) => registrations.recheckPending(request.params.id, actorOf(request)),
  );
}
