// A minimal cookie-keeping API client for staff steps of browser tests: the same login, second
// factor and forced password change a person goes through, over HTTP.
export type StaffClient = {
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  cookies(): Array<{ name: string; value: string }>;
};

/** A client that keeps the session and CSRF cookies and sends the CSRF header like the web app. */
export function createStaffClient(baseUrl: string): StaffClient {
  const jar = new Map<string, string>();
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = {
        accept: 'application/json',
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const csrf = jar.get('kaolu_csrf');
      if (csrf) headers['x-csrf-token'] = csrf;
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        jar.set(name!.trim(), value.join('='));
      }
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    cookies: () => [...jar].map(([name, value]) => ({ name, value })),
  };
}

/**
 * Logs a staff user in with password and SMS second factor; a one-time password is then replaced
 * by `newPassword`, as the portal forces at first login (REG-05).
 */
export async function loginStaff(
  baseUrl: string,
  username: string,
  password: string,
  smsCode: () => Promise<string>,
  newPassword?: string,
): Promise<StaffClient> {
  const client = createStaffClient(baseUrl);
  await client.call('POST', '/api/staff/auth/login', { username, password });
  await client.call('POST', '/api/staff/auth/second-factor/sms');
  await client.call('POST', '/api/staff/auth/second-factor/verify', {
    method: 'sms',
    code: await smsCode(),
  });
  if (newPassword)
    await client.call('POST', '/api/staff/account/password', {
      currentPassword: password,
      newPassword,
    });
  return client;
}
