import {
  CandidateAccountSchema,
  CandidateLoginSchema,
  CandidateRegisterSchema,
  CandidateResetPasswordSchema,
  CandidateSmsCodeRequestSchema,
  ChangePasswordSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/types';
import type { Identity } from './identity.service';
import { setSessionCookies } from './session.service';
import { candidateOf, requestContextOf } from '../../platform/auth/request-context';

const Ok = z.object({ ok: z.literal(true) });
const tags = ['考生账号'];

/** Candidate portal: register, log in, forgot password, change password, my account. */
export function registerCandidateAuthRoutes(app: ZodApp, identity: Identity): void {
  const { candidates, sessions, secureCookies } = identity;

  app.post(
    '/api/candidate/auth/sms-code',
    {
      schema: {
        tags,
        summary: '获取短信验证码（注册、找回密码）',
        body: CandidateSmsCodeRequestSchema,
        response: { 200: Ok },
      },
      config: { access: 'public' },
    },
    async (request) => {
      await candidates.requestCode(request.body, requestContextOf(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/candidate/auth/register',
    {
      schema: {
        tags,
        summary: '考生注册（实名认证）',
        body: CandidateRegisterSchema,
        response: { 200: CandidateAccountSchema },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const { token, account } = await candidates.register(request.body, requestContextOf(request));
      setSessionCookies(reply, token, sessions.csrfTokenFor(token), secureCookies);
      return account;
    },
  );

  app.post(
    '/api/candidate/auth/login',
    {
      schema: {
        tags,
        summary: '考生登录（身份证号或手机号）',
        body: CandidateLoginSchema,
        response: { 200: CandidateAccountSchema },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const { token, account } = await candidates.login(request.body, requestContextOf(request));
      setSessionCookies(reply, token, sessions.csrfTokenFor(token), secureCookies);
      return account;
    },
  );

  app.post(
    '/api/candidate/auth/reset-password',
    {
      schema: {
        tags,
        summary: '找回密码（短信验证码）',
        body: CandidateResetPasswordSchema,
        response: { 200: Ok },
      },
      config: { access: 'public' },
    },
    async (request) => {
      await candidates.resetPassword(request.body, requestContextOf(request));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/candidate/account',
    {
      schema: { tags, summary: '我的账号', response: { 200: CandidateAccountSchema } },
      config: { access: 'candidate' },
    },
    async (request) => candidates.account(candidateOf(request).id),
  );

  app.post(
    '/api/candidate/account/password',
    {
      schema: { tags, summary: '修改密码', body: ChangePasswordSchema, response: { 200: Ok } },
      config: { access: 'candidate' },
    },
    async (request) => {
      const principal = candidateOf(request);
      await candidates.changePassword(
        principal.id,
        principal.sessionId,
        request.body,
        requestContextOf(request),
      );
      return { ok: true as const };
    },
  );
}
