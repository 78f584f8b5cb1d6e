/** A message handed to a provider after the quota was taken and the row committed. */
export type SmsDelivery = { id: string; phone: string; content: string };

/** Where SMS go: 'outbox' keeps them in the table for support staff; 'sent' / 'failed' from HTTP. */
export type SmsProvider = {
  name: string;
  deliver(message: SmsDelivery): Promise<'outbox' | 'sent' | 'failed'>;
};

/**
 * Default provider: the sms_message row is the outbox shown in the admin portal; nothing leaves.
 * `echo` (development only) also prints each message, so the first administrator of a fresh demo
 * can read his second-factor code before any support account exists to open the outbox.
 */
export function createOutboxProvider(echo?: (message: SmsDelivery) => void): SmsProvider {
  return {
    name: 'outbox',
    deliver: async (message) => {
      echo?.(message);
      return 'outbox';
    },
  };
}

/**
 * Production adapter for the operator's SMS HTTP interface: POST {id, phone, content} as JSON with
 * a bearer token; any 2xx means accepted. The message id lets the operator drop duplicates.
 */
export function createHttpSmsProvider(options: {
  url: string;
  token?: string;
  timeoutMs?: number;
}): SmsProvider {
  return {
    name: 'http',
    async deliver(message) {
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
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
