// Tag colours of the registration enums; their zh-CN labels come from @kaolu/contracts
// (REGISTRATION_STATUS_LABELS, PAYMENT_STATUS_LABELS, CHECK_RESULT_LABELS).
import type { CheckResult, PaymentStatus, RegistrationStatus } from '@kaolu/contracts';
import type { TagType } from '@/shared/labels';

/** Tag colours of a registration's status: green done, orange waiting on the candidate or us. */
export const registrationStatusTags: Record<RegistrationStatus, TagType> = {
  pending_verification: 'warning',
  awaiting_payment: 'warning',
  confirmed: 'success',
  rejected: 'danger',
  not_admitted: 'danger',
  cancelled: 'info',
};

/** Tag colours of a payment notice: waived counts as done (green), like paid (ONL-01 fee waiver). */
export const paymentStatusTags: Record<PaymentStatus, TagType> = {
  requested: 'info',
  issued: 'warning',
  pending_confirmation: 'primary',
  paid: 'success',
  expired: 'danger',
  cancelled: 'info',
  waived: 'success',
};

/** An automatic check: passed green, failed red, `pending` (city platform not answering) orange. */
export const checkResultTags: Record<CheckResult, TagType> = {
  passed: 'success',
  failed: 'danger',
  pending: 'warning',
};
