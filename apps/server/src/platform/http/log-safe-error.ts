// The err serializer of every log line (NFR-SEC-2, NFR-SEC-3, NFR-REL-2): an error keeps what
// support needs to find the fault (type, SQLSTATE, constraint, stack frames, causes) and loses what
// may hold what a user typed. Drizzle's DrizzleQueryError puts the bound parameters into its message
// ("Failed query: …\nparams: …") and, like PGlite's errors, into `params`; PostgreSQL puts values
// into `detail` ("Key (username)=(…) already exists") and some messages ('invalid input syntax
// for type uuid: "…"'). Properties are therefore copied from an allowlist, never wholesale.

/** Scalar properties worth keeping: codes and identifiers, never values. */
const KEPT_FIELDS = [
  'code',
  'errno',
  'syscall',
  'statusCode',
  'status',
  'severity',
  'constraint',
  'table',
  'column',
  'schema',
  'dataType',
  'routine',
  'position',
] as const;

/** PostgreSQL's identifier fields: double-quoted text equal to one of these is a name, not a value. */
const IDENTIFIER_FIELDS = ['constraint', 'table', 'column', 'schema', 'dataType'] as const;
const MAX_DEPTH = 4;
const MAX_QUERY_CHARS = 1000;

export type LogSafeError = {
  type: string;
  message: string;
  stack: string;
  query?: string;
  cause?: LogSafeError;
  aggregateErrors?: LogSafeError[];
  [field: string]: unknown;
};

type ErrorLike = Error & Record<string, unknown>;

function isErrorLike(value: unknown): value is ErrorLike {
  if (value instanceof Error) return true;
  return typeof value === 'object' && value !== null && 'message' in value && 'stack' in value;
}

/** A database error of pg or PGlite: a five-character SQLSTATE and a severity. */
function isDatabaseError(err: ErrorLike): boolean {
  return (
    typeof err.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(err.code) &&
    typeof err.severity === 'string'
  );
}

/** Drizzle's wrapper of a failed query (PGlite's own errors also carry `query` and `params`). */
function isFailedQuery(err: ErrorLike): err is ErrorLike & { query: string } {
  return typeof err.query === 'string' && 'params' in err;
}

/** SQL text with every string literal replaced: Drizzle binds values, but sql.raw() could inline one. */
function sqlWithoutLiterals(query: string): string {
  const stripped = query.replace(/'(?:[^']|'')*'/g, "'?'");
  return stripped.length > MAX_QUERY_CHARS ? `${stripped.slice(0, MAX_QUERY_CHARS)}…` : stripped;
}

function safeMessage(err: ErrorLike): string {
  const message = typeof err.message === 'string' ? err.message : '';
  if (isFailedQuery(err) && !isDatabaseError(err)) return 'Failed query';
  // Any other wrapper that copied Drizzle's message keeps only the part before the parameters.
  const withoutParams = message.split(/\n\s*params:/)[0] ?? '';
  if (!isDatabaseError(err)) return withoutParams;
  const names = new Set(
    IDENTIFIER_FIELDS.map((field) => err[field]).filter((v): v is string => typeof v === 'string'),
  );
  return withoutParams.replace(/"((?:[^"]|"")*)"/g, (quoted, inner: string) =>
    names.has(inner) ? quoted : '"…"',
  );
}

/** The stack frames only: the first lines of a stack repeat the message, parameters included. */
function safeStack(err: ErrorLike, type: string, message: string): string {
  const frames =
    typeof err.stack === 'string'
      ? err.stack.split('\n').filter((line) => /^\s+at /.test(line))
      : [];
  return [`${type}: ${message}`, ...frames].join('\n');
}

function serialize(err: ErrorLike, depth: number): LogSafeError {
  const named = typeof err.constructor === 'function' && err.constructor.name;
  const type = named ? err.constructor.name : String(err.name ?? 'Error');
  const message = safeMessage(err);
  const out: LogSafeError = { type, message, stack: safeStack(err, type, message) };
  for (const field of KEPT_FIELDS) {
    const value = err[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[field] = value;
  }
  if (isFailedQuery(err)) out.query = sqlWithoutLiterals(err.query);
  if (depth < MAX_DEPTH && isErrorLike(err.cause)) out.cause = serialize(err.cause, depth + 1);
  if (depth < MAX_DEPTH && Array.isArray(err.errors)) {
    out.aggregateErrors = err.errors
      .filter(isErrorLike)
      .map((inner) => serialize(inner, depth + 1));
  }
  return out;
}

/** pino `err` serializer: errors become their log-safe form, anything else is dropped to its type. */
export function logSafeError(err: unknown): LogSafeError {
  if (isErrorLike(err)) return serialize(err, 0);
  return { type: typeof err, message: '', stack: '' };
}
