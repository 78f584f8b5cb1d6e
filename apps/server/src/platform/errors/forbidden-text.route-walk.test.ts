import { StaffRoleSchema } from '@kaolu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs, loginAsCandidate } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  minItems?: number;
  enum?: unknown[];
  format?: string;
  pattern?: string;
};
type Operation = {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Probe = { label: string; method: string; url: string; body?: unknown };

// A 400 must be the edge rule's, or the router's for an undecodable URL: never a later validation's.
const REFUSALS = ['COMMON.INVALID_CHARACTERS', 'COMMON.MALFORMED_REQUEST'];

const UUID = '00000000-0000-4000-8000-000000000000';
// Each bad text as JSON carries it (JSON.stringify escapes both) and as a URL can: NUL as %00, a lone
// surrogate only as its invalid UTF-8 bytes, which Fastify refuses as a bad URL before routing.
const BAD = [
  { name: 'NUL', text: 'x\u0000y', url: 'x%00y' },
  { name: 'lone surrogate', text: 'x\ud800y', url: 'x%ED%A0%80y' },
] as const;

// Values for strings the schema constrains, so such a field passes and the bad text in the free ones
// reaches the handler when no edge rule stops it (which is how today's 500s were found).
const FORMATS: Record<string, string> = {
  uuid: UUID,
  'date-time': '2026-01-01T00:00:00.000Z',
  date: '2026-01-01',
  email: 'a@example.com',
  time: '09:00:00',
};
const PATTERN_GUESSES = [
  'A1',
  'abc',
  '1',
  '2026',
  '123456',
  '310101199001011234',
  '13900000000',
  '0'.repeat(64),
  'a'.repeat(8),
];

function constrainedValue(schema: JsonSchema): string | undefined {
  if (schema.enum) return String(schema.enum[0]);
  if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format];
  if (!schema.pattern) return undefined;
  const pattern = new RegExp(schema.pattern);
  return PATTERN_GUESSES.find((guess) => pattern.test(guess)) ?? 'A1';
}

/** A body of the schema's shape: constrained strings plausible, every free string the bad text. */
function fill(schema: JsonSchema | undefined, bad: string, depth = 0): unknown {
  if (!schema || depth > 12) return bad;
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants) return fill(variants.find((v) => v.type !== 'null') ?? variants[0], bad, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    const entries = Object.entries(schema.properties ?? {}).map(([key, value]) => [
      key,
      fill(value, bad, depth + 1),
    ]);
    // A record gets a bad key (and value); so does every object: zod strips unknown keys, the edge must not.
    const record = schema.additionalProperties;
    const extra = typeof record === 'object' ? fill(record, bad, depth + 1) : bad;
    return Object.fromEntries([...entries, [bad, extra]]);
  }
  if (type === 'array') {
    if (!schema.minItems) return [];
    const items =
      schema.prefixItems ?? (Array.isArray(schema.items) ? schema.items : [schema.items]);
    return items.map((item) => fill(item, bad, depth + 1));
  }
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (type === 'null') return null;
  return constrainedValue(schema) ?? bad.padEnd(Math.max(schema.minLength ?? 0, bad.length), '文');
}

/**
 * NFR-SEC-1 edge rule, walked over every operation of the OpenAPI document: NUL or a lone surrogate
 * in the path, the querystring or anywhere in the JSON body never answers 5xx, whoever calls, and
 * never gets past the access guard and the edge rule into a handler (nothing is audited or written).
 */
describe('route walk: unstorable text in every part of every operation', () => {
  let t: TestApp;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
  });
  afterAll(() => t.close());

  function probesFor(path: string, method: string, operation: Operation): Probe[] {
    const params = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
    const declaredQuery = (operation.parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => p.name);
    const query = declaredQuery.length > 0 ? declaredQuery : ['x'];
    const urlWith = (param: string, queryValue?: string) => {
      const base = path.replace(/\{([^}]+)\}/g, () => param);
      if (queryValue === undefined) return base;
      return `${base}?${query.map((q) => `${encodeURIComponent(q)}=${queryValue}`).join('&')}`;
    };
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    const takesBody = method !== 'GET';
    const label = `${method} ${path}`;
    const probes: Probe[] = [];
    for (const bad of BAD) {
      const body = bodySchema ? fill(bodySchema, bad.text) : { x: bad.text, [bad.text]: 'key' };
      // The querystring keeps undecodable bytes as the text '%ED%A0%80', so only NUL goes into it.
      const url =
        bad.name === 'NUL'
          ? urlWith(bad.url, bad.url)
          : urlWith(params.length > 0 ? bad.url : UUID);
      if (params.length > 0 || takesBody || bad.name === 'NUL') {
        probes.push({
          label: `${label} everything ${bad.name}`,
          method,
          url,
          body: takesBody ? body : undefined,
        });
      }
      if (takesBody)
        probes.push({ label: `${label} body ${bad.name}`, method, url: urlWith(UUID), body });
    }
    probes.push({ label: `${label} query NUL`, method, url: urlWith(UUID, BAD[0].url) });
    if (params.length > 0)
      probes.push({ label: `${label} params NUL`, method, url: urlWith(BAD[0].url) });
    return probes;
  }

  it('answers 400, 401 or 403 in the error shape, never 5xx, for every operation and caller', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const probes = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        probesFor(path, method.toUpperCase(), operation),
      ),
    );
    expect(new Set(probes.map((p) => p.label.split(' ').slice(0, 2).join(' '))).size).toBe(
      t.app.kaolu.routes.length,
    );

    const staff = await loginAs(t.app, StaffRoleSchema.options);
    const candidate = await loginAsCandidate(t.app);
    const callers = [
      { name: 'anonymous', headers: {} },
      { name: 'staff with every role', headers: staff.headers },
      { name: 'candidate', headers: candidate.headers },
    ];
    const auditBefore = audit.entries.length;
    const failures: string[] = [];
    for (const caller of callers) {
      for (const probe of probes) {
        const json = probe.body !== undefined;
        const res = await t.app.inject({
          method: probe.method as 'GET',
          url: probe.url,
          headers: json
            ? { ...caller.headers, 'content-type': 'application/json' }
            : caller.headers,
          payload: json ? JSON.stringify(probe.body) : undefined,
        });
        const error = (res.headers['content-type']?.toString().includes('json') ? res.json() : {})
          .error as { code: string; message: string; requestId: string } | undefined;
        const refused = res.statusCode !== 400 || REFUSALS.includes(error?.code ?? '');
        if (![400, 401, 403].includes(res.statusCode) || !refused || !error?.requestId) {
          const said = `${error?.code ?? ''} ${error?.message ?? res.body.slice(0, 80)}`;
          failures.push(`${probe.label} as ${caller.name}: ${res.statusCode} ${said}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Nothing reached a handler: no audit entry, and the staff session was not ended by a logout probe.
    expect(audit.entries.length).toBe(auditBefore);
    const account = await t.app.inject({
      method: 'GET',
      url: '/api/staff/account',
      headers: staff.headers,
    });
    expect(account.statusCode).toBe(200);
  }, 120_000);

  it('refuses the same outside the documented API: unknown /api paths and the web app', async () => {
    for (const url of ['/api/no-such-route/x%00y', '/x%00y', '/api/no-such-route?x=%00']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });
});
