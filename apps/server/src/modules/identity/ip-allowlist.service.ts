import { BlockList, isIP } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit/audit.types';
import { AppError } from '../../platform/errors/app-error';
import { normaliseIp } from '../../platform/auth/client-ip';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { ipAllowEntry } from './identity.table';

/** With an empty list only the machine itself may reach the back office (first setup). */
const LOOPBACK = ['127.0.0.0/8', '::1/128'];

/** Parses '10.1.2.3', '10.0.0.0/8', '2001:db8::/32' into a normalised CIDR, or undefined. */
export function parseCidr(
  text: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6'; cidr: string } | undefined {
  const [rawAddress, rawPrefix] = text.trim().split('/');
  if (!rawAddress) return undefined;
  const address = normaliseIp(rawAddress);
  const version = isIP(address);
  if (version === 0) return undefined;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const max = version === 4 ? 32 : 128;
  // Number() also accepts "0x8", "8.0" or " 8": the check below insists on plain digits.
  const prefix = rawPrefix === undefined ? max : Number(rawPrefix);
  if (
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > max ||
    (rawPrefix !== undefined && !/^\d+$/.test(rawPrefix))
  )
    return undefined;
  return { address, prefix, family, cidr: `${address}/${prefix}` };
}

/** Whether an address lies in any of the CIDRs (IPv4-mapped IPv6 counts as IPv4). */
export function ipMatches(ip: string, cidrs: readonly string[]): boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const parsed = parseCidr(cidr);
    if (parsed) list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  const address = normaliseIp(ip);
  const version = isIP(address);
  if (version === 0) return false;
  // BlockList is Node's own matcher: no hand-written bit arithmetic for IPv6.
  return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/** REG-07: the back-office login allowlist, managed by sec_admin and by the allow-ip command. */
export function createIpAllowlist(deps: IdentityDeps) {
  const { db, audit } = deps;
  return {
    /** Every entry, oldest first, for the sec_admin page. */
    async list() {
      return db.select().from(ipAllowEntry).orderBy(asc(ipAllowEntry.createdAt));
    },

    /** Whether a staff login from this address is accepted; an empty list allows loopback only. */
    async isAllowed(ip: string): Promise<boolean> {
      // Read on every staff login, so an entry added or removed takes effect at once on every
      // instance.
      const rows = await db.select({ cidr: ipAllowEntry.cidr }).from(ipAllowEntry);
      return ipMatches(ip, rows.length > 0 ? rows.map((r) => r.cidr) : LOOPBACK);
    },

    /**
     * Adds an address or network in its normalised form; adding an existing CIDR only updates its
     * note,
     * so the allow-ip command can be run again safely.
     */
    async add(
      input: { cidr: string; note: string },
      actor: AuditActor,
      createdBy: string,
      ctx?: Partial<RequestContext>,
    ) {
      const parsed = parseCidr(input.cidr);
      if (!parsed) throw new AppError('IDENTITY.ALLOWLIST_ENTRY_INVALID');
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(ipAllowEntry)
          .values({ cidr: parsed.cidr, note: input.note, createdBy })
          .onConflictDoUpdate({ target: ipAllowEntry.cidr, set: { note: input.note } })
          .returning();
        await audit.record(tx, {
          action: 'ip_allowlist.added',
          actor,
          targetType: 'ip_allow_entry',
          targetId: row!.id,
          result: 'success',
          details: { cidr: parsed.cidr, note: input.note },
          ip: ctx?.ip,
          requestId: ctx?.requestId,
        });
        return row!;
      });
    },

    /**
     * Removes an entry; removing the last one falls back to loopback only, never to "allow all".
     */
    async remove(id: string, actor: AuditActor, ctx: RequestContext) {
      await db.transaction(async (tx) => {
        const [row] = await tx.delete(ipAllowEntry).where(eq(ipAllowEntry.id, id)).returning();
        if (!row) throw new AppError('IDENTITY.ALLOWLIST_ENTRY_NOT_FOUND');
        await audit.record(tx, {
          action: 'ip_allowlist.removed',
          actor,
          targetType: 'ip_allow_entry',
          targetId: id,
          result: 'success',
          details: { cidr: row.cidr },
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
      });
    },
  };
}

export type IpAllowlist = ReturnType<typeof createIpAllowlist>;
