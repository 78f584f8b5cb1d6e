import type { Gender } from '../identity/id-number';

/** Education levels in increasing order. */
export const EDUCATION_LEVELS = [
  'high_school',
  'junior_college',
  'bachelor',
  'master',
  'doctor',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
/** Degrees in increasing order. */
export const DEGREES = ['none', 'bachelor', 'master', 'doctor'] as const;
export type Degree = (typeof DEGREES)[number];
/** Political statuses a position may require, as stored in the profile. */
export const POLITICAL_STATUSES = [
  'cpc_member',
  'cpc_probationary',
  'cyl_member',
  'democratic_party',
  'masses',
] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

// zh-CN labels of the levels: the reasons of a check are read by candidates and reviewers.
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  high_school: '高中',
  junior_college: '大专',
  bachelor: '本科',
  master: '研究生',
  doctor: '博士研究生',
};
export const DEGREE_LABELS: Record<Degree, string> = {
  none: '无学位',
  bachelor: '学士',
  master: '硕士',
  doctor: '博士',
};
export const POLITICAL_LABELS: Record<PoliticalStatus, string> = {
  cpc_member: '中共党员',
  cpc_probationary: '中共预备党员',
  cyl_member: '共青团员',
  democratic_party: '民主党派',
  masses: '群众',
};

/** What the eligibility rules read about a candidate (dates YYYY-MM-DD, durations in months). */
export type EligibilityCandidate = {
  birthDate: string;
  gender: Gender;
  education: EducationLevel;
  degree: Degree;
  majorCode?: string;
  majorName?: string;
  politicalStatus: PoliticalStatus;
  hukou: 'shanghai' | 'other';
  residencePermit?: { issuedOn: string; validUntil: string; points: number };
  workMonths: number;
  grassrootsMonths: number;
  /** Longest continuous stay abroad (lived, studied or worked), in months. */
  longestAbroadMonths: number;
};

/** A position's published conditions; absent fields mean "no requirement". */
export type PositionRequirements = {
  minEducation?: EducationLevel;
  minDegree?: Degree;
  /** Major catalogue codes; a code also covers its sub-codes (0812 covers 081201). */
  majorCodes?: readonly string[];
  majorKeywords?: readonly string[];
  minAge?: number;
  maxAge?: number;
  gender?: Gender;
  politicalStatus?: readonly PoliticalStatus[];
  residence: 'any' | 'shanghai_hukou' | 'hukou_or_permit';
  minWorkYears?: number;
  minGrassrootsYears?: number;
  /** 乡镇 position (ONL-03a). */
  township?: boolean;
  /** 基层人民警察 position or 公安 unit (INT-07). */
  barsLongStayAbroad?: boolean;
};

/** Policy thresholds (§7 defaults), all configurable per event. */
export type EligibilityPolicy = {
  referenceDate: string;
  permitMinPoints: number;
  permitMinHeldMonths: number;
  nonHukouMinEducation: EducationLevel;
  townshipNonHukouMinEducation: EducationLevel;
  abroadLimitMonths: number;
};

/**
 * The thresholds a policy uses unless the event sets its own; the reference date comes with each
 * check.
 */
export const DEFAULT_ELIGIBILITY_POLICY: Omit<EligibilityPolicy, 'referenceDate'> = {
  permitMinPoints: 120,
  permitMinHeldMonths: 12,
  nonHukouMinEducation: 'master',
  townshipNonHukouMinEducation: 'master',
  abroadLimitMonths: 6,
};

/** One condition's verdict: the code is stable for the program, the reason is for people. */
export type ConditionCheck = { condition: string; code: string; passed: boolean; reason: string };
export type EligibilityResult = { eligible: boolean; checks: ConditionCheck[] };
