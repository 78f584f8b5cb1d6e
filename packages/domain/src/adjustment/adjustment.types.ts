import type { Centi } from '../shared/decimal';

/** A position with places left after the first interview list (quota minus listed). */
export type AdjustmentPosition = {
  id: string;
  unitId: string;
  category: string;
  /** Professional exam subject; adjustment stays within the same one. */
  subject: string;
  shortfall: number;
  /** 基层人民警察 position or 公安 unit (INT-07). */
  barsLongStayAbroad: boolean;
};

/** A candidate who may be adjusted: written total, category and subject decide where he may go. */
export type AdjustmentCandidate = {
  id: string;
  category: string;
  subject: string;
  writtenTotal: Centi;
  wantsAdjustment: boolean;
  onFirstList: boolean;
  /** Whitelisted candidates are directed to this unit and may only be adjusted within it (INT-02). */
  whitelistUnitId?: string;
  longestAbroadMonths: number;
  /** The one position he applied to in the public round. */
  choice?: string;
  /** Whether he accepts the citywide unified adjustment (default yes). */
  acceptsUnified?: boolean;
};

/** Per-event inputs: the pass line of each category, and the abroad limit of INT-07 in months. */
export type AdjustmentPolicy = {
  passLines: Readonly<Record<string, Centi>>;
  abroadLimitMonths: number;
};

/** Position conditions from the eligibility engine: null when met, else the Chinese reason. */
export type ConditionsCheck = (
  candidate: AdjustmentCandidate,
  position: AdjustmentPosition,
) => string | null;

/** One candidate placed in one position, in the public round or the unified adjustment 统一调剂. */
export type Placement = { candidateId: string; positionId: string; round: 'public' | 'unified' };
/** How a position's shortfall was filled, round by round, and what is still missing. */
export type PositionFill = {
  positionId: string;
  needed: number;
  filledPublic: number;
  filledUnified: number;
  remainingShortfall: number;
};
/** Where a candidate ended up (null: nowhere) and the reasons, shown to him and to the staff. */
export type CandidateAdjustment = {
  candidateId: string;
  positionId: string | null;
  round: 'public' | 'unified' | null;
  reasons: string[];
};
export type AdjustmentResult = {
  placements: Placement[];
  positions: PositionFill[];
  candidates: CandidateAdjustment[];
};
