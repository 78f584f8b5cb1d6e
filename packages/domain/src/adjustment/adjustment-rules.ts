import { formatCenti } from '../shared/decimal';
import type {
  AdjustmentCandidate,
  AdjustmentPolicy,
  AdjustmentPosition,
  ConditionsCheck,
} from './adjustment.types';

/** Rules that do not depend on the position: wants adjustment, pass line, not already listed. */
export function checkCandidateForAdjustment(
  c: AdjustmentCandidate,
  policy: AdjustmentPolicy,
): string | null {
  if (!c.wantsAdjustment) return '未申请调剂';
  if (c.onFirstList) return '已进入首轮面试名单，不参加调剂';
  const line = policy.passLines[c.category];
  if (line === undefined || c.writtenTotal < line)
    return `笔试成绩 ${formatCenti(c.writtenTotal)} 未达到${c.category}类合格线${line === undefined ? '' : ` ${formatCenti(line)}`}`;
  return null;
}

/**
 * Rules between a candidate and a position (INT-02, INT-07, §7): same category and professional
 * subject, whitelist stays within its unit, police / 公安 bar long stays abroad, position conditions met.
 */
export function checkPositionForAdjustment(
  c: AdjustmentCandidate,
  p: AdjustmentPosition,
  policy: AdjustmentPolicy,
  conditions: ConditionsCheck | undefined,
): string | null {
  if (c.category !== p.category) return `职位 ${p.id} 属于${p.category}类，考生报考${c.category}类`;
  if (c.subject !== p.subject) return `职位 ${p.id} 的专业科目为${p.subject}，考生为${c.subject}`;
  if (c.whitelistUnitId !== undefined && c.whitelistUnitId !== p.unitId)
    return `白名单考生只能调剂到本单位 ${c.whitelistUnitId} 的职位`;
  if (p.barsLongStayAbroad && c.longestAbroadMonths >= policy.abroadLimitMonths) {
    return `职位 ${p.id} 为基层人民警察或公安机关职位，不接收境外连续居住${policy.abroadLimitMonths}个月以上的考生`;
  }
  return conditions?.(c, p) ?? null;
}
