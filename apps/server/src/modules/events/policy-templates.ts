import {
  DEFAULT_REVIEW_SLA,
  type EventPolicy,
  type EventType,
  type ExamCategory,
  type StageKey,
} from '@kaolu/contracts';
import { DEFAULT_ELIGIBILITY_POLICY } from '@kaolu/domain';

/** Template ids: one per event type, plus the national position-first style (§7). */
export type PolicyTemplateId = EventType | 'national';

// §7 photo rule: JPG, about 105–210 px high and 75–150 px wide, under 50 KB.
const PHOTO: EventPolicy['photo'] = {
  format: 'jpg',
  minWidth: 75,
  maxWidth: 150,
  minHeight: 105,
  maxHeight: 210,
  maxKb: 50,
};
// The domain's default eligibility rules, spread into a copy so no policy shares the domain
// constant.
const ELIGIBILITY: EventPolicy['eligibility'] = { ...DEFAULT_ELIGIBILITY_POLICY };

/**
 * Shanghai 面上 exam categories with their professional subjects (adjustment keeps the subject);
 * INT-07: every category but 综合管理 gives a 专业分 in the interview.
 */
const GENERAL_CATEGORIES: ExamCategory[] = [
  // 综合管理类 has no professional subjects, so its positions name none (position-format.ts).
  {
    code: 'comprehensive',
    name: '综合管理类',
    subjects: [],
    passMark: 60,
    professionalScore: false,
  },
  {
    code: 'law_enforcement',
    name: '行政执法类',
    subjects: [
      { code: 'LE-LAW', name: '法律' },
      { code: 'LE-MKT', name: '市场监管' },
    ],
    passMark: 60,
    professionalScore: true,
  },
  {
    code: 'professional',
    name: '专业技术类',
    subjects: [
      { code: 'PT-CS', name: '计算机' },
      { code: 'PT-FIN', name: '财会' },
      { code: 'PT-ENG', name: '工程' },
    ],
    passMark: 60,
    professionalScore: true,
  },
  {
    code: 'police',
    name: '公安类',
    subjects: [{ code: 'PS-POL', name: '公安专业科目' }],
    passMark: 60,
    professionalScore: true,
  },
];

// §7 long-standing Shanghai weights for events without a 专业分: written 40 %, interview 60 %.
const NO_PROFESSIONAL_WEIGHTS: EventPolicy['scoreWeights'] = {
  written: 40,
  interview: 60,
  professional: 0,
};

// Exam first (面上): register and sit the written exam, then apply to positions.
const EXAM_FIRST: StageKey[] = [
  'brochure',
  'exam_registration',
  'payment',
  'admission_ticket',
  'written_exam',
  'position_application',
  'unit_review',
  'adjustment',
  'interview',
  'physical_exam',
  'inspection',
  'public_notice',
];
// Position first: the application names the position; exam registration (category, subject) follows review.
const POSITION_FIRST: StageKey[] = [
  'brochure',
  'position_application',
  'unit_review',
  'exam_registration',
  'payment',
  'admission_ticket',
  'written_exam',
  'adjustment',
  'interview',
  'physical_exam',
  'inspection',
  'public_notice',
];

/**
 * Shanghai 面上 (§7): exam first, 1:3, interview pass mark 60, adjustment within the subject.
 * Weights 40/30/30 keep the interview at 60 %: a 综合管理类 candidate (no 专业分) is scored
 * written × 40 % + structured × 60 %, the long-standing formula; the others split the 60 %.
 */
const general: EventPolicy = {
  order: 'exam_first',
  stages: EXAM_FIRST,
  examCategories: GENERAL_CATEGORIES,
  interview: { ratio: 3, passMark: 60 },
  scoreWeights: { written: 40, interview: 30, professional: 30 },
  fee: { amountYuan: 50, waiverAllowed: true },
  photo: PHOTO,
  eligibility: ELIGIBILITY,
  adjustment: { enabled: true, sameSubjectOnly: true, unifiedRound: true },
  brochure: { format: 'standard', requiredFields: ['examCategory'] },
  majorCatalogue: 'general',
  // Unit review SLA: the reviewer's queue marks 24 h, org_admin's overdue list takes 48 h.
  reviewSla: { ...DEFAULT_REVIEW_SLA },
};

// Each template is the 面上 policy with only its differences spelt out; structuredClone keeps the
// templates from sharing nested objects, so tuning one event's copy cannot reach another template.
const withChanges = (changes: Partial<EventPolicy>): EventPolicy =>
  structuredClone({ ...general, ...changes });

