/** One domestic degree record as the national education interface 学信 returns it (INT-09e). */
export type EducationRecord = {
  school: string;
  major: string;
  /** high_school … doctor, the same levels as the profile. */
  level: 'high_school' | 'junior_college' | 'bachelor' | 'master' | 'doctor';
  degree: 'none' | 'bachelor' | 'master' | 'doctor';
  graduationDate: string;
  fullTime: boolean;
  certificateNumber: string;
};

/** The interface's answer: the person's records, or none on file (an answer, not a failure). */
export type EducationRecordAnswer = { found: false } | { found: true; records: EducationRecord[] };

/** The national education-record interface; a call may throw ExchangeUnavailableError. */
export type EducationRecords = {
  lookUp(query: { idNumber: string; name: string }): Promise<EducationRecordAnswer>;
};
