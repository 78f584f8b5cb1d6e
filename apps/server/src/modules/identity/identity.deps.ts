import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit/audit.types';
import type { CryptoProvider } from '../../platform/crypto';
import type { SmsGateway } from '../../platform/sms';
import type { CandidatesService } from '../candidates';
import type { LoginThrottle } from './login-throttle';
import type { PasswordHasher } from './password-hasher';
import type { RealNameVerifier } from './real-name';
import type { SessionService } from './session.service';
import type { VerificationCodes } from './verification-codes';

/** Everything the identity use cases share; built once by createIdentity. */
export type IdentityDeps = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  sms: SmsGateway;
  config: Config;
  now: () => Date;
  hasher: PasswordHasher;
  sessions: SessionService;
  throttle: LoginThrottle;
  codes: VerificationCodes;
  realName: RealNameVerifier;
  /** The owner of the candidate record: accounts are created and passwords set through it. */
  candidates: CandidatesService;
};

/** Where a request came from, for audit entries and sessions (one definition, in platform). */
export type { RequestContext } from '../../platform/auth/request-context';
