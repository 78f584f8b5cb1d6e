import type { FieldError } from '@kaolu/contracts';
import type { FastifySchemaCompiler } from 'fastify';
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
    const fields = result.error.issues.map((issue) => toFieldError(schema, issue, httpPart ?? 'body'));
    const summary = fields.map((f) => `${f.label}：${f.message}`).join('；');
    return {
      error: new AppError('COMMON.VALIDATION_FAILED', { message: `提交的数据有误：${summary}`, details: { fields } }),
    };
  };
};

function toFieldError(schema: z.ZodType, issue: z.core.$ZodIssue, part: string): FieldError {
  const path = issue.path.map(String);
  const label = labelAt(schema, path) ?? (path.length ? path.join('.') : (PART_LABELS[part] ?? part));
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
