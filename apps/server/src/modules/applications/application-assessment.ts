import {
  DEFAULT_POLICE_POSTS,
  type ApplicationCheck,
  type PositionConditions,
} from '@kaolu/contracts';
import {
  checkEligibility,
  formatCenti,
  type Centi,
  type PositionRequirements,
} from '@kaolu/domain';

/** Everything the rules need, gathered by the service before any transaction. */
export type AssessmentInput = {
  examFirst: boolean;
  registration: { examCategory: string } | undefined;
  verdict: { published: boolean; total: Centi | null; line?: Centi; passed: boolean };
  position: {
    unitId: string;
    unitParentId: string | null;
    examCategory: string | null;
    conditions: PositionConditions;
    township: boolean;
    basicPolice: boolean;
    unitIsPolice: boolean;
  };
  lists: {
    whitelistUnitId: string | null;
    whitelistUnitName: string | null;
    greylistNote: string | null;
  };
  rejectedBefore: boolean;
  facts: Parameters<typeof checkEligibility>[0];
  policy: Parameters<typeof checkEligibility>[2];
};

// One explained line of the check list; the same shape the candidate and the reviewer read.
const line = (
  condition: string,
  code: string,
  passed: boolean,
  reason: string,
): ApplicationCheck => ({ condition, code, result: passed ? 'passed' : 'failed', reason });

/**
 * The position's requirements as the domain engine reads them: 乡镇 (ONL-03a) opens the non-hukou
 * rules even on an "any residence" position; 基础警察 and 公安 units bar long stays abroad (INT-07).
 */
export function requirementsOf(p: AssessmentInput['position']): PositionRequirements {
  const residence =
    p.township && (p.conditions.residence ?? 'any') === 'any'
      ? 'hukou_or_permit'
      : (p.conditions.residence ?? 'any');
  return {
    ...p.conditions,
    residence,
    township: p.township,
    barsLongStayAbroad: p.basicPolice || p.unitIsPolice,
  };
}

/**
 * Every rule of a position application (§7, ONL-03, INT-02), each as an explained line: written
 * score at the line, same category, whitelist direction, greylist, no return to a rejecting
 * position, then the domain eligibility engine on the frozen profile.
 */
export function assessApplication(input: AssessmentInput): ApplicationCheck[] {
  const checks: ApplicationCheck[] = [];
  // Shanghai registers for the exam first and chooses a position after passing (§7); event types
  // without a written exam, or with the position chosen first, skip these three lines.
  if (input.examFirst) {
    checks.push(
      line(
        '笔试报名',
        'APPLICATION.REGISTERED',
        Boolean(input.registration),
        input.registration ? '已完成本事项笔试报名' : '您未在本事项完成笔试报名，不能报考职位',
      ),
    );
    const v = input.verdict;
    const reason = !v.published
      ? '笔试成绩尚未公布'
      : v.total === null
        ? '无有效笔试成绩（缺考或未录入）'
        : `笔试成绩 ${formatCenti(v.total)}，合格线 ${v.line === undefined ? '未设置' : formatCenti(v.line)}${v.passed ? '，已达到' : '，未达到'}`;
    checks.push(line('笔试合格线', 'APPLICATION.PASS_LINE', v.passed, reason));
    // A position without an exam category accepts every category, so no line is shown for it.
    if (input.registration && input.position.examCategory) {
      const same = input.position.examCategory === input.registration.examCategory;
      checks.push(
        line(
          '考试类别',
          'APPLICATION.CATEGORY',
          same,
          same ? '职位考试类别与您的笔试类别一致' : '只能报考与您笔试类别相同的职位',
        ),
      );
    }
  }
  // The greylist fails whatever its note says; an empty note is shown as 未注明原因.
  if (input.lists.greylistNote !== null)
    checks.push(
      line(
        '灰名单',
        'APPLICATION.GREYLIST',
        false,
        `您在本次招录的灰名单中（${input.lists.greylistNote || '未注明原因'}）`,
      ),
    );
  const directed = input.lists.whitelistUnitId;
  if (directed) {
    // The 定向 unit may be the position's own unit or the department above it.
    const ok = directed === input.position.unitId || directed === input.position.unitParentId;
    checks.push(
      line(
        '定向单位',
        'APPLICATION.WHITELIST',
        ok,
        ok
          ? '职位属于您的定向单位'
          : `您为本次招录白名单考生，只能报考定向单位「${input.lists.whitelistUnitName ?? ''}」的职位`,
      ),
    );
  }
  if (input.rejectedBefore)
    checks.push(
      line(
        '既往审核',
        'APPLICATION.REJECTED_BEFORE',
        false,
        '该职位已审核不通过您的报名，不能再次报考该职位',
      ),
    );
  const outcome = checkEligibility(input.facts, requirementsOf(input.position), input.policy);
  // An incomplete or invalid profile cannot be judged rule by rule: one failed line gathers why.
  if (!outcome.ok)
    checks.push(
      line(
        '档案信息',
        'APPLICATION.PROFILE_INVALID',
        false,
        outcome.reasons.map((r) => r.message).join('；'),
      ),
    );
  else
    for (const c of outcome.value.checks)
      checks.push(line(c.condition, c.code, c.passed, c.reason));
  return checks;
}

/** The posts a 基础警察 candidate ranks (ONL-03b): the position's own list, else the defaults. */
export function policePostsOf(p: {
  basicPolice: boolean;
  details: Record<string, unknown>;
}): string[] | null {
  if (!p.basicPolice) return null;
  // Units type the posts as free text in the position details, separated by 、 , ; or spaces.
  const own =
    typeof p.details.posts === 'string'
      ? p.details.posts.split(/[、,，;；\s]+/).filter(Boolean)
      : [];
  return own.length ? own : [...DEFAULT_POLICE_POSTS];
}

/** A valid ranking: at least one post, each offered, none twice; other positions take none. */
export function validIntentions(
  posts: string[] | null,
  intentions: string[] | undefined,
): string | null {
  // Answers the refusal message in Chinese, or null when the ranking is valid.
  if (!posts) return intentions?.length ? '该职位不是基础警察职位，无需填报岗位意向' : null;
  if (!intentions?.length) return `请按志愿顺序选择您接受的岗位：${posts.join('、')}`;
  const unknown = intentions.filter((i) => !posts.includes(i));
  if (unknown.length) return `岗位「${unknown.join('、')}」不在该职位的可选岗位中`;
  if (new Set(intentions).size !== intentions.length) return '同一岗位不能重复选择';
  return null;
}
