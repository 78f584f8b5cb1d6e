import { z } from 'zod';
import { pageOf } from './common';

/** The external interfaces kaolu calls (NFR-EXC-1, REG-11); one adapter each. */
export const ExchangeAdapterSchema = z.enum([
  'hukou',
  'permit_validity',
  'permit_points',
  'real_name',
  'finance',
  'education',
]);
export type ExchangeAdapter = z.infer<typeof ExchangeAdapterSchema>;

export const EXCHANGE_ADAPTER_LABELS: Record<ExchangeAdapter, string> = {
  hukou: '户籍核验',
  permit_validity: '居住证有效期',
  permit_points: '居住证积分',
  real_name: '实名认证',
  finance: '财政缴费',
  education: '学信学历查询',
};

/** How one call ended: answered, definitive "no record", or the platform could not answer. */
export const ExchangeOutcomeSchema = z.enum([
  'ok',
  'not_found',
  'error',
  'timeout',
  'circuit_open',
]);
export type ExchangeOutcome = z.infer<typeof ExchangeOutcomeSchema>;

export const EXCHANGE_OUTCOME_LABELS: Record<ExchangeOutcome, string> = {
  ok: '成功',
  not_found: '无记录',
  error: '失败',
  timeout: '超时',
  circuit_open: '熔断',
};

/**
 * The interface log 接口日志 (NFR-REL-2): every call to an external system, by adapter and outcome.
 */
export const InterfaceLogQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).meta({ title: '每页条数' }),
  adapter: ExchangeAdapterSchema.optional().meta({ title: '接口' }),
  outcome: ExchangeOutcomeSchema.optional().meta({ title: '结果' }),
});
export type InterfaceLogQuery = z.infer<typeof InterfaceLogQuerySchema>;

/** One recorded call; the subject is masked (an ID number shows as 310***********1234). */
export const InterfaceLogSchema = z.object({
  id: z.uuid(),
  adapter: ExchangeAdapterSchema,
  operation: z.string(),
  subjectMasked: z.string(),
  outcome: ExchangeOutcomeSchema,
  attempts: z.number().int(),
  latencyMs: z.number().int(),
  provider: z.string(),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type InterfaceLog = z.infer<typeof InterfaceLogSchema>;
export const InterfaceLogPageSchema = pageOf(InterfaceLogSchema);
