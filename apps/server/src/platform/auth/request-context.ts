import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../audit/audit.types';
import { AppError } from '../errors/app-error';
import type { Principal } from './access';
import { actorOf } from './actor';
import { clientIpOf } from './client-ip';

// Request plumbing shared by every module's routes (NFR-MNT-1): one place reads the caller, his
// address and the request id, so services receive plain values and never a Fastify request.

/** Who asks for a change and from where: the audit entry's actor, address and request id. */
export type ChangeContext = {
  actor: AuditActor;
  principal?: Principal;
  ip?: string;
  requestId?: string;
};

/** Where a request came from, for sessions and for audit entries of the identity use cases. */
export type RequestContext = { ip: string; requestId: string; userAgent?: string };

/** The change context of a request: its actor (anonymous before login), address and request id. */
export function changeContextOf(request: FastifyRequest): ChangeContext {
  return {
    actor: actorOf(request),
    principal: request.principal,
    ip: clientIpOf(request),
    requestId: String(request.id),
  };
}

/** Address, request id and browser of a request. */
export function requestContextOf(request: FastifyRequest): RequestContext {
  const userAgent = request.headers['user-agent'];
  return {
    ip: clientIpOf(request),
    requestId: String(request.id),
    userAgent: typeof userAgent === 'string' ? userAgent : undefined,
  };
}

/** The audit fields of a change context (actor, ip, request id), spread into an audit entry. */
export function auditBase(ctx: ChangeContext) {
  return { actor: ctx.actor, ip: ctx.ip, requestId: ctx.requestId };
}

/** The caller the access guard resolved; a route without a signed-in caller is refused, never crashes. */
export function principalOf(request: FastifyRequest): Principal {
  const p = request.principal;
  if (!p) throw new AppError('COMMON.UNAUTHENTICATED');
  return p;
}

/** The staff caller the guard already checked; throws if a route is mis-declared. */
export function staffOf(request: FastifyRequest): Extract<Principal, { kind: 'staff' }> {
  const p = principalOf(request);
  if (p.kind !== 'staff') throw new AppError('COMMON.FORBIDDEN');
  return p;
}

/** The candidate caller the guard already checked; throws if a route is mis-declared. */
export function candidateOf(request: FastifyRequest): Extract<Principal, { kind: 'candidate' }> {
  const p = principalOf(request);
  if (p.kind !== 'candidate') throw new AppError('COMMON.FORBIDDEN');
  return p;
}
