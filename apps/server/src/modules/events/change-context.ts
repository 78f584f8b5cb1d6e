import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../platform/auth/access';
import { actorOf } from '../../platform/auth/actor';
import { clientIpOf } from '../../platform/auth/client-ip';
import type { AuditActor } from '../../platform/audit';

/** Who asks for a change and from where: the audit entry's actor, address and request id. */
export type ChangeContext = { actor: AuditActor; principal?: Principal; ip?: string; requestId?: string };

/** The change context of a request, shared by the events, units, positions, lists and notices routes. */
export function changeContextOf(request: FastifyRequest): ChangeContext {
  return { actor: actorOf(request), principal: request.principal, ip: clientIpOf(request), requestId: String(request.id) };
}

/** The audit fields of a change context (actor, ip, request id). */
export function auditBase(ctx: ChangeContext) {
  return { actor: ctx.actor, ip: ctx.ip, requestId: ctx.requestId };
}
