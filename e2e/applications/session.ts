// A cookie-keeping HTTP session for the candidate's setup steps: JSON bodies or multipart (FormData),
// with the CSRF header the web app sends.
export type Session = {
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  cookies(): Array<{ name: string; value: string }>;
};

/** A session against `baseUrl`; a non-2xx answer throws with the server's body. */
export function createSession(baseUrl: string): Session {
  const jar = new Map<string, string>();
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = {
        accept: 'application/json',
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      };
      const multipart = body instanceof FormData;
      if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
      const csrf = jar.get('kaolu_csrf');
      if (csrf) headers['x-csrf-token'] = csrf;
      const payload = body === undefined ? undefined : multipart ? body : JSON.stringify(body);
      const res = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
      for (const line of res.headers.getSetCookie()) {
        const [name, ...value] = line.split(';')[0]!.split('=');
        jar.set(name!.trim(), value.join('='));
      }
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    cookies: () => [...jar].map(([name, value]) => ({ name, value })),
  };
}
