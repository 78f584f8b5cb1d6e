// The pure rules of kaolu: no I/O, no clock, no Math.random (see README.md), so that they can run
// anywhere, the browser included; callers import them from this index only.
export * from './shared/outcome';
export * from './shared/decimal';
export * from './shared/canonical-json';
// identity documents: ID-number check digit, birth date, gender and region
export * from './identity/id-number';
export * from './identity/calendar';
export * from './identity/region-codes';
export * from './identity/identity-document';
// reproducible randomness: every draw derives from a recorded seed (REG-02c, IVW-04, IVW-06)
export * from './random/sm3';
export * from './random/seeded-random';
// ranking, interview lists and interview results (REG-02e, INT-02, IVW-08)
export * from './ranking/rank-columns';
export * from './ranking/rank-rows';
export * from './interview-list/select-columns';
export * from './interview-list/interview-list';
export * from './shared/radix-order';
export * from './results/results.types';
export * from './results/interview-results';
export * from './results/composite-score';
// eligibility, base scores, grouping, adjustment and allocation (ONL-03, REG-02, INT-02, INT-06)
export * from './eligibility/eligibility.types';
export * from './eligibility/check-eligibility';
export * from './base-score/base-score-rules';
export * from './base-score/compute-base-scores';
export * from './shared/max-flow';
export * from './grouping/group-candidates';
export * from './adjustment/adjustment.types';
export * from './adjustment/adjustment-rules';
export * from './adjustment/adjust-positions';
export * from './allocation/allocate-preferences';
// lotteries and examiner dispatch (IVW-04, IVW-06, INT-09a)
export * from './candidate-lottery/candidate-lottery';
export * from './dispatch/dispatch-examiners';
export * from './examiner-lottery/examiner-lottery.types';
export * from './examiner-lottery/examiner-constraints';
export * from './examiner-lottery/draw-examiners';
