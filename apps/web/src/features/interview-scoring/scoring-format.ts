import { SCORE_SHEET_STATUS_LABELS, SEAT_LABELS, type SheetIndicator } from '@kaolu/contracts';

// Labels and small rules of the scoring screens (IVW-08, §7): no raw code on screen.
export { SCORE_SHEET_STATUS_LABELS, SEAT_LABELS };

export const KIND_LABELS = { structured: '结构化面试', professional: '专业面试' } as const;

/** The band (好 / 中 / 差 …) a score falls in, or '' when none or no score. */
export function bandOf(indicator: SheetIndicator, score: number | undefined): string {
  if (score === undefined) return '';
  return indicator.bands.find((b) => score >= b.min && score <= b.max)?.name ?? '';
}

/** "好 16–20 · 中 10–15.99 · 差 0–9.99": the bands as the sheet prints them. */
export function bandsText(indicator: SheetIndicator): string {
  return indicator.bands.map((b) => `${b.name} ${b.min}–${b.max}`).join(' · ');
}

/** The sum of the entered scores, two decimals, as the examiner checks it before 提交. */
export function totalOf(scores: Record<string, number>): string {
  const hundredths = Object.values(scores).reduce((sum, v) => sum + Math.round(v * 100), 0);
  return (hundredths / 100).toFixed(2);
}

// Shanghai time whatever zone the tablet is set to (the sessions are scheduled in it).
const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
export const shanghaiTime = (iso: string | null) => (iso ? timeFormat.format(new Date(iso)) : '');
