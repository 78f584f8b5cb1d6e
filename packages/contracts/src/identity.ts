import { z } from 'zod';
import { pageOf } from './common';
import { StaffRoleSchema } from './roles';

// Request and response shapes of the identity module, shared by server routes and web pages.

const password = z.string().min(1).max(128);
const smsCode = z.string().regex(/^\d{6}$/, '验证码为6位数字');
export const PhoneSchema = z.string().regex(/^1\d{10}$/, '请输入11位手机号');

export const CandidateLoginSchema = z.object({
  account: z.string().trim().min(1).max(32).meta({ title: '身份证号或手机号' }),
  password: password.meta({ title: '密码' }),
});
export type CandidateLogin = z.infer<typeof CandidateLoginSchema>;

export const CandidateSmsCodeRequestSchema = z.object({
  phone: PhoneSchema.meta({ title: '手机号' }),
  purpose: z.enum(['register', 'reset_password']).meta({ title: '用途' }),
});

export const CandidateRegisterSchema = z.object({
  name: z.string().trim().min(2).max(30).meta({ title: '姓名' }),
  idNumber: z.string().trim().min(15).max(18).meta({ title: '身份证号' }),
  phone: PhoneSchema.meta({ title: '手机号' }),
  smsCode: smsCode.meta({ title: '短信验证码' }),
  password: password.meta({ title: '密码' }),
});
export type CandidateRegister = z.infer<typeof CandidateRegisterSchema>;

export const CandidateResetPasswordSchema = z.object({
  phone: PhoneSchema.meta({ title: '手机号' }),
  smsCode: smsCode.meta({ title: '短信验证码' }),
  newPassword: password.meta({ title: '新密码' }),
});

export const ChangePasswordSchema = z.object({
  currentPassword: password.meta({ title: '当前密码' }),
  newPassword: password.meta({ title: '新密码' }),
});
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;

export const CandidateAccountSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
});
export type CandidateAccount = z.infer<typeof CandidateAccountSchema>;

export const StaffLoginSchema = z.object({
  username: z.string().trim().min(1).max(64).meta({ title: '用户名' }),
  password: password.meta({ title: '密码' }),
});

/** After the password: which second factors the user may use. */
export const StaffLoginResultSchema = z.object({
  stage: z.literal('second_factor'),
  methods: z.array(z.enum(['sms', 'totp'])),
  phoneMasked: z.string().nullable(),
});

export const SecondFactorVerifySchema = z.object({
  method: z.enum(['sms', 'totp']).meta({ title: '验证方式' }),
  code: z
    .string()
    .regex(/^\d{6}$/, '验证码为6位数字')
    .meta({ title: '验证码' }),
});

export const StaffAccountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(StaffRoleSchema),
  permissions: z.array(z.string()),
  passwordExpiresAt: z.iso.datetime(),
  /** Why the session is restricted to changing the password, if it is. */
  passwordChangeRequired: z.enum(['expired', 'initial']).nullable(),
  /** zh-CN warning shown from 14 days before expiry. */
  passwordWarning: z.string().nullable(),
  totpEnabled: z.boolean(),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

export const TotpSetupSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpConfirmSchema = z.object({
  code: z
    .string()
    .regex(/^\d{6}$/)
    .meta({ title: '动态口令' }),
});

export const StaffUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  roles: z.array(StaffRoleSchema),
  passwordSetAt: z.iso.datetime(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type StaffUser = z.infer<typeof StaffUserSchema>;
export const StaffUserPageSchema = pageOf(StaffUserSchema);

export const CreateStaffUserSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '3–32位字母、数字、下划线，字母开头')
    .meta({ title: '用户名' }),
  displayName: z.string().trim().min(1).max(30).meta({ title: '姓名' }),
  phone: PhoneSchema.meta({ title: '手机号' }),
});
export type CreateStaffUser = z.infer<typeof CreateStaffUserSchema>;

/** A one-time password shown once to the administrator, valid ≤ 24 h, to be changed at first login. */
export const OneTimePasswordSchema = z.object({
  userId: z.uuid(),
  oneTimePassword: z.string(),
  expiresAt: z.iso.datetime(),
});

export const RoleGrantSchema = z.object({
  id: z.uuid(),
  staffUserId: z.uuid(),
  username: z.string(),
  role: StaffRoleSchema,
  unitId: z.uuid().nullable(),
  eventId: z.uuid().nullable(),
  grantedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const CreateRoleGrantSchema = z.object({
  staffUserId: z.uuid().meta({ title: '用户' }),
  role: StaffRoleSchema.meta({ title: '角色' }),
  unitId: z.uuid().nullable().optional().meta({ title: '单位' }),
  eventId: z.uuid().nullable().optional().meta({ title: '招录事项' }),
});
export type CreateRoleGrant = z.infer<typeof CreateRoleGrantSchema>;

export const IpAllowEntrySchema = z.object({
  id: z.uuid(),
  cidr: z.string(),
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});
export const CreateIpAllowEntrySchema = z.object({
  cidr: z.string().trim().min(2).max(64).meta({ title: '地址或网段' }),
  note: z.string().trim().max(100).default('').meta({ title: '备注' }),
});

export const SessionInfoSchema = z.object({
  id: z.uuid(),
  subjectKind: z.enum(['staff', 'candidate']),
  subject: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export const SessionPageSchema = pageOf(SessionInfoSchema);

/** Delivery state of an SMS in the outbox (REG-06). */
export const SmsStatusSchema = z.enum(['outbox', 'sent', 'failed']);
export type SmsStatus = z.infer<typeof SmsStatusSchema>;
export const SMS_STATUS_LABELS: Record<SmsStatus, string> = {
  outbox: '发件箱',
  sent: '已发送',
  failed: '发送失败',
};

export const SmsMessageSchema = z.object({
  id: z.uuid(),
  phoneMasked: z.string(),
  purpose: z.string(),
  content: z.string(),
  status: SmsStatusSchema,
  createdAt: z.iso.datetime(),
});
export const SmsMessagePageSchema = pageOf(SmsMessageSchema);
export const SmsDailyCountSchema = z.object({
  phoneMasked: z.string(),
  phoneKey: z.string(),
  day: z.string(),
  count: z.number().int(),
});
/** Today's counts with the configured limit (SMS_DAILY_LIMIT), so the page states the real number. */
export const SmsDailyCountsSchema = z.object({
  dailyLimit: z.number().int(),
  items: z.array(SmsDailyCountSchema),
});
export const SmsUnlockSchema = z.object({
  phoneKey: z.string().min(1).meta({ title: '手机号标识' }),
});
