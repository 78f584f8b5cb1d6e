import {
  CreateIpAllowEntrySchema,
  CreateRoleGrantSchema,
  IdParamSchema,
  IpAllowEntrySchema,
  PageQuerySchema,
  RoleGrantSchema,
  ROLES,
  SessionPageSchema,
  StaffRoleSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor';
import type { ZodApp } from '../../platform/http/types';
import type { Identity } from './identity.service';
import { requestContextOf, staffOf } from '../../platform/auth/request-context';

const Ok = z.object({ ok: z.literal(true) });
const tags = ['安全管理'];

/**
 * Security administration by sec_admin (三权分立, NFR-SEC-1): the role catalogue and grants, the
 * back-office login allowlist (REG-07) and online sessions with 强制下线.
 */
export function registerSecurityAdminRoutes(app: ZodApp, identity: Identity): void {
  const { grants, allowlist, onlineSessions } = identity;

  // The role catalogue comes from contracts, the same one the web uses, so both show the same
  // scopes.
  app.get(
    '/api/roles',
    {
      schema: {
        tags,
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
        tags,
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
        tags,
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
        tags,
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
        tags,
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
        tags,
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
        tags,
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
        tags,
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
        tags,
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
