import type { z } from 'zod';
import type {
  CandidateAccount,
  CandidateRegister,
  CandidateSmsCodeRequestSchema,
  CreateIpAllowEntrySchema,
  CreateRoleGrant,
  CreateStaffUser,
  GrantScopeOptions,
  IpAllowEntrySchema,
  OneTimePasswordSchema,
  RoleGrant,
  SessionInfoSchema,
  SessionPageSchema,
  SmsDailyCountSchema,
  SmsDailyCountsSchema,
  SmsMessagePageSchema,
  SmsMessageSchema,
  StaffAccount,
  StaffLoginResultSchema,
  StaffRole,
  StaffUser,
  StaffUserPageSchema,
  TotpSetupSchema,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import type { PageQuery } from '../paged';

// Typed calls of the identity module (REG-05, REG-06, REG-07). Every request and answer shape is a
// contracts schema, so a change on the server side fails the web typecheck instead of a page (NFR-MNT-1).

export type { CandidateAccount, RoleGrant, StaffAccount, StaffUser };
export type OneTimePassword = z.infer<typeof OneTimePasswordSchema>;
export type StaffLoginResult = z.infer<typeof StaffLoginResultSchema>;
export type IpAllowEntry = z.infer<typeof IpAllowEntrySchema>;
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export type SmsMessage = z.infer<typeof SmsMessageSchema>;
export type SmsDailyCount = z.infer<typeof SmsDailyCountSchema>;
export type TotpSetup = z.infer<typeof TotpSetupSchema>;
/**
 * One row of GET /api/roles. The server declares this answer inline (identity-admin.routes.ts), so
 * there is no contracts schema to infer from yet; `role` at least is the contracts enum.
 */
export type RoleInfo = { role: StaffRole; label: string; scope: string; permissions: string[] };

/** The `{ ok: true }` answer of calls that only succeed or fail. */
type Ok = { ok: true };

// Candidate portal calls. Login accepts the ID number or the phone as `account`.
export const candidateApi = {
  requestCode: (phone: string, purpose: z.infer<typeof CandidateSmsCodeRequestSchema>['purpose']) =>
    http.post<Ok>('/api/candidate/auth/sms-code', { phone, purpose }),
  register: (body: CandidateRegister) =>
    http.post<CandidateAccount>('/api/candidate/auth/register', body),
  login: (account: string, password: string) =>
    http.post<CandidateAccount>('/api/candidate/auth/login', { account, password }),
  resetPassword: (phone: string, smsCode: string, newPassword: string) =>
    http.post<Ok>('/api/candidate/auth/reset-password', { phone, smsCode, newPassword }),
  account: (options?: RequestOptions) =>
    http.get<CandidateAccount>('/api/candidate/account', options),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<Ok>('/api/candidate/account/password', { currentPassword, newPassword }),
};

// Staff sign-in in two steps: password first (its answer lists the second-factor methods the
// account has), then an SMS code or TOTP; only the second step yields a full session.
export const staffAuthApi = {
  login: (username: string, password: string) =>
    http.post<StaffLoginResult>('/api/staff/auth/login', { username, password }),
  // No body: the pending session cookie of step 1 tells the server whose phone gets the code.
  sendCode: () => http.post<Ok>('/api/staff/auth/second-factor/sms'),
  verify: (method: StaffLoginResult['methods'][number], code: string) =>
    http.post<StaffAccount>('/api/staff/auth/second-factor/verify', { method, code }),
  account: (options?: RequestOptions) => http.get<StaffAccount>('/api/staff/account', options),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<StaffAccount>('/api/staff/account/password', { currentPassword, newPassword }),
  // Binding an authenticator app: setup answers the secret, confirm proves a first code from it.
  setupTotp: () => http.post<TotpSetup>('/api/staff/account/totp/setup'),
  confirmTotp: (code: string) => http.post<Ok>('/api/staff/account/totp/confirm', { code }),
};

/** Ends the current session, candidate or staff. */
export const logout = () => http.post<Ok>('/api/auth/logout');

// Back-office administration: users (sys_admin), role grants and the allowlist (sec_admin),
// sessions and the SMS outbox (support). Each call is permission-checked by the server again.
export const adminApi = {
  findUsers: (query: PageQuery & { keyword?: string }, options?: RequestOptions) =>
    http.get<z.infer<typeof StaffUserPageSchema>>('/api/staff-users', { ...options, query }),
  createUser: (body: CreateStaffUser) => http.post<OneTimePassword>('/api/staff-users', body),
  // A new one-time password, shown once to the admin; the server ends the user's sessions.
  resetPassword: (id: string) =>
    http.post<OneTimePassword>(`/api/staff-users/${id}/reset-password`),
  setDisabled: (id: string, disabled: boolean) =>
    http.post<Ok>(`/api/staff-users/${id}/${disabled ? 'disable' : 'enable'}`),
  unlock: (id: string) => http.post<Ok>(`/api/staff-users/${id}/unlock`),
  roles: () => http.get<RoleInfo[]>('/api/roles'),
  grants: (staffUserId?: string) =>
    http.get<RoleGrant[]>('/api/role-grants', { query: { staffUserId } }),
  // The server answers the new grant's id inline ({ id }); the page reloads the list anyway.
  grant: (body: CreateRoleGrant) => http.post<{ id: string }>('/api/role-grants', body),
  /** Units, events and interview places to pick a grant's scope from, and to name it by. */
  grantScopeOptions: () => http.get<GrantScopeOptions>('/api/role-grants/scope-options'),
  revokeGrant: (id: string) => http.delete<Ok>(`/api/role-grants/${id}`),
  allowlist: () => http.get<IpAllowEntry[]>('/api/ip-allowlist'),
  addAllowEntry: (body: z.input<typeof CreateIpAllowEntrySchema>) =>
    http.post<IpAllowEntry>('/api/ip-allowlist', body),
  removeAllowEntry: (id: string) => http.delete<Ok>(`/api/ip-allowlist/${id}`),
  sessions: (query: PageQuery) =>
    http.get<z.infer<typeof SessionPageSchema>>('/api/sessions', { query }),
  revokeSession: (id: string) => http.delete<Ok>(`/api/sessions/${id}`),
  smsMessages: (query: PageQuery) =>
    http.get<z.infer<typeof SmsMessagePageSchema>>('/api/sms/messages', { query }),
  smsCounts: () => http.get<z.infer<typeof SmsDailyCountsSchema>>('/api/sms/daily-counts'),
  // Body and answer are declared inline by the server (sms.routes.ts: phoneKey or phone → { unlocked }).
  // Unlocking goes by the row's phoneKey, since the page only has the number masked.
  smsUnlock: (phoneKey: string) =>
    http.post<{ unlocked: boolean }>('/api/sms/unlock', { phoneKey }),
};
