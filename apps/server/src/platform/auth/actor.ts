import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../audit/audit.types';

/** The audit actor of a request: its principal, or anonymous before login. */
export function actorOf(request: FastifyRequest): AuditActor {
  const p = request.principal;
  if (!p) return { kind: 'anonymous' };
  if (p.kind === 'candidate') return { kind: 'candidate', id: p.id };
  return { kind: 'staff', id: p.id, username: p.username };
}
