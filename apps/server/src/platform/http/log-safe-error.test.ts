import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logSafeError } from './log-safe-error';

const TYPED = '13812345678';

/** A pg DatabaseError as node-postgres builds it: values in detail, names in their own fields. */
function uniqueViolation(): Error {
  return Object.assign(
    new Error('duplicate key value violates unique constraint "staff_user_username_unique"'),
    {
      code: '23505',
      severity: 'ERROR',
      constraint: 'staff_user_username_unique',
      table: 'staff_user',
      detail: `Key (username)=(${TYPED}) already exists.`,
      where: `SQL statement "insert … ${TYPED}"`,
      query: 'insert into staff_user (username) values ($1)',
      params: [TYPED],
    },
  );
}

describe('log-safe error serializer', () => {
  it('keeps the SQL text, SQLSTATE and constraint of a failed query and drops every bound value', () => {
    const text = "insert into staff_user (username, note) values ($1, 'literal')";
    const err = new DrizzleQueryError(text, [TYPED], uniqueViolation());
    const safe = logSafeError(err);
    expect(safe).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'Failed query',
      query: "insert into staff_user (username, note) values ($1, '?')",
      cause: { code: '23505', constraint: 'staff_user_username_unique', table: 'staff_user' },
    });
    expect(JSON.stringify(safe)).not.toContain(TYPED);
    expect(JSON.stringify(safe)).not.toContain('literal');
  });

  it('hides quoted values in database messages but keeps the quoted names of the error', () => {
    const badCast = Object.assign(new Error(`invalid input syntax for type uuid: "${TYPED}"`), {
      code: '22P02',
      severity: 'ERROR',
    });
    expect(logSafeError(badCast)).toMatchObject({
      message: 'invalid input syntax for type uuid: "…"',
      code: '22P02',
    });
    expect(logSafeError(uniqueViolation()).message).toContain('"staff_user_username_unique"');
  });

  it('cuts parameters out of any message that copied them, and its stack', () => {
    const err = new Error(`Failed query: select 1\nparams: ${TYPED}`);
    const safe = logSafeError(err) as { message: string; stack: string };
    expect(safe.message).toBe('Failed query: select 1');
    expect(safe.stack).toMatch(/^Error: Failed query: select 1\n\s+at /);
    expect(JSON.stringify(safe)).not.toContain(TYPED);
  });

  it('copies only allowlisted fields: an error carrying a body or headers loses them', () => {
    const err = Object.assign(new Error('boom'), {
      statusCode: 502,
      body: { phone: TYPED },
      headers: { cookie: TYPED },
    });
    expect(logSafeError(err)).toEqual({
      type: 'Error',
      message: 'boom',
      stack: expect.any(String),
      statusCode: 502,
    });
    expect(logSafeError(TYPED)).toEqual({ type: 'string', message: '', stack: '' });
  });
});
