import { z } from 'zod';
import { ExchangeUnavailableError, type CityPlatform } from './data-exchange.types';
import type { TrackedCall } from './interface-log';
import type { HttpAnswer, ResilientHttpClient } from './resilient-http-client';

// Answers are validated: a platform that changes its format is "unavailable", never misread.
const HukouBody = z.object({
  shanghaiHukou: z.boolean(),
  district: z.string().nullable().default(null),
});
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const PermitBody = z.object({ issuedOn: DateText, validUntil: DateText });
const PointsBody = z.object({ points: z.number(), standardScore: z.number() });
const RealNameBody = z.object({ match: z.boolean() });

/** Each method of the platform, answering with the attempts and outcome the interface log records. */
export type TrackedCityPlatform = {
  [K in keyof CityPlatform]: (
    ...args: Parameters<CityPlatform[K]>
  ) => Promise<TrackedCall<Awaited<ReturnType<CityPlatform[K]>>>>;
};

function parse<T>(schema: z.ZodType<T>, answer: HttpAnswer<unknown> & { found: true }): T {
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success)
    throw new ExchangeUnavailableError('error', '接口返回的数据格式不符', answer.attempts);
  return parsed.data;
}

/**
 * Production client of the city data-sharing platform (NFR-EXC-1). Paths are relative to
 * CITY_PLATFORM_URL; HTTP 404 means "no record" (no permit held), which is an answer, not a failure.
 */
export function createHttpCityPlatform(client: ResilientHttpClient): TrackedCityPlatform {
  return {
    async checkHukou(query) {
      const a = await client.post<unknown>('hukou/check', query);
      if (!a.found)
        return {
          value: { shanghaiHukou: false, district: null },
          attempts: a.attempts,
          outcome: 'not_found',
        };
      return { value: parse(HukouBody, a), attempts: a.attempts };
    },
    async checkPermitValidity({ idNumber }) {
      const a = await client.post<unknown>('residence-permit/validity', { idNumber });
      if (!a.found) return { value: { held: false }, attempts: a.attempts, outcome: 'not_found' };
      return { value: { held: true, ...parse(PermitBody, a) }, attempts: a.attempts };
    },
    async getPermitPoints({ idNumber }) {
      const a = await client.post<unknown>('residence-permit/points', { idNumber });
      if (!a.found) return { value: { held: false }, attempts: a.attempts, outcome: 'not_found' };
      return { value: { held: true, ...parse(PointsBody, a) }, attempts: a.attempts };
    },
    async verifyRealName(query) {
      const a = await client.post<unknown>('real-name/verify', query);
      if (!a.found) return { value: { match: false }, attempts: a.attempts, outcome: 'not_found' };
      return { value: parse(RealNameBody, a), attempts: a.attempts };
    },
  };
}
