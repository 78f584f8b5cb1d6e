import {
  BROCHURE_COLUMNS,
  JUDICIAL_MEDICAL_MAJOR_TYPES,
  type BrochureColumn,
  type EventPolicy,
  type PositionInput,
} from '@kaolu/contracts';

/** One problem with a position's fields, by column label, for forms and import reports. */
export type FieldProblem = { field: string; message: string };

/** The columns of the event's brochure format, with the policy's extra required fields marked required. */
export function columnsFor(policy: Pick<EventPolicy, 'brochure'>): BrochureColumn[] {
  const extra = new Set(policy.brochure.requiredFields);
  return BROCHURE_COLUMNS[policy.brochure.format].map((c) =>
    extra.has(c.key) ? { ...c, required: true } : c,
  );
}

/** The value of a column key in a position input (conditions and details are flattened). */
export function valueOf(input: PositionInput, key: string): unknown {
  if (key in input && key !== 'conditions' && key !== 'details')
    return (input as Record<string, unknown>)[key];
  if (key in input.conditions) return (input.conditions as Record<string, unknown>)[key];
  return input.details[key];
}

// An empty list counts as blank: a required 专业 column with no entries is missing.
const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Checks a position against the event's brochure format and policy (INT-02, INT-03, INT-05):
 * required fields, exam category and subject from the policy, the 司法医护 major-type catalogue,
 * age bounds and unknown format fields. Returns every problem, never only the first.
 */
export function checkPositionAgainstPolicy(
  input: PositionInput,
  policy: EventPolicy,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const columns = columnsFor(policy);
  for (const c of columns)
    // Required columns come from the format plus the policy's extra required fields (columnsFor).
    if (c.required && isBlank(valueOf(input, c.key)))
      problems.push({ field: c.label, message: `${c.label}为必填项` });
  // A detail key outside the format would be stored but never shown or exported: refuse it.
  const known = new Set(columns.map((c) => c.key));
  for (const key of Object.keys(input.details)) {
    if (!known.has(key)) problems.push({ field: key, message: `「${key}」不是本简章格式的字段` });
  }
  // A unit may type the category's code or its name; normaliseExamFields stores the code.
  if (input.examCategory) {
    const category = policy.examCategories.find(
      (c) => c.code === input.examCategory || c.name === input.examCategory,
    );
    if (!category) {
      problems.push({
        field: '考试类别',
        message: `考试类别「${input.examCategory}」不在本事项政策中（可选：${policy.examCategories.map((c) => c.name).join('、') || '无'}）`,
      });
    } else if (
      input.examSubject &&
      !category.subjects.some((s) => s.code === input.examSubject || s.name === input.examSubject)
    ) {
      problems.push({
        field: '专业科目',
        message: `「${category.name}」没有专业科目「${input.examSubject}」`,
      });
    } else if (!input.examSubject && category.subjects.length > 0) {
      problems.push({
        field: '专业科目',
        message: `「${category.name}」须选择专业科目（调剂只在同一专业科目内进行）`,
      });
    }
  } else if (input.examSubject) {
    problems.push({ field: '专业科目', message: '填写专业科目时须同时填写考试类别' });
  }
  const { minAge, maxAge, majorTypes } = input.conditions;
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge)
    problems.push({ field: '最高年龄', message: '最高年龄不能小于最低年龄' });
  if (majorTypes?.length) {
    // Major types belong to the 司法医护 catalogue (INT-03); other events match majors by keyword.
    if (policy.majorCatalogue !== 'judicial_medical')
      problems.push({ field: '专业类别', message: '本事项不使用专业类别目录' });
    for (const t of majorTypes)
      if (!(t in JUDICIAL_MEDICAL_MAJOR_TYPES))
        problems.push({ field: '专业类别', message: `专业类别「${t}」不在司法医护专业类别目录中` });
  }
  return problems;
}

/** Stores exam category and subject by code whatever the unit typed (code or name). */
export function normaliseExamFields(input: PositionInput, policy: EventPolicy): PositionInput {
  const category = policy.examCategories.find(
    (c) => c.code === input.examCategory || c.name === input.examCategory,
  );
  if (!category) return input;
  const subject = category.subjects.find(
    (s) => s.code === input.examSubject || s.name === input.examSubject,
  );
  return {
    ...input,
    examCategory: category.code,
    examSubject: subject?.code ?? input.examSubject ?? null,
  };
}
