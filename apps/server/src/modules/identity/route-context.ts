import type { FastifyRequest } from 'fastify';
import { clientIpOf } from '../../platform/auth/client-ip';
import type { Principal } from '../../platform/auth/access';
import { AppError } from '../../platform/errors/app-error';
import type { RequestContext } from './identity.deps';

/** Address, request id and browser of a request, for sessions and audit entries. */
export function contextOf(request: FastifyRequest): RequestContext {
  const userAgent = request.headers['user-agent'];
  return { ip: clientIpOf(request), requestId: String(request.id), userAgent: typeof userAgent === 'string' ? userAgent : undefined };
}

/** The staff principal the guard already checked; throws if a route is mis-declared. */
export function staffOf(request: FastifyRequest): Extract<Principal, { kind: 'staff' }> {
  const p = request.principal;
  if (p?.kind !== 'staff') throw new AppError('COMMON.FORBIDDEN');
  return p;
}

export function candidateOf(request: FastifyRequest): Extract<Principal, { kind: 'candidate' }> {
  const p = request.principal;
  if (p?.kind !== 'candidate') throw new AppError('COMMON.FORBIDDEN');
  return p;
}
