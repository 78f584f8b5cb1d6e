import { STAGE_LABELS, type EventPolicy, type StageKey, type StageWindow } from '@kaolu/contracts';
import { AppError } from '../../platform/errors/app-error';

/** Stage windows must name stages of the policy, once each; explained in Chinese. */
export function assertScheduleFits(schedule: readonly StageWindow[], policy: EventPolicy): void {
  // A stage twice would make "which window applies" ambiguous for every stage check.
  const seen = new Set<StageKey>();
  for (const w of schedule) {
    if (!policy.stages.includes(w.stage)) {
      throw new AppError('EVENT.STAGE_NOT_IN_POLICY', {
        message: `日程中的「${STAGE_LABELS[w.stage]}」不在本事项的政策阶段中`,
        details: { stage: w.stage },
      });
    }
    if (seen.has(w.stage))
      throw new AppError('COMMON.VALIDATION_FAILED', {
        message: `日程中的「${STAGE_LABELS[w.stage]}」重复`,
        details: { stage: w.stage },
      });
    seen.add(w.stage);
  }
}
