import type { FieldError } from '@kaolu/contracts';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { AppError } from './app-error';

// Zod's own messages in Chinese ("必须为字符串" …), so every validation answer reads naturally.
z.config(z.locales.zhCN());

const PART_LABELS: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/**
 * Validates a request part with its zod schema; on failure throws one 400 AppError naming every
 * failing field with its Chinese label (the schema's `.meta({ title })`).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  return (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const fields = result.error.issues.map((issue) =>
      toFieldError(schema, issue, httpPart ?? 'body'),
    );
    const summary = fields.map((f) => `${f.label}：${f.message}`).join('；');
    return {
      error: new AppError('COMMON.VALIDATION_FAILED', {
        message: `提交的数据有误：${summary}`,
        details: { fields },
      }),
    };
  };
};

function toFieldError(schema: z.ZodType, issue: z.core.$ZodIssue, part: string): FieldError {
  const path = issue.path.map(String);
  const label =
    labelAt(schema, path) ?? (path.length ? path.join('.') : (PART_LABELS[part] ?? part));
  return { field: [part, ...path].join('.'), label, message: issue.message };
}

/** Walks the schema along the issue path and returns the deepest field's title, if it has one. */
export function labelAt(schema: z.ZodType, path: readonly string[]): string | undefined {
  let node: z.ZodType | undefined = schema;
  for (const key of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = node.shape[key] as z.ZodType | undefined;
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else if (node instanceof z.ZodRecord) node = node.valueType as z.ZodType;
    else return undefined;
    if (!node) return undefined;
  }
  return titleOf(node) ?? titleOf(unwrap(node));
}

function unwrap(node: z.ZodType): z.ZodType {
  let current = node;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPipe
  ) {
    const inner: z.ZodType =
      current instanceof z.ZodPipe ? (current.in as z.ZodType) : (current.unwrap() as z.ZodType);
    if (titleOf(current)) return current;
    current = inner;
  }
  return current;
}

function titleOf(node: z.ZodType): string | undefined {
  const meta = node.meta() as { title?: string } | undefined;
  return meta?.title ?? node.description;
}

// Past this many findings the answer says nothing more useful, and a hostile body could make it huge.
const MAX_REPORTED_FIELDS = 20;

/**
 * Text PostgreSQL cannot store (NFR-SEC-1 input hygiene): U+0000, which a text column refuses, or
 * an unpaired UTF-16 surrogate, which has no UTF-8 form. Tab, CR and LF are ordinary text.
 */
export function hasForbiddenCharacters(text: string): boolean {
  return text.includes('\u0000') || !(text as WellFormedString).isWellFormed();
}

// String.prototype.isWellFormed is in Node 20 (engines ≥ 20.19) but in TypeScript's ES2024 lib only.
type WellFormedString = string & { isWellFormed(): boolean };

/** A key as it may appear in an answer: escaped when its raw form is itself unstorable. */
function printableKey(key: string): string {
  return hasForbiddenCharacters(key) ? JSON.stringify(key).slice(1, -1) : key;
}

/**
 * Every path under `root` (keys included) whose string holds forbidden characters. Iterative, so a
 * deeply nested JSON body cannot exhaust the stack; stops after MAX_REPORTED_FIELDS findings.
 */
export function findForbiddenText(value: unknown, root: string): string[] {
  const found: string[] = [];
  const pending: Array<[unknown, string]> = [[value, root]];
  while (pending.length > 0 && found.length < MAX_REPORTED_FIELDS) {
    const [node, path] = pending.pop()!;
    if (typeof node === 'string') {
      if (hasForbiddenCharacters(node)) found.push(path);
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => pending.push([item, `${path}.${index}`]));
    } else if (node !== null && typeof node === 'object' && !Buffer.isBuffer(node)) {
      for (const [key, item] of Object.entries(node)) {
        // A bad key is named by its escaped form: the raw one could not be logged or stored either.
        const printable = printableKey(key);
        if (printable !== key) found.push(`${path}.${printable}`);
        pending.push([item, `${path}.${printable}`]);
      }
    }
  }
  return found;
}

/** The one 400 answer for forbidden characters, naming each field as the zod answers do. */
export function forbiddenTextError(
  paths: readonly string[],
  schemaOf?: (part: string) => unknown,
): AppError {
  const fields: FieldError[] = paths.map((field) => {
    const [part = 'body', ...path] = field.split('.');
    const schema = schemaOf?.(part);
    const label =
      (schema instanceof z.ZodType ? labelAt(schema, path) : undefined) ??
      PART_LABELS[part] ??
      part;
    return { field, label, message: '含有空字符或无效的 Unicode 字符' };
  });
  return new AppError('COMMON.INVALID_CHARACTERS', { details: { fields } });
}

/** Throws COMMON.INVALID_CHARACTERS if any of the named texts (multipart fields, Excel cells) is unstorable. */
export function assertStorableText(texts: Record<string, unknown>): void {
  const paths = Object.entries(texts).flatMap(([field, value]) => findForbiddenText(value, field));
  if (paths.length > 0) throw forbiddenTextError(paths);
}

/** What a streamed multipart part tells about itself (structurally @fastify/multipart's parts). */
type MultipartPartText = {
  type: 'file' | 'field';
  fieldname: string;
  filename?: string;
  mimetype: string;
  value?: unknown;
};

/**
 * The multipart counterpart of the edge rule: an upload is streamed inside its handler, after the
 * hooks, so the handler calls this on the part it took (file name, type, and the fields seen so far).
 * The parts are read field by field: they point at each other and at live streams, so no deep walk.
 */
export function assertStorableMultipart(
  file: MultipartPartText & { fields: Record<string, unknown> },
): void {
  const parts = Object.values(file.fields).flat() as Array<MultipartPartText | undefined>;
  const texts: Record<string, unknown> = {
    'body.file.filename': file.filename,
    'body.file.mimetype': file.mimetype,
  };
  for (const part of parts) {
    if (!part) continue;
    // A bad field name is itself the finding; otherwise the field's value or the file's name is checked.
    const name = printableKey(part.fieldname);
    const text = part.type === 'field' ? part.value : part.filename;
    texts[`body.${name}`] = name !== part.fieldname ? part.fieldname : text;
  }
  assertStorableText(texts);
}

/**
 * Refuses unstorable text at the edge for every route, schema or not: the params, querystring,
 * headers and parsed body are walked before validation and the handler, so nothing reaches a
 * table or the audit log. Multipart parts are streamed inside the handler and use assertStorableMultipart.
 */
export function registerForbiddenTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...findForbiddenText(request.params, 'params'),
      ...findForbiddenText(request.query, 'querystring'),
      ...findForbiddenText(request.headers, 'headers'),
      ...findForbiddenText(request.body, 'body'),
    ].slice(0, MAX_REPORTED_FIELDS);
    if (paths.length === 0) return;
    const schemas = request.routeOptions.schema as Record<string, unknown> | undefined;
    throw forbiddenTextError(paths, (part) => schemas?.[part]);
  });
}
