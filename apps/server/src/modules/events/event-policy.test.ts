import { EventPolicySchema } from '@kaolu/contracts';
import { describe, expect, it } from 'vitest';
import { assertEventTransition } from './event-lifecycle';
import { assertStageOpen, isStageOpen } from './event-stages';
import { copyTemplate, POLICY_TEMPLATES, type PolicyTemplateId } from './policy-templates';

const messages = (input: unknown) => {
  const result = EventPolicySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('policy templates', () => {
  it.each(Object.keys(POLICY_TEMPLATES) as PolicyTemplateId[])(
    'ships a valid %s template',
    (id) => {
      expect(messages(POLICY_TEMPLATES[id])).toEqual([]);
    },
  );

  it('gives 面上 the Shanghai defaults: exam first, four categories, 1:3, 40/30/30, pass mark 60', () => {
    const p = copyTemplate('general');
    expect(p.order).toBe('exam_first');
    expect(p.stages.indexOf('exam_registration')).toBeLessThan(
      p.stages.indexOf('position_application'),
    );
    expect(p.examCategories.map((c) => c.name)).toEqual([
      '综合管理类',
      '行政执法类',
      '专业技术类',
      '公安类',
    ]);
    expect(p.interview).toMatchObject({ ratio: 3, passMark: 60 });
    expect(p.scoreWeights).toEqual({ written: 40, interview: 30, professional: 30 });
    // INT-07: a 专业分 in every category but 综合管理.
    expect(p.examCategories.filter((c) => c.professionalScore).map((c) => c.code)).toEqual([
      'law_enforcement',
      'professional',
      'police',
    ]);
    expect(p.photo).toMatchObject({ format: 'jpg', maxKb: 50 });
  });

  it('gives 应急执法, 聘任制 and 司法医护 their own brochure formats and the national template positions first', () => {
    expect(copyTemplate('emergency_enforcement').brochure.format).toBe('emergency_enforcement');
    expect(copyTemplate('contract').brochure.format).toBe('contract');
    expect(copyTemplate('judicial_medical').majorCatalogue).toBe('judicial_medical');
    const national = copyTemplate('national');
    expect(national.stages.indexOf('position_application')).toBeLessThan(
      national.stages.indexOf('exam_registration'),
    );
  });

  it('hands out copies, so editing one event never changes the template', () => {
    const copy = copyTemplate('general');
    copy.interview.ratio = 5;
    expect(POLICY_TEMPLATES.general.interview.ratio).toBe(3);
  });
});

describe('policy validation', () => {
  it('reads a policy stored with the old event-wide 专业分 switch: categories default to none', () => {
    const old = structuredClone(POLICY_TEMPLATES.national) as Record<string, unknown>;
    old.interview = { ratio: 3, passMark: 60, professionalScore: false };
    old.examCategories = POLICY_TEMPLATES.national.examCategories.map(
      ({ professionalScore: _, ...c }) => c,
    );
    const parsed = EventPolicySchema.parse(old);
    expect(parsed.examCategories.every((c) => c.professionalScore === false)).toBe(true);
    expect(parsed.interview).toEqual({ ratio: 3, passMark: 60 });
  });

  it('explains in Chinese a stage order that contradicts exam-first', () => {
    const p = copyTemplate('general');
    p.stages = ['brochure', 'position_application', 'exam_registration'];
    expect(messages(p)).toContain('先考后报：笔试报名必须排在职位报名之前');
  });

  it('requires score weights to add up to 100 and names the sum', () => {
    const p = copyTemplate('general');
    p.scoreWeights = { written: 50, interview: 60, professional: 0 };
    expect(messages(p)).toContain('成绩权重之和必须为100，当前为110');
  });

  it('refuses a repeated stage, a duplicate category code and a professional weight without 专业分', () => {
    const p = copyTemplate('general');
    p.stages = [...p.stages, 'interview'];
    // No category gives a 专业分 here, so a professional weight has nothing to weigh (INT-07).
    p.examCategories = [...p.examCategories, { ...p.examCategories[0]! }].map((c) => ({
      ...c,
      professionalScore: false,
    }));
    p.scoreWeights = { written: 40, interview: 50, professional: 10 };
    const found = messages(p);
    expect(found).toContain('阶段「面试」重复出现');
    expect(found).toContain('考试类别代码「comprehensive」重复');
    expect(found).toContain('未设专业分时专业分权重必须为0');
  });

  it('requires an exam category when the event has exam registration', () => {
    const p = copyTemplate('general');
    p.examCategories = [];
    expect(messages(p)).toContain('设有笔试报名阶段时至少需要一个考试类别');
  });
});

describe('stage gate', () => {
  const event = {
    policy: { stages: copyTemplate('general').stages },
    schedule: [
      {
        stage: 'exam_registration' as const,
        startsAt: '2026-03-01T09:00:00+08:00',
        endsAt: '2026-03-10T17:00:00+08:00',
      },
    ],
  };

  it('opens a stage at its start and closes it at its end (Shanghai time)', () => {
    expect(isStageOpen(event, 'exam_registration', new Date('2026-03-01T00:59:59Z'))).toBe(false);
    expect(isStageOpen(event, 'exam_registration', new Date('2026-03-01T01:00:00Z'))).toBe(true);
    expect(isStageOpen(event, 'exam_registration', new Date('2026-03-10T08:59:59Z'))).toBe(true);
    expect(isStageOpen(event, 'exam_registration', new Date('2026-03-10T09:00:00Z'))).toBe(false);
  });

  it('explains a closed stage with its window in Shanghai time', () => {
    expect(() =>
      assertStageOpen(event, 'exam_registration', new Date('2026-03-11T00:00:00Z')),
    ).toThrow(/笔试报名」已截止（开放时间 2026\/03\/01 09:00 至 2026\/03\/10 17:00）/);
    expect(() => assertStageOpen(event, 'payment', new Date('2026-03-05T00:00:00Z'))).toThrow(
      /缴费」阶段尚未安排时间/,
    );
    expect(() =>
      assertStageOpen(
        { ...event, policy: { stages: ['brochure'] } },
        'exam_registration',
        new Date(),
      ),
    ).toThrow(/本招录事项不设「笔试报名」阶段/);
  });
});

describe('event lifecycle', () => {
  it('allows draft → collecting → published and refuses skipping or leaving closed', () => {
    expect(() => assertEventTransition('draft', 'collecting')).not.toThrow();
    expect(() => assertEventTransition('collecting', 'published')).not.toThrow();
    expect(() => assertEventTransition('draft', 'registration')).toThrow(
      '招录事项不能从「草稿」变为「报名中」',
    );
    expect(() => assertEventTransition('closed', 'draft')).toThrow();
  });
});