/** Built-in templates; creating an event copies its type's template, which org_admin then tunes. */
export const POLICY_TEMPLATES: Record<PolicyTemplateId, EventPolicy> = {
  general,
  // INT-06 选调生: written exam before position application, 1:2 interview ratio, adjustment across
  // subjects (one 选调生 category without professional subjects).
  selection: withChanges({
    stages: [
      'brochure',
      'exam_registration',
      'payment',
      'written_exam',
      'position_application',
      'interview',
      'inspection',
      'public_notice',
    ],
    examCategories: [
      { code: 'selection', name: '选调生', subjects: [], passMark: 60, professionalScore: false },
    ],
    interview: { ratio: 2, passMark: 60 },
    scoreWeights: NO_PROFESSIONAL_WEIGHTS,
    adjustment: { enabled: true, sameSubjectOnly: false, unifiedRound: true },
    brochure: { format: 'standard', requiredFields: [] },
  }),
  // INT-02: positions first, interview list by ratio after the application deadline, own brochure.
  emergency_enforcement: withChanges({
    order: 'position_first',
    stages: [
      'brochure',
      'position_application',
      'unit_review',
      'exam_registration',
      'payment',
      'written_exam',
      'adjustment',
      'interview',
      'physical_exam',
      'inspection',
      'public_notice',
    ],
    examCategories: [
      {
        code: 'emergency',
        name: '应急执法类',
        subjects: [],
        passMark: 60,
        professionalScore: false,
      },
    ],
    scoreWeights: NO_PROFESSIONAL_WEIGHTS,
    brochure: { format: 'emergency_enforcement', requiredFields: [] },
  }),
  // INT-03: own major-type catalogue and cut-off lines.
  judicial_medical: withChanges({
    examCategories: [
      {
        code: 'judicial_medical',
        name: '司法医护类',
        subjects: [
          { code: 'JM-MED', name: '医学基础' },
          { code: 'JM-LAW', name: '法律基础' },
        ],
        passMark: 60,
        professionalScore: false,
      },
    ],
    scoreWeights: NO_PROFESSIONAL_WEIGHTS,
    brochure: { format: 'judicial_medical', requiredFields: ['examCategory'] },
    majorCatalogue: 'judicial_medical',
  }),
  // INT-01 工青妇: the 面上 stages without admission ticket and adjustment round.
  mass_org: withChanges({
    stages: [
      'brochure',
      'exam_registration',
      'payment',
      'written_exam',
      'position_application',
      'unit_review',
      'interview',
      'physical_exam',
      'inspection',
      'public_notice',
    ],
    adjustment: { enabled: false, sameSubjectOnly: true, unifiedRound: false },
  }),
  // INT-05: no written exam; the interview carries the score (resume analysis is imported per candidate).
  contract: withChanges({
    order: 'position_first',
    stages: [
      'brochure',
      'position_application',
      'unit_review',
      'interview',
      'physical_exam',
      'inspection',
      'public_notice',
    ],
    examCategories: [],
    scoreWeights: { written: 0, interview: 100, professional: 0 },
    fee: { amountYuan: 0, waiverAllowed: false },
    adjustment: { enabled: false, sameSubjectOnly: true, unifiedRound: false },
    brochure: { format: 'contract', requiredFields: [] },
  }),
  // INT-04: run outside the system; only hiring and public notice happen here.
  external: withChanges({
    order: 'position_first',
    stages: ['brochure', 'inspection', 'public_notice'],
    examCategories: [],
    scoreWeights: NO_PROFESSIONAL_WEIGHTS,
    fee: { amountYuan: 0, waiverAllowed: false },
    adjustment: { enabled: false, sameSubjectOnly: true, unifiedRound: false },
    brochure: { format: 'standard', requiredFields: [] },
  }),
  // INT-08: candidates above the first round's pass line apply to the remaining vacancies.
  second_round: withChanges({
    stages: [
      'brochure',
      'position_application',
      'unit_review',
      'interview',
      'physical_exam',
      'inspection',
      'public_notice',
    ],
  }),
  // National practice: position first, 50/50 composite, no 专业分.
  national: withChanges({
    order: 'position_first',
    stages: POSITION_FIRST,
    examCategories: GENERAL_CATEGORIES.map((c) => ({ ...c, professionalScore: false })),
    scoreWeights: { written: 50, interview: 50, professional: 0 },
  }),
};

/** A fresh copy of a template, safe to edit (REG policy per event). */
export function copyTemplate(id: PolicyTemplateId): EventPolicy {
  return structuredClone(POLICY_TEMPLATES[id]);
}
