/**
 * Error-code catalogue shared by server and web: every code has one HTTP status and one zh-CN message.
 * Modules add their codes here, so a code without an entry does not compile (`ErrorCode` is derived).
 */
export const ERROR_CATALOGUE = {
  'COMMON.VALIDATION_FAILED': { status: 400, message: '提交的数据有误，请按提示修改' },
  'COMMON.MALFORMED_REQUEST': { status: 400, message: '请求格式不正确' },
  'COMMON.UNAUTHENTICATED': { status: 401, message: '请先登录' },
  'COMMON.FORBIDDEN': { status: 403, message: '没有执行该操作的权限' },
  'COMMON.NOT_FOUND': { status: 404, message: '请求的资源不存在' },
  'COMMON.ROUTE_NOT_FOUND': { status: 404, message: '接口不存在' },
  'COMMON.METHOD_NOT_ALLOWED': { status: 405, message: '不支持该请求方法' },
  'COMMON.CONFLICT': { status: 409, message: '数据已被修改，请刷新后重试' },
  'COMMON.PAYLOAD_TOO_LARGE': { status: 413, message: '上传内容过大' },
  'COMMON.UNSUPPORTED_MEDIA_TYPE': { status: 415, message: '不支持的内容类型' },
  'COMMON.RATE_LIMITED': { status: 429, message: '操作过于频繁，请稍后再试' },
  'COMMON.INTERNAL': { status: 500, message: '系统内部错误，请联系技术支持并提供请求号' },
  'COMMON.SERVICE_BUSY': { status: 503, message: '系统繁忙，请稍后再试' },
  'COMMON.DATABASE_UNAVAILABLE': { status: 503, message: '数据库暂不可用，请稍后再试' },
  'JOB.NOT_FOUND': { status: 404, message: '后台任务不存在' },
  'EVENT.NOT_FOUND': { status: 404, message: '招录事项不存在' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** One field that failed validation, named in Chinese for the person who filled the form. */
export type FieldError = { field: string; label: string; message: string };

/** The one shape of every error answer of the API. */
export type ErrorBody = {
  error: { code: ErrorCode | string; message: string; details?: unknown; requestId: string };
};
