/** A message handed to a provider after the quota was taken and the row committed. */
export type SmsDelivery = { id: string; phone: string; content: string };

/** Where SMS go: 'outbox' keeps them in the table for support staff; 'sent' / 'failed' from HTTP. */
export type SmsProvider = { name: string; deliver(message: SmsDelivery): Promise<'outbox' | 'sent' | 'failed'> };

/** Default provider: the sms_message row is the outbox shown in the admin portal; nothing leaves. */
export function createOutboxProvider(): SmsProvider {
  return { name: 'outbox', deliver: async () => 'outbox' };
}

/**
 * Production adapter for the operator's SMS HTTP interface: POST {id, phone, content} as JSON with
 * a bearer token; any 2xx means accepted. The message id lets the operator drop duplicates.
 */
export function createHttpSmsProvider(options: { url: string; token?: string; timeoutMs?: number }): SmsProvider {
  return {
    name: 'http',
    async deliver(message) {
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
        return response.ok ? 'sent' : 'failed';
      } catch {
        return 'failed';
      }
    },
  };
}
