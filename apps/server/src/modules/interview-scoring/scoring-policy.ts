import type { ScoredKind, SheetIndicator } from '@kaolu/contracts';
import type { GroupPanel, Seat } from '../interviews';

// Which sheet a seat fills and what it scores on (IVW-01, IVW-08, §7). The decision, documented
// once here:
// - a group of a professional 专业面试 type scores professional sheets on every seat;
// - in a structured 结构化 or structured-group 结构化小组 group, the professional seat scores a
//   professional sheet on the event's professional type (the group's own type when the event
//   has none), every other seat (chief, fixed, rotating) a structured sheet on the group's type.

/** The kind of sheet a seat fills in a group of this type. */
export function kindOfSeat(panel: Pick<GroupPanel, 'type'>, seat: Seat): ScoredKind {
  if (panel.type.kind === 'professional') return 'professional';
  return seat === 'professional' ? 'professional' : 'structured';
}

/** Indicators stored on an interview type, read defensively (the JSONB is edited by setup). */
function readIndicators(raw: unknown): SheetIndicator[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((i: Record<string, unknown>) => ({
    code: String(i.code),
    name: String(i.name ?? i.code),
    max: Number(i.max),
    weight: Number(i.weight),
    bands: Array.isArray(i.bands)
      ? (i.bands as Record<string, unknown>[]).map((b) => ({
          name: String(b.name),
          min: Number(b.min),
          max: Number(b.max),
        }))
      : [],
  }));
}

/** The indicators a sheet of this kind is scored on in the panel's group. */
export function indicatorsOf(panel: GroupPanel, kind: ScoredKind): SheetIndicator[] {
  if (kind === 'structured' || panel.type.kind === 'professional')
    return readIndicators(panel.type.indicators);
  const professional = panel.eventTypes.find((t) => t.kind === 'professional');
  return readIndicators((professional ?? panel.type).indicators);
}

/** The examiners seated for each kind in the panel (they all must sign before a result exists). */
export function examinersByKind(panel: GroupPanel): Map<ScoredKind, string[]> {
  const byKind = new Map<ScoredKind, string[]>();
  for (const s of panel.seats) {
    const kind = kindOfSeat(panel, s.seat);
    byKind.set(kind, [...(byKind.get(kind) ?? []), s.examinerId]);
  }
  return byKind;
}

/** Points (at most two decimals) → hundredths, the domain's Centi. */
export const toCenti = (points: number) => Math.round(points * 100);
/** Hundredths → points for answers. */
export const toPoints = (centi: number) => centi / 100;

/**
 * Every problem of a sheet handed in (IVW-08): each indicator scored, within 0..max, inside one of
 * its bands 档次 when bands are defined, and no indicator foreign to the seat. Chinese, one per line.
 */
export function sheetProblems(
  indicators: SheetIndicator[],
  scores: Record<string, number>,
): string[] {
  const problems: string[] = [];
  for (const ind of indicators) {
    const v = scores[ind.code];
    if (v === undefined) {
      problems.push(`“${ind.name}”未评分`);
      continue;
    }
    if (v < 0 || v > ind.max) {
      problems.push(`“${ind.name}”的分数 ${v} 超出 0–${ind.max} 分`);
      continue;
    }
    // A score between two bands (e.g. 29.75 between 中 15–29.5 and 好 30–40) belongs to none.
    if (ind.bands.length > 0 && !ind.bands.some((b) => v >= b.min && v <= b.max))
      problems.push(
        `“${ind.name}”的分数 ${v} 不在任何档次内（${ind.bands
          .map((b) => `${b.name} ${b.min}–${b.max}`)
          .join('，')}）`,
      );
  }
  for (const code of Object.keys(scores))
    if (!indicators.some((i) => i.code === code)) problems.push(`评分项 ${code} 不属于本面试类型`);
  return problems;
}

/** "2026-12-05 上午": how staff and examiners name a session. */
export const sessionLabelOf = (s: { day: string; halfDay: 'am' | 'pm' }) =>
  `${s.day} ${s.halfDay === 'am' ? '上午' : '下午'}`;
