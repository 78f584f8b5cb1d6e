import { timingSafeEqual } from 'node:crypto';
import type { CryptoProvider } from '../../platform/crypto';
import { sm3Hex } from '@kaolu/domain';
import { z } from 'zod';
import { ExchangeUnavailableError, type FinanceGateway } from './data-exchange.types';
import type { TrackedCall } from './interface-log';
import type { ResilientHttpClient } from './resilient-http-client';

/** The fields a payment confirmation carries, in the order they are signed. */
export type CallbackFields = {
  noticeNumber: string;
  transactionId: string;
  amountCents: number;
  paidAt: string;
};

/** HMAC-SM3 over `noticeNumber|transactionId|amountCents|paidAt` with the shared secret (REG-11). */
export function signPaymentCallback(
  crypto: CryptoProvider,
  secret: string,
  f: CallbackFields,
): string {
  return crypto.hmacSm3WithKey(
    secret,
    `${f.noticeNumber}|${f.transactionId}|${f.amountCents}|${f.paidAt}`,
  );
}

/** Constant-time check of a callback signature, so timing reveals nothing about the expected value. */
export function verifyPaymentCallback(
  crypto: CryptoProvider,
  secret: string,
  f: CallbackFields,
  signature: string,
): boolean {
  const expected = Buffer.from(signPaymentCallback(crypto, secret, f), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The finance gateway as the HTTP client implements it: each answer carries its attempts for the
 * log.
 */
export type TrackedFinance = {
  [K in keyof FinanceGateway]: (
    ...args: Parameters<FinanceGateway[K]>
  ) => Promise<TrackedCall<Awaited<ReturnType<FinanceGateway[K]>>>>;
};

/** Finance system simulator: notice numbers derived from our reference, so a retry gets the same number. */
export function createFinanceSimulator(): FinanceGateway & {
  setAvailable(available: boolean): void;
} {
  let available = true;
  const guard = () => {
    if (!available) throw new ExchangeUnavailableError('error', '财政缴费系统（模拟）暂停服务');
  };
  // Sixteen digits derived from the SM3 of the reference: stable across retries, distinct per
  // reference.
  const digits = (label: string, ref: string) =>
    BigInt(`0x${sm3Hex(`${label}/${ref}`).slice(0, 15)}`)
      .toString()
      .padStart(18, '0')
      .slice(-16);
  return {
    async issueNotice({ reference, dueAt }) {
      guard();
      const noticeNumber = `31${dueAt.slice(0, 4)}${digits('notice', reference)}`;
      return { noticeNumber, payUrl: `/pay/simulator/${noticeNumber}` };
    },
    async issueRefund({ reference }) {
      guard();
      return { refundNumber: `TF${digits('refund', reference)}` };
    },
    setAvailable: (v) => void (available = v),
  };
}

// The finance system's answers are validated: a malformed one is an unavailable interface, not a
// notice.
const NoticeBody = z.object({ noticeNumber: z.string().min(1), payUrl: z.string().min(1) });
const RefundBody = z.object({ refundNumber: z.string().min(1) });

/** Production finance client: POST notices/refunds; the reference makes a retried issue idempotent. */
export function createHttpFinance(client: ResilientHttpClient): TrackedFinance {
  return {
    async issueNotice(request) {
      const a = await client.post<unknown>('payment-notices', request);
      const parsed = a.found ? NoticeBody.safeParse(a.body) : undefined;
      if (!parsed?.success)
        throw new ExchangeUnavailableError('error', '财政系统返回的通知书格式不符', a.attempts);
      return { value: parsed.data, attempts: a.attempts };
    },
    async issueRefund(request) {
      const a = await client.post<unknown>('refund-notices', request);
      const parsed = a.found ? RefundBody.safeParse(a.body) : undefined;
      if (!parsed?.success)
        throw new ExchangeUnavailableError('error', '财政系统返回的退费通知书格式不符', a.attempts);
      return { value: parsed.data, attempts: a.attempts };
    },
  };
}
