import {
  CreateIpAllowEntrySchema,
  CreateRoleGrantSchema,
  CreateStaffUserSchema,
  IdParamSchema,
  IpAllowEntrySchema,
  OneTimePasswordSchema,
  PageQuerySchema,
  RoleGrantSchema,
  ROLES,
  SessionPageSchema,
  StaffRoleSchema,
  StaffUserPageSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor';
import type { ZodApp } from '../../platform/http/types';
import type { Identity } from './identity.service';
import { requestContextOf, staffOf } from '../../platform/auth/request-context';

const Ok = z.object({ ok: z.literal(true) });

/**
 * Back-office administration, split by 三权分立: users (sys_admin), roles and grants, IP allowlist
 * and sessions (sec_admin). Each route names the one permission it needs.
 */
export function registerIdentityAdminRoutes(app: ZodApp, identity: Identity): void {
  const { staffUsers, grants, allowlist, onlineSessions } = identity;
  const usersTags = ['用户管理'];
  const securityTags = ['安全管理'];

  app.get(
    '/api/staff-users',
    {
      schema: {
        tags: usersTags,
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
        tags: usersTags,
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
        tags: usersTags,
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
          tags: usersTags,
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
        tags: usersTags,
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

  // The role catalogue comes from contracts, the same one the web uses, so both show the same
  // scopes.
  app.get(
    '/api/roles',
    {
      schema: {
        tags: securityTags,
        summary: '角色与权限目录',
        response: {
          200: z.array(
            z.object({
              role: StaffRoleSchema,
              label: z.string(),
              scope: z.string(),
              permissions: z.array(z.string()),
            }),
          ),
        },
      },
      config: { access: { permission: 'role_grant.manage' } },
    },
    async () =>
      StaffRoleSchema.options.map((role) => ({
        role,
        label: ROLES[role].label,
        scope: ROLES[role].scope,
        permissions: [...ROLES[role].permissions],
      })),
  );

  app.get(
    '/api/role-grants',
    {
      schema: {
        tags: securityTags,
        summary: '授权列表',
        querystring: z.object({ staffUserId: z.uuid().optional().meta({ title: '用户' }) }),
        response: { 200: z.array(RoleGrantSchema) },
      },
      config: { access: { permission: 'role_grant.manage' } },
    },
    async (request) => grants.list(request.query.staffUserId),
  );

  // 三权分立: granting is sec_admin's, not that of sys_admin who creates the accounts.
  app.post(
    '/api/role-grants',
    {
      schema: {
        tags: securityTags,
        summary: '分配角色（可限定单位或招录事项）',
        body: CreateRoleGrantSchema,
        response: { 200: z.object({ id: z.uuid() }) },
      },
      config: { access: { permission: 'role_grant.manage' } },
    },
    async (request) => {
      const principal = staffOf(request);
      const row = await grants.grant(
        request.body,
        { kind: 'staff', id: principal.id, username: principal.username },
        principal.username,
        requestContextOf(request),
      );
      return { id: row.id };
    },
  );

  app.delete(
    '/api/role-grants/:id',
    {
      schema: {
        tags: securityTags,
        summary: '收回授权',
        params: IdParamSchema,
        response: { 200: Ok },
      },
      config: { access: { permission: 'role_grant.manage' } },
    },
    async (request) => {
      const principal = staffOf(request);
      await grants.revoke(
        request.params.id,
        { kind: 'staff', id: principal.id, username: principal.username },
        requestContextOf(request),
      );
      return { ok: true as const };
    },
  );

  // REG-07: the addresses from which staff may log in; createdAt goes out as ISO text.
  app.get(
    '/api/ip-allowlist',
    {
      schema: {
        tags: securityTags,
        summary: '后台登录地址白名单',
        response: { 200: z.array(IpAllowEntrySchema) },
      },
      config: { access: { permission: 'ip_allowlist.manage' } },
    },
    async () =>
      (await allowlist.list()).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  );

  app.post(
    '/api/ip-allowlist',
    {
      schema: {
        tags: securityTags,
        summary: '添加白名单地址或网段',
        body: CreateIpAllowEntrySchema,
        response: { 200: IpAllowEntrySchema },
      },
      config: { access: { permission: 'ip_allowlist.manage' } },
    },
    async (request) => {
      const principal = staffOf(request);
      const row = await allowlist.add(
        request.body,
        actorOf(request),
        principal.username,
        requestContextOf(request),
      );
      return { ...row, createdAt: row.createdAt.toISOString() };
    },
  );

  app.delete(
    '/api/ip-allowlist/:id',
    {
      schema: {
        tags: securityTags,
        summary: '删除白名单条目',
        params: IdParamSchema,
        response: { 200: Ok },
      },
      config: { access: { permission: 'ip_allowlist.manage' } },
    },
    async (request) => {
      await allowlist.remove(request.params.id, actorOf(request), requestContextOf(request));
      return { ok: true as const };
    },
  );

  // Online sessions with a readable subject: staff by username, candidates only by masked name.
  app.get(
    '/api/sessions',
    {
      schema: {
        tags: securityTags,
        summary: '在线会话',
        querystring: PageQuerySchema,
        response: { 200: SessionPageSchema },
      },
      config: { access: { permission: 'session.manage' } },
    },
    async (request) => onlineSessions.list(request.query.page, request.query.pageSize),
  );

  // 强制下线: revocation and its audit entry commit together (identity.service revokeSession).
  app.delete(
    '/api/sessions/:id',
    {
      schema: {
        tags: securityTags,
        summary: '强制下线',
        params: IdParamSchema,
        response: { 200: Ok },
      },
      config: { access: { permission: 'session.manage' } },
    },
    async (request) => {
      await identity.revokeSession(request.params.id, actorOf(request), requestContextOf(request));
      return { ok: true as const };
    },
  );
}
