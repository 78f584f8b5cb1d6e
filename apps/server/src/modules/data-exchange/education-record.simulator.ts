import { sm3Hex } from '@kaolu/domain';
import { ExchangeUnavailableError } from './data-exchange.types';
import type { EducationRecordAnswer, EducationRecords } from './education-record.types';

/** The simulator with its controls: records per ID number and a switch to take it down. */
export type EducationRecordsSimulator = EducationRecords & {
  setRecords(idNumber: string, answer: EducationRecordAnswer): void;
  setAvailable(available: boolean): void;
};

const SCHOOLS = [
  '复旦大学',
  '上海交通大学',
  '同济大学',
  '华东师范大学',
  '上海财经大学',
  '华东政法大学',
];
const MAJORS = ['法学', '汉语言文学', '计算机科学与技术', '会计学', '行政管理', '临床医学'];

/**
 * Deterministic answers when nothing was set: a bachelor's record derived from the SM3 of the ID
 * number (same person, same answer); about one person in ten has no record on file.
 */
export function deriveEducationRecord(idNumber: string): EducationRecordAnswer {
  const hex = sm3Hex(`kaolu-education-simulator/${idNumber}`);
  const n = (i: number) => parseInt(hex.slice(i, i + 8), 16);
  if (n(0) % 10 === 0) return { found: false };
  const year = 2015 + (n(8) % 10);
  return {
    found: true,
    records: [
      {
        school: SCHOOLS[n(16) % SCHOOLS.length]!,
        major: MAJORS[n(24) % MAJORS.length]!,
        level: 'bachelor',
        degree: 'bachelor',
        graduationDate: `${year}-07-01`,
        fullTime: true,
        certificateNumber: `1024${year}${String(n(32) % 1_000_000).padStart(6, '0')}`,
      },
    ],
  };
}

/** The education-record simulator (default in development and tests), steerable per person. */
export function createEducationRecordsSimulator(): EducationRecordsSimulator {
  const people = new Map<string, EducationRecordAnswer>();
  let available = true;
  return {
    async lookUp({ idNumber }) {
      if (!available)
        throw new ExchangeUnavailableError('error', '学信学历查询接口（模拟）暂停服务');
      return people.get(idNumber) ?? deriveEducationRecord(idNumber);
    },
    setRecords: (idNumber, answer) => void people.set(idNumber, answer),
    setAvailable: (value) => void (available = value),
  };
}
