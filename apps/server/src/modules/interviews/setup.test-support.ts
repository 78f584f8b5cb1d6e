import { idNumberCheckDigit } from '@kaolu/domain';
import type { KaoluApp } from '../../app';
import { writeSheet } from '../../platform/excel/excel-cells';
import type { AuthHeaders } from '../../test-support/login-as';

// Fixtures of the interview setup tests (IVW-01, IVW-02), built through the real API.

let counter = 0;

/** A valid 18-digit ID number (Huangpu, born 1990), different on every call. */
export function idNumber(): string {
  const first17 = `31010119900101${String(100 + (counter++ % 900)).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
}

/** A structured-interview type: 7 examiners, three indicators weighing 1 in total. */
export const STRUCTURED_TYPE = {
  kind: 'structured',
  name: '结构化面试',
  examinerCount: 7,
  indicators: [
    {
      code: 'A',
      name: '综合分析',
      weight: 0.4,
      max: 40,
      bands: [
        { name: '好', min: 30, max: 40 },
        { name: '中', min: 15, max: 29.5 },
        { name: '差', min: 0, max: 14.5 },
      ],
    },
    { code: 'B', name: '计划组织', weight: 0.3, max: 30, bands: [] },
    { code: 'C', name: '语言表达', weight: 0.3, max: 30, bands: [] },
  ],
  gradeBands: [
    { name: '一档', min: 80 },
    { name: '二档', min: 60 },
  ],
} as const;

/** An interview event with a unique code, created by the caller. */
export async function createInterviewEvent(
  app: KaoluApp,
  headers: AuthHeaders,
  extra: object = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/interview/events',
    headers,
    payload: { code: `IV${Date.now().toString(36)}${counter++}`, name: '测试面试', ...extra },
  });
  if (res.statusCode !== 200) throw new Error(`create event failed: ${res.body}`);
  return res.json() as { id: string; code: string };
}

/** An .xlsx upload (base64) with these headers and rows. */
export async function sheet(header: string[], rows: Array<Array<string | number>>) {
  return (await writeSheet('导入', header, rows)).toString('base64');
}

/** POSTs to an event's route and returns the response. */
export function post(app: KaoluApp, headers: AuthHeaders, url: string, payload: object = {}) {
  return app.inject({ method: 'POST', url, headers, payload });
}
