import { z } from 'zod';
import { pageOf } from './common';
import { StaffRoleSchema } from './roles';

// Request and response shapes of the identity module, shared by server routes and web pages.

// Only the length is checked here: complexity rules (NFR-SEC-1) are the server's, so the answer can
// name every rule a new password breaks.
const password = z.string().min(1).max(128);
const smsCode = z.string().regex(/^\d{6}$/, '验证码为6位数字');
/** A mainland mobile number, 11 digits starting with 1: SMS codes and notices go to it (REG-06). */
export const PhoneSchema = z.string().regex(/^1\d{10}$/, '请输入11位手机号');

/** Candidates log in with either their ID number or their phone, whichever they remember. */
export const CandidateLoginSchema = z.object({
  account: z.string().trim().min(1).max(32).meta({ title: '身份证号或手机号' }),
  password: password.meta({ title: '密码' }),
});
export type CandidateLogin = z.infer<typeof CandidateLoginSchema>;

/**
 * An SMS code for registration or a password reset; counted against the daily limit (REG-06). A
 * reset for an unknown phone answers the same but sends nothing, so accounts cannot be probed.
 */
export const CandidateSmsCodeRequestSchema = z.object({
  phone: PhoneSchema.meta({ title: '手机号' }),
  purpose: z.enum(['register', 'reset_password']).meta({ title: '用途' }),
});

/**
 * Registration with real-name check: the ID number is validated by the server (check digit, and a
 * clear message for old 15-digit numbers), hence only the length here.
 */
export const CandidateRegisterSchema = z.object({
  name: z.string().trim().min(2).max(30).meta({ title: '姓名' }),
  idNumber: z.string().trim().min(15).max(18).meta({ title: '身份证号' }),
  phone: PhoneSchema.meta({ title: '手机号' }),
  smsCode: smsCode.meta({ title: '短信验证码' }),
  password: password.meta({ title: '密码' }),
});
export type CandidateRegister = z.infer<typeof CandidateRegisterSchema>;

/** A forgotten password is reset with a code sent to the registered phone. */
export const CandidateResetPasswordSchema = z.object({
  phone: PhoneSchema.meta({ title: '手机号' }),
  smsCode: smsCode.meta({ title: '短信验证码' }),
  newPassword: password.meta({ title: '新密码' }),
});

/** Both audiences change their password with the current one, also when it has expired (REG-05). */
export const ChangePasswordSchema = z.object({
  currentPassword: password.meta({ title: '当前密码' }),
  newPassword: password.meta({ title: '新密码' }),
});
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;

/** The logged-in candidate as the portal shows him: ID number and phone only masked (NFR-SEC-3). */
export const CandidateAccountSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
});
export type CandidateAccount = z.infer<typeof CandidateAccountSchema>;

/** Staff log in by user name; the password is only the first factor (NFR-SEC-1). */
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

/** The second factor: an SMS code or a TOTP code from an authenticator app, both six digits. */
export const SecondFactorVerifySchema = z.object({
  method: z.enum(['sms', 'totp']).meta({ title: '验证方式' }),
  code: z
    .string()
    .regex(/^\d{6}$/, '验证码为6位数字')
    .meta({ title: '验证码' }),
});

/** The logged-in staff user: roles and effective permissions drive the admin portal's menus. */
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

/** TOTP enrolment: the secret and the otpauth URI the QR code shows; confirmed by a first code. */
export const TotpSetupSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpConfirmSchema = z.object({
  code: z
    .string()
    .regex(/^\d{6}$/)
    .meta({ title: '动态口令' }),
});

/** A staff account in the user list of sys_admin; the phone masked like every personal datum. */
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

/** A new staff account; it gets a one-time password, never one chosen by the administrator. */
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

/**
 * A role held by a staff user, scoped to a unit and/or an event as the role's definition allows.
 */
export const RoleGrantSchema = z.object({
  id: z.uuid(),
  staffUserId: z.uuid(),
  username: z.string(),
  role: StaffRoleSchema,
  unitId: z.uuid().nullable(),
  eventId: z.uuid().nullable(),
  venueId: z.uuid().nullable(),
  sessionId: z.uuid().nullable(),
  grantedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

/** Granting a role; the server checks the scope against the role and the 三权分立 separation. */
export const CreateRoleGrantSchema = z.object({
  staffUserId: z.uuid().meta({ title: '用户' }),
  role: StaffRoleSchema.meta({ title: '角色' }),
  unitId: z.uuid().nullable().optional().meta({ title: '单位' }),
  eventId: z.uuid().nullable().optional().meta({ title: '招录事项或面试事项' }),
  // Interview roles only: narrow the grant to one venue and / or one session (IVW-05).
  venueId: z.uuid().nullable().optional().meta({ title: '面试考点' }),
  sessionId: z.uuid().nullable().optional().meta({ title: '面试场次' }),
});
export type CreateRoleGrant = z.infer<typeof CreateRoleGrantSchema>;

/** REG-07: one address or CIDR range from which staff may log in, managed by sec_admin. */
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

/** A live session, listed so that a security administrator can see and end it. */
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

/** One SMS of the outbox as support staff see it: the phone masked, the content in full. */
export const SmsMessageSchema = z.object({
  id: z.uuid(),
  phoneMasked: z.string(),
  purpose: z.string(),
  content: z.string(),
  status: SmsStatusSchema,
  createdAt: z.iso.datetime(),
});
export const SmsMessagePageSchema = pageOf(SmsMessageSchema);
/**
 * One phone's count for a day; phoneKey is its blind index, so unlocking never needs the number.
 */
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
/** REG-06 unlock by support staff: resets that phone's count for today. */
export const SmsUnlockSchema = z.object({
  phoneKey: z.string().min(1).meta({ title: '手机号标识' }),
});
