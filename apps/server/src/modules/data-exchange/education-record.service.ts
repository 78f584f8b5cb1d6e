import { z } from 'zod';
import type { Db } from '../../db/client';
import { maskIdNumber } from '../../platform/masking';
import { createCircuitBreaker } from './circuit-breaker';
import { ExchangeUnavailableError } from './data-exchange.types';
import {
  createEducationRecordsSimulator,
  type EducationRecordsSimulator,
} from './education-record.simulator';
import type { EducationRecords } from './education-record.types';
import { createInterfaceLogger } from './interface-log';
import { createResilientHttpClient } from './resilient-http-client';

// Answers are validated: a changed format is "unavailable", never misread as a difference.
const RecordBody = z.object({
  records: z.array(
    z.object({
      school: z.string(),
      major: z.string(),
      level: z.enum(['high_school', 'junior_college', 'bachelor', 'master', 'doctor']),
      degree: z.enum(['none', 'bachelor', 'master', 'doctor']),
      graduationDate: z.string(),
      fullTime: z.boolean(),
      certificateNumber: z.string(),
    }),
  ),
});

export type EducationExchangeConfig = {
  provider: 'simulator' | 'http';
  url?: string;
  token?: string;
  timeoutMs: number;
  retries: number;
};

/**
 * The national education-record interface 学信 (INT-09e), built like the city platform: an HTTP
 * client with timeout, retries and breaker when the provider is http, otherwise the simulator; every call logged.
 */
export function createEducationRecords(deps: {
  db: Db;
  config: EducationExchangeConfig;
  onLogError?: (error: unknown) => void;
}): {
  education: EducationRecords;
  simulator?: EducationRecordsSimulator;
} {
  const { config } = deps;
  // http without a URL is a configuration error, never a quiet switch to the simulator.
  if (config.provider === 'http' && !config.url) {
    throw new Error('EDUCATION_RECORD_URL is required when the provider is http');
  }
  const http = config.provider === 'http' ? config.url : undefined;
  const simulator = http ? undefined : createEducationRecordsSimulator();
  const client = http
    ? createResilientHttpClient({
        baseUrl: http,
        token: config.token,
        timeoutMs: config.timeoutMs,
        retries: config.retries,
        breaker: createCircuitBreaker(),
      })
    : undefined;
  const log = createInterfaceLogger(deps.db, http ? 'http' : 'simulator', deps.onLogError);
  const education: EducationRecords = {
    lookUp: (query) =>
      log.track(
        {
          adapter: 'education',
          operation: 'lookUpEducation',
          subjectMasked: maskIdNumber(query.idNumber),
        },
        async () => {
          if (!client) return { value: await simulator!.lookUp(query) };
          const answer = await client.post<unknown>('education/records', query);
          if (!answer.found)
            return {
              value: { found: false as const },
              attempts: answer.attempts,
              outcome: 'not_found' as const,
            };
          const parsed = RecordBody.safeParse(answer.body);
          if (!parsed.success)
            throw new ExchangeUnavailableError(
              'error',
              '学信接口返回的数据格式不符',
              answer.attempts,
            );
          return {
            value: { found: true as const, records: parsed.data.records },
            attempts: answer.attempts,
          };
        },
      ),
  };
  return { education, simulator };
}
