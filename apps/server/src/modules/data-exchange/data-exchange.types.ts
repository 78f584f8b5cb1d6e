import type { ExchangeOutcome } from '@kaolu/contracts';

/** The city platform could not answer (down, timeout, open circuit): never read as "no" or "yes". */
export class ExchangeUnavailableError extends Error {
  override readonly name = 'ExchangeUnavailableError';
  constructor(
    readonly outcome: Exclude<ExchangeOutcome, 'ok' | 'not_found'>,
    message: string,
    readonly attempts = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Hukou interface answer: does the person hold a Shanghai hukou, and in which district. */
export type HukouAnswer = { shanghaiHukou: boolean; district: string | null };

/** Residence-permit validity: not held, or held with its dates (YYYY-MM-DD). */
export type PermitValidityAnswer =
  { held: false } | { held: true; issuedOn: string; validUntil: string };

/** Residence-permit points 居住证积分 with the platform's standard score. */
export type PermitPointsAnswer =
  { held: false } | { held: true; points: number; standardScore: number };

/** The four city data-sharing interfaces (NFR-EXC-1); each call may throw ExchangeUnavailableError. */
export type CityPlatform = {
  checkHukou(query: { idNumber: string; name: string }): Promise<HukouAnswer>;
  checkPermitValidity(query: { idNumber: string }): Promise<PermitValidityAnswer>;
  getPermitPoints(query: { idNumber: string }): Promise<PermitPointsAnswer>;
  verifyRealName(query: { idNumber: string; name: string }): Promise<{ match: boolean }>;
};

export type IssueNoticeRequest = {
  /** Our notice id, so a retried request is recognised by the finance system and not issued twice. */
  reference: string;
  payerName: string;
  amountCents: number;
  dueAt: string;
  item: string;
};
export type IssueRefundRequest = {
  reference: string;
  noticeNumber: string;
  transactionId: string;
  amountCents: number;
  reason: string;
};

/** The finance system (REG-11): issues payment and refund notices; confirmations come by callback. */
export type FinanceGateway = {
  issueNotice(request: IssueNoticeRequest): Promise<{ noticeNumber: string; payUrl: string }>;
  issueRefund(request: IssueRefundRequest): Promise<{ refundNumber: string }>;
};

/** Provider name recorded in the interface log. */
export type ProviderKind = 'simulator' | 'http';

/** The city real-name interface (NFR-EXC-1): does this name belong to this ID number? Identity uses it. */
export type RealNameVerifier = {
  verify(input: { name: string; idNumber: string }): Promise<{ match: boolean }>;
};
