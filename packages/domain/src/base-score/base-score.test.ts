import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBaseScoreRules } from './base-score-rules';
import { computeBaseScores } from './compute-base-scores';

const rulesJson = [
  {
    id: 'degree',
    name: '学历学位',
    type: 'lookup',
    field: 'degree',
    table: { 博士: 10, 硕士: 6, 学士: '0' },
  },
  { id: 'cadre', name: '学生干部', type: 'flag', field: 'studentCadre', points: 2 },
  {
    id: 'gpa',
    name: '绩点',
    type: 'bands',
    field: 'gpa',
    bands: [
      { min: 3.5, points: 3 },
      { min: 3.0, max: 3.5, points: 1.5 },
    ],
  },
  {
    id: 'school',
    name: '重点高校',
    type: 'membership',
    field: 'school',
    list: ['复旦大学', '上海交通大学'],
    points: 5,
  },
  {
    id: 'awards',
    name: '获奖',
    type: 'lookup',
    field: 'awards',
    table: { 国家级: 3, 市级: 1.5 },
    cap: 4,
  },
];

describe('base score', () => {
  it('adds rule points with caps and explains each rule (worked example)', () => {
    const rules = parseBaseScoreRules(rulesJson);
    if (!rules.ok) throw new Error(JSON.stringify(rules.reasons));
    const result = computeBaseScores(rules.value, [
      {
        id: 'c1',
        data: {
          degree: '硕士',
          studentCadre: true,
          gpa: 3.2,
          school: '复旦大学',
          awards: ['国家级', '市级', '市级'],
        },
      },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.reasons));
    const score = result.value[0]!;
    // 6 + 2 + 1.5 + 5 + min(3 + 1.5 + 1.5, 4) = 18.50
    expect(score.breakdown.map((b) => b.points)).toEqual([600, 200, 150, 500, 400]);
    expect(score.total).toBe(1850);
    expect(score.breakdown[4]).toMatchObject({
      capped: true,
      detail: '国家级 3.00、市级 1.50、市级 1.50，合计 6.00 分，按上限 4.00 分计',
    });
  });

  it('reports every problem in the rule definitions', () => {
    const result = parseBaseScoreRules([
      { id: 'a', name: 'A', type: 'lookup', field: 'f', table: { x: 'ten' } },
      { id: 'a', name: 'B', type: 'bands', field: 'g', bands: [{ min: 5, max: 1, points: 1 }] },
      { id: 'c', name: 'C', type: 'magic', field: 'h' },
      { id: 'd', name: '', type: 'flag', field: 'i', points: 1.234 },
    ]);
    expect(!result.ok && result.reasons.map((r) => `${r.code}@${r.path}`)).toEqual([
      'BASE_SCORE.BAD_POINTS@rules[0].table.x',
      'BASE_SCORE.DUPLICATE_ID@rules[1].id',
      'BASE_SCORE.BAD_BANDS@rules[1].bands[0]',
      'BASE_SCORE.BAD_TYPE@rules[2].type',
      'BASE_SCORE.MISSING@rules[3].name',
      'BASE_SCORE.BAD_POINTS@rules[3].points',
    ]);
  });

  it('reports candidate fields of the wrong type with their location', () => {
    const rules = parseBaseScoreRules(rulesJson);
    if (!rules.ok) throw new Error('unexpected');
    const result = computeBaseScores(rules.value, [
      { id: 'c1', data: { studentCadre: 'yes', gpa: '3.9' } },
    ]);
    expect(!result.ok && result.reasons.map((r) => r.path)).toEqual([
      'candidates[0].data.studentCadre',
      'candidates[0].data.gpa',
    ]);
  });

  it('keeps every rule within its cap and the total equal to the sum of the breakdown', () => {
    const rules = parseBaseScoreRules(rulesJson);
    if (!rules.ok) throw new Error('unexpected');
    const data = fc.record({
      degree: fc.constantFrom('博士', '硕士', '学士', '其他'),
      studentCadre: fc.boolean(),
      gpa: fc.double({ min: 0, max: 4, noNaN: true }),
      school: fc.constantFrom('复旦大学', '同济大学'),
      awards: fc.array(fc.constantFrom('国家级', '市级', '校级'), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(data, (d) => {
        const result = computeBaseScores(rules.value, [{ id: 'c', data: d }]);
        if (!result.ok) throw new Error('unexpected');
        const s = result.value[0]!;
        expect(s.total).toBe(s.breakdown.reduce((a, b) => a + b.points, 0));
        expect(s.breakdown[4]!.points).toBeLessThanOrEqual(400);
      }),
      { numRuns: 100 },
    );
  });
});
