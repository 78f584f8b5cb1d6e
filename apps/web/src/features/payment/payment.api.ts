import type { z } from 'zod';
import type {
  PaymentCallbackResultSchema,
  PaymentNotice,
  ReconciliationPageSchema,
  ReconciliationQuerySchema,
  StartPaymentResultSchema,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import { downloadFile } from '../profile/file-transfer';

export type { PaymentNotice };
export type StartPaymentResult = z.infer<typeof StartPaymentResultSchema>;
export type ReconciliationPage = z.infer<typeof ReconciliationPageSchema>;
export type ReconciliationRow = ReconciliationPage['items'][number];
export type ReconciliationQuery = Partial<z.output<typeof ReconciliationQuerySchema>> & {
  eventId: string;
};

// The finance simulator answers pay links under this path; a real finance system links elsewhere.
const SIMULATOR_PAY_PATH = '/pay/simulator/';

/** Whether the API's pay link is the finance simulator's, i.e. "模拟支付" may be offered. */
export const isSimulatorPayUrl = (payUrl: string) => payUrl.startsWith(SIMULATOR_PAY_PATH);

/** Candidate payment calls (REG-11). */
export const paymentApi = {
  notice: (registrationId: string, options?: RequestOptions) =>
    http.get<PaymentNotice>(`/api/candidate/registrations/${registrationId}/payment`, options),
  /** Opens payment: the notice becomes 缴费确认中 until the finance system's callback arrives. */
  start: (noticeId: string) =>
    http.post<StartPaymentResult>(`/api/candidate/payments/${noticeId}/start`),
  /** Simulator only: the route exists only while the finance simulator is the provider. */
  simulate: (noticeId: string) =>
    http.post<z.infer<typeof PaymentCallbackResultSchema>>(
      `/api/candidate/payments/${noticeId}/simulate`,
    ),
};

/** Finance staff: reconciliation list and its Excel export (REG-11). */
export const reconciliationApi = {
  find: (query: ReconciliationQuery, options?: RequestOptions) =>
    http.get<ReconciliationPage>('/api/admin/payments/reconciliation', { ...options, query }),
  /** Exports the same event and status as the list, not one page: the whole selection. */
  export: (query: Pick<ReconciliationQuery, 'eventId' | 'status'>) =>
    downloadFile('/api/admin/payments/reconciliation/export', query, '缴费对账表.xlsx'),
};
