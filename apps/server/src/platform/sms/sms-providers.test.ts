import { describe, expect, it } from 'vitest';
import { createOutboxProvider } from './sms-providers';

describe('outbox SMS provider', () => {
  it('keeps messages in the outbox and echoes them only when asked (development)', async () => {
    const echoed: string[] = [];
    const quiet = createOutboxProvider();
    const echoing = createOutboxProvider((m) => echoed.push(m.content));
    expect(await quiet.deliver({ id: '1', phone: '13800000001', content: '验证码 123456' })).toBe(
      'outbox',
    );
    expect(await echoing.deliver({ id: '2', phone: '13800000001', content: '验证码 654321' })).toBe(
      'outbox',
    );
    expect(echoed).toEqual(['验证码 654321']);
  });
});
