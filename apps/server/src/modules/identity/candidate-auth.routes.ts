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

// Every answer here that can reveal whether an account exists is the same for known and unknown
// accounts; the service decides that, the routes only carry request context and cookies.
const Ok = z.object({ ok: z.literal(true) });
const tags = ['考生账号'];

/** Candidate portal: register, log in, forgot password, change password, my account. */
export function registerCandidateAuthRoutes(app: ZodApp, identity: Identity): void {
  const { candidates, sessions, secureCookies } = identity;

  // Public: the code is what proves the phone before an account exists (注册) or is reachable (找回密码).
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

  // Registration logs the candidate in at once: the session and CSRF cookies are set on the answer.
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

  // The account field takes an ID number or a phone number; the service tells them apart.
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

  // Public by necessity: the SMS code stands in for the forgotten password.
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

  // The current session id is passed so that every other session ends and this one survives.
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
