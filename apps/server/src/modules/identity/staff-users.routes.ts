import {
  CreateStaffUserSchema,
  IdParamSchema,
  OneTimePasswordSchema,
  PageQuerySchema,
  StaffUserPageSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor';
import type { ZodApp } from '../../platform/http/types';
import type { Identity } from './identity.service';
import { requestContextOf } from '../../platform/auth/request-context';

const Ok = z.object({ ok: z.literal(true) });
const tags = ['用户管理'];

/**
 * Account administration by sys_admin (三权分立): list, create with a one-time password, reset,
 * disable / enable and unlock. Roles are granted elsewhere, by sec_admin (security-admin.routes.ts).
 */
export function registerStaffUserRoutes(app: ZodApp, identity: Identity): void {
  const { staffUsers } = identity;

  app.get(
    '/api/staff-users',
    {
      schema: {
        tags,
        summary: '后台用户列表',
        querystring: PageQuerySchema.extend({
          keyword: z.string().trim().max(64).optional().meta({ title: '用户名' }),
        }),
        response: { 200: StaffUserPageSchema },
      },
      config: { access: { permission: 'staff_user.read' } },
    },
    async (request) => staffUsers.list(request.query),
  );

  app.post(
    '/api/staff-users',
    {
      schema: {
        tags,
        summary: '新建后台用户（返回一次性密码）',
        body: CreateStaffUserSchema,
        response: { 200: OneTimePasswordSchema },
      },
      config: { access: { permission: 'staff_user.manage' } },
    },
    async (request) => staffUsers.create(request.body, actorOf(request), requestContextOf(request)),
  );

  // A reset never shows or sets a chosen password: the administrator relays a one-time one
  // (REG-05).
  app.post(
    '/api/staff-users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（一次性密码，24小时内有效）',
        params: IdParamSchema,
        response: { 200: OneTimePasswordSchema },
      },
      config: { access: { permission: 'staff_user.manage' } },
    },
    async (request) =>
      staffUsers.resetPassword(request.params.id, actorOf(request), requestContextOf(request)),
  );

  // Disable and enable share one shape; the service refuses to disable one's own account.
  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/staff-users/:id/${action}`,
      {
        schema: {
          tags,
          summary: disabled ? '停用用户' : '启用用户',
          params: IdParamSchema,
          response: { 200: Ok },
        },
        config: { access: { permission: 'staff_user.manage' } },
      },
      async (request) => {
        await staffUsers.setDisabled(
          request.params.id,
          disabled,
          actorOf(request),
          requestContextOf(request),
        );
        return { ok: true as const };
      },
    );
  }

  // Clears a lockout after too many failed logins (NFR-SEC-1) without waiting for
  // LOGIN_LOCK_MINUTES.
  app.post(
    '/api/staff-users/:id/unlock',
    {
      schema: {
        tags,
        summary: '解除登录锁定',
        params: IdParamSchema,
        response: { 200: Ok },
      },
      config: { access: { permission: 'staff_user.manage' } },
    },
    async (request) => {
      await staffUsers.unlock(request.params.id, actorOf(request), requestContextOf(request));
      return { ok: true as const };
    },
  );
}
