import { STAGE_LABELS, type StageKey, type StageWindow } from '@kaolu/contracts';
import { AppError } from '../../platform/errors/app-error';
import { formatShanghai } from '../../platform/time';

/** What the stage checks need of an event: read fresh from the database on every request (REG-01). */
export type EventStages = {
  schedule: readonly StageWindow[];
  policy: { stages: readonly StageKey[] };
};

/** The window of a stage in the event's schedule, if one is set. */
export function windowOf(event: EventStages, stage: StageKey): StageWindow | undefined {
  return event.schedule.find((w) => w.stage === stage);
}

/** Whether `now` lies in the stage's window [startsAt, endsAt) and the policy has the stage. */
export function isStageOpen(event: EventStages, stage: StageKey, now: Date): boolean {
  const window = windowOf(event, stage);
  if (!window || !event.policy.stages.includes(stage)) return false;
  const t = now.getTime();
  // Half-open: at exactly endsAt the stage is closed, the same rule assertStageOpen applies.
  return t >= Date.parse(window.startsAt) && t < Date.parse(window.endsAt);
}

/**
 * The one server-side stage gate: every action that depends on a stage calls it, e.g.
 * `assertStageOpen(event, 'exam_registration', now)`. Throws EVENT.STAGE_CLOSED with the window in Shanghai time.
 */
export function assertStageOpen(event: EventStages, stage: StageKey, now: Date): void {
  const label = STAGE_LABELS[stage];
  // A stage the policy lacks is a different answer from a closed one: this event never has it.
  if (!event.policy.stages.includes(stage)) {
    throw new AppError('EVENT.STAGE_NOT_IN_POLICY', {
      message: `本招录事项不设「${label}」阶段`,
      details: { stage },
    });
  }
  const window = windowOf(event, stage);
  if (!window)
    throw new AppError('EVENT.STAGE_CLOSED', {
      message: `「${label}」阶段尚未安排时间`,
      details: { stage },
    });
  const t = now.getTime();
  const range = `${formatShanghai(window.startsAt)} 至 ${formatShanghai(window.endsAt)}`;
  // Not yet open and already closed get separate messages, both naming the window.
  if (t < Date.parse(window.startsAt)) {
    throw new AppError('EVENT.STAGE_CLOSED', {
      message: `「${label}」尚未开始（开放时间 ${range}）`,
      details: { ...window },
    });
  }
  if (t >= Date.parse(window.endsAt)) {
    throw new AppError('EVENT.STAGE_CLOSED', {
      message: `「${label}」已截止（开放时间 ${range}）`,
      details: { ...window },
    });
  }
}
