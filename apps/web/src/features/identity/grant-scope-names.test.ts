import { describe, expect, it } from 'vitest';
import { grantScopeNamer } from './grant-scope-names';

const U = '00000000-0000-4000-8000-000000000001';
const E = '00000000-0000-4000-8000-000000000002';
const I = '00000000-0000-4000-8000-000000000003';
const V = '00000000-0000-4000-8000-000000000004';
const S = '00000000-0000-4000-8000-000000000005';
const none = { unitId: null, eventId: null, venueId: null, sessionId: null };

describe('grant scope names', () => {
  const name = grantScopeNamer({
    units: [{ id: U, code: 'U1', name: '浦东新区市场监督管理局', kind: 'unit' }],
    events: [{ id: E, name: '2026年度面上招录', year: 2026 }],
    interviewEvents: [
      {
        id: I,
        name: '2026年度面试',
        venues: [{ id: V, name: '第一考点' }],
        sessions: [{ id: S, day: '2026-05-10', halfDay: 'pm' }],
      },
    ],
  });

  it('names units, events and interview places instead of showing their ids', () => {
    expect(name({ ...none, unitId: U, eventId: E })).toBe(
      '单位 浦东新区市场监督管理局；事项 2026年度面上招录',
    );
    expect(name({ ...none, eventId: I, venueId: V, sessionId: S })).toBe(
      '事项 2026年度面试；考点 第一考点；场次 2026-05-10 下午',
    );
    expect(name(none)).toBe('全部');
  });

  it('never shows an unknown id', () => {
    expect(name({ ...none, unitId: '00000000-0000-4000-8000-0000000000ff' })).toBe(
      '单位 （已删除）',
    );
  });
});
