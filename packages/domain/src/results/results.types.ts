import type { Centi } from '../shared/decimal';

/** Interview kinds scored on sheets (IVW-01). */
export type InterviewKind = 'structured' | 'professional';

/** A scoring indicator: examiners give 0..max, the mean is multiplied by weight. */
export type Indicator = {
  code: string;
  name: string;
  max: number | string;
  weight: number | string;
};

/** One examiner's sheet for one candidate; it counts only when the supervisor signed it. */
export type ScoreSheet = {
  candidateId: string;
  examinerId: string;
  kind: InterviewKind;
  scores: Readonly<Record<string, number | string>>;
  supervisorSigned: boolean;
};

/** A candidate with the written score and the examiners who sat on his interview. */
export type ResultCandidate = {
  id: string;
  written: number | string;
  examiners: { structured: readonly string[]; professional?: readonly string[] };
};

/** Per-event policy (IVW-08 defaults: drop extremes from 5 examiners, 40/60, pass mark 60). */
export type ResultPolicy = {
  indicators: { structured: readonly Indicator[]; professional?: readonly Indicator[] };
  dropExtremesMinExaminers: number;
  writtenFullMark: number | string;
  /** Decimal fractions with up to four places, summing to 1. */
  weights: {
    written: number | string;
    structured: number | string;
    professional?: number | string;
  };
  passMark: number | string;
};

/**
 * One indicator's examiner scores, split into those kept and the highest / lowest dropped (IVW-08).
 */
export type IndicatorScore = { code: string; kept: Centi[]; dropped: Centi[] };
export type KindScore = { score: Centi; examinerCount: number; indicators: IndicatorScore[] };

/** One candidate's computed interview and composite score, with the explanation staff can show. */
export type CandidateResult = {
  candidateId: string;
  writtenConverted: Centi;
  structured: KindScore;
  professional: KindScore | null;
  composite: Centi;
  passed: boolean;
  explanation: string;
};

/** Shanghai's long-standing default policy: written (to 100) × 40% + interview × 60%. */
export const SHANGHAI_DEFAULT_WEIGHTS = { written: '0.4', structured: '0.6' } as const;
