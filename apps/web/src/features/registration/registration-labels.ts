import { PAYMENT_STATUS_LABELS, REGISTRATION_STATUS_LABELS, type PaymentStatus, type RegistrationStatus } from '@kaolu/contracts';
import type { TagType } from '@/shared/labels';

export { PAYMENT_STATUS_LABELS, REGISTRATION_STATUS_LABELS };

/** Tag colours of a registration's status: green done, orange waiting on the candidate or us. */
export const registrationStatusTags: Record<RegistrationStatus, TagType> = {
  pending_verification: 'warning',
  awaiting_payment: 'warning',
  confirmed: 'success',
  rejected: 'danger',
  not_admitted: 'danger',
  cancelled: 'info',
};

export const paymentStatusTags: Record<PaymentStatus, TagType> = {
  requested: 'info',
  issued: 'warning',
  pending_confirmation: 'primary',
  paid: 'success',
  expired: 'danger',
  cancelled: 'info',
  waived: 'success',
};

export const checkResultLabels = { passed: '通过', failed: '不符合', pending: '待核验' } as const;
export const checkResultTags: Record<keyof typeof checkResultLabels, TagType> = { passed: 'success', failed: 'danger', pending: 'warning' };
