import { SHANGHAI_DISTRICTS, sm3Hex } from '@kaolu/domain';
import {
  ExchangeUnavailableError,
  type CityPlatform,
  type HukouAnswer,
  type PermitPointsAnswer,
  type PermitValidityAnswer,
} from './data-exchange.types';

/** What a test or a demo sets for one person, overriding the derived answers. */
export type SimulatedPerson = {
  hukou?: HukouAnswer;
  permit?: PermitValidityAnswer;
  points?: PermitPointsAnswer;
};
export type CityInterface = 'hukou' | 'permit_validity' | 'permit_points' | 'real_name';

/** The simulator with its controls: overrides per ID number and a switch to take interfaces down. */
export type CityPlatformSimulator = CityPlatform & {
  setPerson(idNumber: string, person: SimulatedPerson): void;
  setAvailable(available: boolean, which?: CityInterface): void;
};

const DISTRICTS = Object.values(SHANGHAI_DISTRICTS);
const STANDARD_SCORE = 120;

/** Derived numbers in [0, 1) from the SM3 of the ID number and a label: same person, same answers. */
function fractions(idNumber: string, label: string): number[] {
  const hex = sm3Hex(`kaolu-city-simulator/${label}/${idNumber}`);
  return [0, 8, 16, 24].map((i) => parseInt(hex.slice(i, i + 8), 16) / 0x1_0000_0000);
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Realistic deterministic answers: people born in Shanghai (ID 31…) mostly hold the hukou, a few
 * others moved theirs in; about three in four non-hukou people hold a permit (issued 2012–2025,
 * some lapsed), with points spread around the standard score of 120.
 */
export function deriveSimulatedPerson(idNumber: string): Required<SimulatedPerson> {
  const [h0 = 0, h1 = 0] = fractions(idNumber, 'hukou');
  const shanghaiBorn = idNumber.startsWith('31');
  const shanghaiHukou = shanghaiBorn ? h0 < 0.9 : h0 < 0.12;
  const birthDistrict = SHANGHAI_DISTRICTS[idNumber.slice(0, 6)];
  const hukou: HukouAnswer = {
    shanghaiHukou,
    district: shanghaiHukou
      ? (birthDistrict ?? DISTRICTS[Math.floor(h1 * DISTRICTS.length)] ?? '黄浦区')
      : null,
  };
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0] = fractions(idNumber, 'permit');
  if (shanghaiHukou || p0 >= 0.75)
    return { hukou, permit: { held: false }, points: { held: false } };
  const issuedOn = addDays('2012-01-01', Math.floor(p1 * 365 * 14));
  // About one permit in eight has lapsed (not renewed) by mid-2026.
  const validUntil =
    p2 < 0.125
      ? addDays('2024-01-01', Math.floor(p3 * 700))
      : addDays('2027-01-01', Math.floor(p3 * 1000));
  const points = 80 + Math.floor(fractions(idNumber, 'points')[0]! * 90);
  return {
    hukou,
    permit: { held: true, issuedOn, validUntil },
    points: { held: true, points, standardScore: STANDARD_SCORE },
  };
}

/**
 * City data-sharing platform simulator (NFR-EXC-1), the default in development and tests. A name
 * starting with 测试不符 fails the real-name check, as in the identity module's simulator.
 */
export function createCityPlatformSimulator(): CityPlatformSimulator {
  const people = new Map<string, SimulatedPerson>();
  const down = new Set<CityInterface>();
  const person = (id: string) => ({ ...deriveSimulatedPerson(id), ...people.get(id) });
  const guard = (which: CityInterface) => {
    if (down.has(which))
      throw new ExchangeUnavailableError('error', '市数据共享平台（模拟）暂停服务');
  };
  return {
    async checkHukou({ idNumber }) {
      guard('hukou');
      return person(idNumber).hukou;
    },
    async checkPermitValidity({ idNumber }) {
      guard('permit_validity');
      return person(idNumber).permit;
    },
    async getPermitPoints({ idNumber }) {
      guard('permit_points');
      return person(idNumber).points;
    },
    async verifyRealName({ name }) {
      guard('real_name');
      return { match: !name.startsWith('测试不符') };
    },
    setPerson: (idNumber, p) => void people.set(idNumber, p),
    setAvailable(available, which) {
      const all: CityInterface[] = which
        ? [which]
        : ['hukou', 'permit_validity', 'permit_points', 'real_name'];
      for (const w of all) {
        if (available) down.delete(w);
        else down.add(w);
      }
    },
  };
}
