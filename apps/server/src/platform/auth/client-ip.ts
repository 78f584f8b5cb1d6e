import type { FastifyRequest } from 'fastify';

/**
 * The caller's address (REG-07). Fastify derives request.ip from X-Forwarded-For only when the
 * direct peer is one of config.trustedProxies (buildApp passes the list, never `true`), so a
 * forged header from any other peer is ignored. IPv4-mapped IPv6 is shown as plain IPv4.
 */
export function clientIpOf(request: FastifyRequest): string {
  return normaliseIp(request.ip);
}

/** '::ffff:10.0.0.1' → '10.0.0.1'; other addresses unchanged, lower-cased. */
export function normaliseIp(ip: string): string {
  const lower = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  return mapped ? mapped[1]! : lower;
}
