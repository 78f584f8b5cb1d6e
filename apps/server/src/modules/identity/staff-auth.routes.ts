import {
  ChangePasswordSchema,
  SecondFactorVerifySchema,
  StaffAccountSchema,
  StaffLoginResultSchema,
  StaffLoginSchema,
  TotpConfirmSchema,
  TotpSetupSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor';
import type { ZodApp } from '../../platform/http/types';
import type { Identity } from './identity.service';
import { clearSessionCookies, SESSION_COOKIE, setSessionCookies } from './session.service';
import { requestContextOf, staffOf } from '../../platform/auth/request-context';

const Ok = z.object({ ok: z.literal(true) });
const tags = ['后台登录'];

/** Staff login in two steps, logout, own account, password change and TOTP enrolment. */
export function registerStaffAuthRoutes(app: ZodApp, identity: Identity): void {
  const { staff, totp, sessions, secureCookies } = identity;

  // Public: the password step only opens a second-factor session; nothing is reachable with it yet.
  app.post(
    '/api/staff/auth/login',
    {
      schema: {
        tags,
        summary: '后台登录第一步：用户名和密码',
        body: StaffLoginSchema,
        response: { 200: StaffLoginResultSchema },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const { token, result } = await staff.login(request.body, requestContextOf(request));
      setSessionCookies(reply, token, sessions.csrfTokenFor(token), secureCookies);
      return result;
    },
  );

  // Public on purpose: the pending session cookie, not an access level, identifies the user here.
  app.post(
    '/api/staff/auth/second-factor/sms',
    {
      schema: { tags, summary: '发送第二步短信验证码', response: { 200: Ok } },
      config: { access: 'public' },
    },
    async (request) => {
      await staff.sendSecondFactorCode(request.cookies[SESSION_COOKIE], requestContextOf(request));
      return { ok: true as const };
    },
  );

  // The active session gets a new token (no session fixation), so the cookies are set again.
  app.post(
    '/api/staff/auth/second-factor/verify',
    {
      schema: {
        tags,
        summary: '后台登录第二步：短信验证码或动态口令',
        body: SecondFactorVerifySchema,
        response: { 200: StaffAccountSchema },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const { token, account } = await staff.verifySecondFactor(
        request.cookies[SESSION_COOKIE],
        request.body,
        requestContextOf(request),
      );
      setSessionCookies(reply, token, sessions.csrfTokenFor(token), secureCookies);
      return account;
    },
  );

  // Public so that a session at any step (second factor pending, password restricted) can end itself.
  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: '退出登录', response: { 200: Ok } }, config: { access: 'public' } },
    async (request, reply) => {
      await identity.logout(request.cookies[SESSION_COOKIE], requestContextOf(request));
      clearSessionCookies(reply, secureCookies);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/staff/account',
    {
      schema: { tags, summary: '当前后台用户', response: { 200: StaffAccountSchema } },
      config: { access: 'staff' },
    },
    async (request) => staff.account(staffOf(request).id),
  );

  // allowRestricted: with an expired or one-time password this is the one thing a user may do
  // (REG-05).
  app.post(
    '/api/staff/account/password',
    {
      schema: {
        tags,
        summary: '修改密码（密码过期时也可用）',
        body: ChangePasswordSchema,
        response: { 200: StaffAccountSchema },
      },
      config: { access: 'staff', allowRestricted: true },
    },
    async (request) => {
      const principal = staffOf(request);
      await staff.changePassword(principal, request.body, requestContextOf(request));
      return staff.account(principal.id);
    },
  );

  // TOTP is the alternative second factor for staff without a registered phone.
  app.post(
    '/api/staff/account/totp/setup',
    {
      schema: { tags, summary: '绑定动态口令：生成密钥', response: { 200: TotpSetupSchema } },
      config: { access: 'staff' },
    },
    async (request) => totp.setup(staffOf(request).id),
  );

  app.post(
    '/api/staff/account/totp/confirm',
    {
      schema: {
        tags,
        summary: '绑定动态口令：验证首个口令',
        body: TotpConfirmSchema,
        response: { 200: Ok },
      },
      config: { access: 'staff' },
    },
    async (request) => {
      await totp.confirm(
        staffOf(request).id,
        request.body.code,
        actorOf(request),
        requestContextOf(request),
      );
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/staff/account/totp',
    {
      schema: { tags, summary: '解除动态口令', response: { 200: Ok } },
      config: { access: 'staff' },
    },
    async (request) => {
      await totp.remove(staffOf(request).id, actorOf(request), requestContextOf(request));
      return { ok: true as const };
    },
  );
}
