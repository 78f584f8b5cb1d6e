import { describe, expect, it } from 'vitest';
import { compositePositionColumns, scoreText } from './composite.columns';

describe('composite columns', () => {
  it('shows an absent candidate as 缺考 and a missing score as a dash, never as zero', () => {
    expect(scoreText('81.25', false)).toBe('81.25');
    expect(scoreText(null, true)).toBe('缺考');
    expect(scoreText(null, false)).toBe('—');
  });

  it('says in Chinese whether the position has a 专业分 (INT-07)', () => {
    const column = compositePositionColumns.find((c) => c.prop === 'professionalScore')!;
    const row = { professionalScore: false } as Parameters<NonNullable<typeof column.format>>[0];
    expect(column.format!(row)).toBe('不设');
  });
});
