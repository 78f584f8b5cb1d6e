import { z } from 'zod';
import { PERMISSIONS, type Permission } from './permissions';

/** Staff roles of REQUIREMENTS §0; candidates are a population of their own, not a role. */
export const StaffRoleSchema = z.enum([
  'org_admin',
  'unit_user',
  'exam_institute',
  'hospital',
  'school',
  'support',
  'examiner',
  'interview_admin',
  'interview_staff',
  'supervisor',
  'monitor',
  'sys_admin',
  'sec_admin',
  'auditor',
]);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** 三权分立: these three roles are never held by one person and only sec_admin grants them. */
export const SECURITY_ROLES: readonly StaffRole[] = ['sys_admin', 'sec_admin', 'auditor'];

/**
 * Where a grant applies: unit-scoped roles must name a unit, event-scoped ones an event.
 * 'interview' roles name an interview event (in the grant's eventId) and may narrow it to one
 * venue and / or one session (IVW-05: check-in scope per staff account).
 */
export type RoleScopeKind = 'none' | 'unit' | 'event' | 'unit_or_event' | 'interview';

/** The scope kinds in Chinese, for sec_admin's role catalogue (NFR-UX-1: no raw codes on screen). */
export const ROLE_SCOPE_LABELS: Record<RoleScopeKind, string> = {
  none: '全局',
  unit: '指定单位',
  event: '指定招录事项',
  unit_or_event: '指定单位或招录事项',
  interview: '指定面试事项（可限考点、场次）',
};

export type RoleDefinition = {
  label: string;
  scope: RoleScopeKind;
  permissions: readonly Permission[];
};

const allPermissions = Object.keys(PERMISSIONS) as Permission[];
// The auditor reads, verifies and exports the audit log and nothing else: every `audit.*` permission.
const auditPermissions = allPermissions.filter((p) => p.startsWith('audit.'));
// The org department runs exam registration, payment and refunds with the finance system (REG-11),
// exam rooms and seat arrangement for admission tickets, and the city data-exchange checks (REG-09,
// NFR-EXC-1).
const REGISTRATION_STAFF_PERMISSIONS: readonly Permission[] = [
  'registration.read',
  'registration.recheck',
  'payment.read',
  'payment.export',
  'payment.manage',
  'ticket.manage',
  'data_exchange.read',
  'data_exchange.batch_check',
];

/**
 * Role → permissions (NFR-SEC-1 least privilege). Modules that add permissions add them to the
 * roles that need them here; docs/roles.md shows the same table.
 */
export const ROLES: Record<StaffRole, RoleDefinition> = {
  org_admin: {
    label: '市委组织部',
    scope: 'unit_or_event',
    permissions: [
      'job.read',
      'event.read',
      'event.manage',
      'event.adjust',
      'unit.read',
      'unit.manage',
      'position.read',
      'position.edit',
      'brochure.submit',
      'brochure.review',
      'notice.manage',
      ...REGISTRATION_STAFF_PERMISSIONS,
      'score.read',
      'score.publish',
      'application.review',
      'application.overdue',
      'interview_list.read',
      'interview_list.manage',
      'adjustment.review',
      'adjustment.manage',
      'composite.read',
      'composite.manage',
      'physical_exam.manage',
      'personal_data.reveal',
      // ONL-01: the org department answers appeals, name changes and fee waivers
      'problem.read',
      'problem.handle',
      'problem.export',
      // The org department sets up interview events and allocates external examiners (IVW-01,
      // INT-09a), and may run a draw or a desk itself when the venue's staff cannot (IVW-04, IVW-05).
      'interview.read',
      'interview.manage',
      'interview.draw',
      'interview.checkin',
      'examiner_dispatch.manage',
    ],
  },
  unit_user: {
    label: '招录单位',
    scope: 'unit',
    permissions: [
      'job.read',
      'event.read',
      'unit.read',
      'position.read',
      'position.edit',
      'brochure.submit',
      'application.review',
      'interview_list.read',
      'adjustment.review',
      'composite.read',
      'examiner_dispatch.register',
    ],
  },
  exam_institute: {
    label: '考试院',
    scope: 'unit_or_event',
    permissions: [
      'job.read',
      'event.read',
      'unit.read',
      'position.read',
      'registration.read',
      'ticket.manage',
      'score.import',
      'score.read',
    ],
  },
  // A hospital user's grant names his hospital (a unit of kind 'hospital'): he reaches only the
  // candidates assigned to it, through the exchange store (INT-09g).
  hospital: { label: '体检医院', scope: 'unit', permissions: ['physical_exam.record'] },
  school: { label: '学校', scope: 'unit', permissions: [] },
  support: {
    label: '运维支持',
    scope: 'none',
    // ONL-01: support answers technical questions in the problem center (its queue shows only those)
    permissions: [
      'sms.read',
      'sms.unlock',
      'system.read',
      'data_exchange.read',
      'problem.read',
      'problem.handle',
    ],
  },
  // Interview roles (IVW-01 … IVW-07) hold their permissions inside one interview event, optionally
  // one venue or session: staff of venue A never touch venue B.
  interview_admin: {
    label: '面试管理员',
    scope: 'interview',
    permissions: ['interview.read', 'interview.manage', 'interview.draw', 'interview.checkin'],
  },
  // An examiner scores on the venue tablet; which candidates he sees is his seat's group (IVW-08).
  examiner: {
    label: '考官',
    scope: 'interview',
    permissions: ['interview.read', 'interview.score'],
  },
  interview_staff: {
    label: '面试工作人员',
    scope: 'interview',
    permissions: ['interview.read', 'interview.checkin', 'interview.draw'],
  },
  // 监督员 watch draws, check-in and scoring and confirm each sheet before it counts (§7); they run
  // no draw and give no score.
  supervisor: {
    label: '监督员',
    scope: 'interview',
    permissions: ['interview.read', 'interview.supervise'],
  },
  monitor: { label: '监控', scope: 'interview', permissions: ['interview.monitor'] },
  sys_admin: {
    label: '系统管理员',
    scope: 'none',
    permissions: ['staff_user.read', 'staff_user.manage', 'system.read', 'job.read'],
  },
  sec_admin: {
    label: '安全管理员',
    scope: 'none',
    permissions: ['staff_user.read', 'role_grant.manage', 'ip_allowlist.manage', 'session.manage'],
  },
  auditor: { label: '审计管理员', scope: 'none', permissions: auditPermissions },
};

export const ROLE_LABELS: Record<StaffRole, string> = Object.fromEntries(
  Object.entries(ROLES).map(([role, def]) => [role, def.label]),
) as Record<StaffRole, string>;
