import { findUnmaskedPersonalData } from '../platform/masking';
import type { ZodApp } from '../platform/http/types';

export type MaskingViolation = { method: string; url: string; paths: string[] };

/**
 * NFR-SEC-3 safety net for the whole API test suite: every JSON answer of every test app is scanned
 * for clear ID numbers and mobile numbers; only routes marked `revealsPersonalData` may carry them.
 */
export function installMaskingScan(violations: MaskingViolation[]) {
  return (app: ZodApp) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.routeOptions.config?.revealsPersonalData) return payload;
      const type = String(reply.getHeader('content-type') ?? '');
      if (!type.includes('json') || typeof payload !== 'string') return payload;
      const paths = findUnmaskedPersonalData(JSON.parse(payload));
      if (paths.length > 0)
        violations.push({ method: request.method, url: request.url.split('?')[0] ?? '', paths });
      return payload;
    });
  };
}
