import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why an address may not be the target of a request the server makes on a user's behalf. */
export type AddressRefusal = 'loopback' | 'private' | 'link_local' | 'unspecified' | 'multicast' | 'reserved' | 'invalid';

export interface OutboundPolicy {
  /** Self-hosters who deliberately deliver inside their own network allow loopback, private and CGNAT ranges. */
  allowPrivateNetwork: boolean;
}

/** ipaddr.js range names → our reason; any range not listed (and not plain unicast) is `reserved`. */
const RANGES: Record<string, AddressRefusal> = {
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private',
  carrierGradeNat: 'private',
  linkLocal: 'link_local',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'multicast',
};
/** What the switch opens: the shop's own network. Link-local (cloud metadata 169.254.169.254) stays closed. */
const PRIVATE_NETWORK: ReadonlySet<AddressRefusal> = new Set(['loopback', 'private']);

/**
 * Why `address` (an IPv4 or IPv6 literal, brackets allowed) is refused as an outbound target, or undefined when it
 * is a public unicast address. IPv4-mapped IPv6 is judged as the IPv4 address it carries; NAT64, 6to4 and Teredo
 * prefixes, which also tunnel to IPv4, are refused as reserved.
 */
export function refusedAddress(address: string, policy: OutboundPolicy): AddressRefusal | undefined {
  let range: string;
  try {
    // process() turns IPv4-mapped IPv6 into the IPv4 address it carries.
    range = ipaddr.process(address.replace(/^\[(.*)\]$/, '$1')).range();
  } catch {
    return 'invalid';
  }
  if (range === 'unicast') return undefined;
  const reason = RANGES[range] ?? 'reserved';
  return policy.allowPrivateNetwork && PRIVATE_NETWORK.has(reason) ? undefined : reason;
}

/** A connection the server refused to open: the host, the address it resolved to and why. */
export class OutboundAddressError extends Error {
  readonly code = 'EOUTBOUNDREFUSED';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: AddressRefusal,
  ) {
    super(`refused ${reason} address ${address} for ${host}`);
  }
}

/** Throws OutboundAddressError when `host` is an IP literal that the policy refuses; false when it is a name. */
function checkLiteral(host: string, policy: OutboundPolicy): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(bare)) return false;
  const reason = refusedAddress(bare, policy);
  if (reason) throw new OutboundAddressError(host, bare, reason);
  return true;
}

/**
 * A `lookup` for node's http/net that resolves every address of a name and fails if ANY is refused, then hands
 * the connection exactly those addresses: what was checked is what is connected to, so a DNS answer that changes
 * between a check and the connection (rebinding) cannot slip a private address through.
 */
export function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      if (addresses.length === 0)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      for (const { address } of addresses) {
        const reason = refusedAddress(address, policy);
        if (reason) return callback(new OutboundAddressError(hostname, address, reason), '', 0);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * Checks a URL's host before it is saved: an IP literal is judged as it is, a name by all the addresses it resolves
 * to now. A name that does not resolve (yet) passes: every connection is checked again when it is made.
 */
export async function checkOutboundHost(host: string, policy: OutboundPolicy): Promise<void> {
  if (checkLiteral(host, policy)) return;
  // localhost and *.localhost are loopback by definition (RFC 6761), whether or not this resolver knows the name.
  const name = host.toLowerCase().replace(/\.+$/, '');
  if ((name === 'localhost' || name.endsWith('.localhost')) && !policy.allowPrivateNetwork) {
    throw new OutboundAddressError(host, '127.0.0.1', 'loopback');
  }
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true });
  } catch {
    return;
  }
  for (const { address } of addresses) {
    const reason = refusedAddress(address, policy);
    if (reason) throw new OutboundAddressError(host, address, reason);
  }
}

/** The same check for the moment of connecting to an IP literal, which node connects to without any lookup. */
export function checkOutboundLiteral(host: string, policy: OutboundPolicy): void {
  checkLiteral(host, policy);
}
