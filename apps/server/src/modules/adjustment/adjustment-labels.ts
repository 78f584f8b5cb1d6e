import type { EventPolicy } from '@kaolu/contracts';
import type { UnitSummary } from '../units';

// The engine's reasons name categories, subjects, positions and units; they are fed the names
// people read (never codes or ids), so every reason can be shown as it is.

/** 综合管理类 → 综合管理: the engine's reasons append 类 themselves. */
// Names come from the event's own policy, so an event with its own categories reads right too.
export function categoryLabel(policy: EventPolicy, code: string): string {
  const name = policy.examCategories.find((c) => c.code === code)?.name ?? code;
  return name.endsWith('类') ? name.slice(0, -1) : name;
}

/** The professional subject's name, or 无专业科目 for a category that sits none (综合管理). */
export function subjectLabel(policy: EventPolicy, category: string, code: string | null): string {
  if (!code) return '无专业科目';
  const subjects = policy.examCategories.find((c) => c.code === category)?.subjects ?? [];
  return subjects.find((s) => s.code === code)?.name ?? code;
}

/**
 * Unit names for the engine's unit ids (the whitelist compares them): a name shared by two units
 * gets its code appended, so the comparison never mixes two units up.
 */
export function unitLabels(units: Map<string, UnitSummary>): (unitId: string) => string {
  const counts = new Map<string, number>();
  for (const u of units.values()) counts.set(u.name, (counts.get(u.name) ?? 0) + 1);
  return (unitId) => {
    const u = units.get(unitId);
    if (!u) return unitId;
    return (counts.get(u.name) ?? 0) > 1 ? `${u.name}（${u.code}）` : u.name;
  };
}
