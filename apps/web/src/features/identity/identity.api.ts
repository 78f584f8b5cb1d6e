import type { CandidateAccount, CandidateRegister, CreateRoleGrant, CreateStaffUser, RoleGrant, StaffAccount, StaffUser } from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import type { PageQuery, Paged } from '../paged';

// Typed calls of the identity module (issue 3); shapes come from @kaolu/contracts.

export type { CandidateAccount, RoleGrant, StaffAccount, StaffUser };
export type OneTimePassword = { userId: string; oneTimePassword: string; expiresAt: string };
export type StaffLoginResult = { stage: 'second_factor'; methods: Array<'sms' | 'totp'>; phoneMasked: string | null };
export type IpAllowEntry = { id: string; cidr: string; note: string; createdBy: string; createdAt: string };
export type SessionInfo = { id: string; subjectKind: 'staff' | 'candidate'; subject: string; ip: string | null; userAgent: string | null; createdAt: string; lastSeenAt: string; expiresAt: string };
export type RoleInfo = { role: RoleGrant['role']; label: string; scope: string; permissions: string[] };
export type SmsMessage = { id: string; phoneMasked: string; purpose: string; content: string; status: 'outbox' | 'sent' | 'failed'; createdAt: string };
export type SmsDailyCount = { phoneMasked: string; phoneKey: string; day: string; count: number };

export const candidateApi = {
  requestCode: (phone: string, purpose: 'register' | 'reset_password') => http.post<{ ok: true }>('/api/candidate/auth/sms-code', { phone, purpose }),
  register: (body: CandidateRegister) => http.post<CandidateAccount>('/api/candidate/auth/register', body),
  login: (account: string, password: string) => http.post<CandidateAccount>('/api/candidate/auth/login', { account, password }),
  resetPassword: (phone: string, smsCode: string, newPassword: string) => http.post<{ ok: true }>('/api/candidate/auth/reset-password', { phone, smsCode, newPassword }),
  account: (options?: RequestOptions) => http.get<CandidateAccount>('/api/candidate/account', options),
  changePassword: (currentPassword: string, newPassword: string) => http.post<{ ok: true }>('/api/candidate/account/password', { currentPassword, newPassword }),
};

export const staffAuthApi = {
  login: (username: string, password: string) => http.post<StaffLoginResult>('/api/staff/auth/login', { username, password }),
  sendCode: () => http.post<{ ok: true }>('/api/staff/auth/second-factor/sms'),
  verify: (method: 'sms' | 'totp', code: string) => http.post<StaffAccount>('/api/staff/auth/second-factor/verify', { method, code }),
  account: (options?: RequestOptions) => http.get<StaffAccount>('/api/staff/account', options),
  changePassword: (currentPassword: string, newPassword: string) => http.post<StaffAccount>('/api/staff/account/password', { currentPassword, newPassword }),
  setupTotp: () => http.post<{ secret: string; otpauthUri: string }>('/api/staff/account/totp/setup'),
  confirmTotp: (code: string) => http.post<{ ok: true }>('/api/staff/account/totp/confirm', { code }),
};

/** Ends the current session, candidate or staff. */
export const logout = () => http.post<{ ok: true }>('/api/auth/logout');

export const adminApi = {
  findUsers: (query: PageQuery & { keyword?: string }, options?: RequestOptions) => http.get<Paged<StaffUser>>('/api/staff-users', { ...options, query }),
  createUser: (body: CreateStaffUser) => http.post<OneTimePassword>('/api/staff-users', body),
  resetPassword: (id: string) => http.post<OneTimePassword>(`/api/staff-users/${id}/reset-password`),
  setDisabled: (id: string, disabled: boolean) => http.post<{ ok: true }>(`/api/staff-users/${id}/${disabled ? 'disable' : 'enable'}`),
  unlock: (id: string) => http.post<{ ok: true }>(`/api/staff-users/${id}/unlock`),
  roles: () => http.get<RoleInfo[]>('/api/roles'),
  grants: (staffUserId?: string) => http.get<RoleGrant[]>('/api/role-grants', { query: { staffUserId } }),
  grant: (body: CreateRoleGrant) => http.post<{ id: string }>('/api/role-grants', body),
  revokeGrant: (id: string) => http.delete<{ ok: true }>(`/api/role-grants/${id}`),
  allowlist: () => http.get<IpAllowEntry[]>('/api/ip-allowlist'),
  addAllowEntry: (cidr: string, note: string) => http.post<IpAllowEntry>('/api/ip-allowlist', { cidr, note }),
  removeAllowEntry: (id: string) => http.delete<{ ok: true }>(`/api/ip-allowlist/${id}`),
  sessions: (query: PageQuery) => http.get<Paged<SessionInfo>>('/api/sessions', { query }),
  revokeSession: (id: string) => http.delete<{ ok: true }>(`/api/sessions/${id}`),
  smsMessages: (query: PageQuery) => http.get<Paged<SmsMessage>>('/api/sms/messages', { query }),
  smsCounts: () => http.get<{ dailyLimit: number; items: SmsDailyCount[] }>('/api/sms/daily-counts'),
  smsUnlock: (phoneKey: string) => http.post<{ unlocked: boolean }>('/api/sms/unlock', { phoneKey }),
};
