import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// A proxy may pass its own request id; accept only a safe token so nothing odd reaches the logs.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Request id for logs and answers: the proxy's x-request-id when well-formed, else a new UUID. */
export function generateRequestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
