import { describe, expect, it } from 'vitest';
import { scoreColumns, subjectsText } from './scores.columns';

describe('score columns', () => {
  it('lists each subject with its score, 缺考 where absent', () => {
    const subjects = [
      { subject: 'xingce', name: '行测', score: '61.5', absent: false },
      { subject: 'shenlun', name: '申论', score: null, absent: true },
    ] as const;
    expect(subjectsText({ subjects: [...subjects] as never })).toBe('行测 61.5；申论 缺考');
  });

  it('names the exam category through the event policy lookup', () => {
    const column = scoreColumns((code) => (code === 'comprehensive' ? '综合管理类' : code)).find(
      (c) => c.prop === 'examCategory',
    )!;
    expect(column.format!({ examCategory: 'comprehensive' } as never)).toBe('综合管理类');
  });
});
