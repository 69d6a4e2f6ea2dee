import ipaddr from 'ipaddr.js';

/**
 * The key per-address limits count by: an IPv4 address as it is (also when written IPv4-mapped), an IPv6 address by
 * its /64, since one subscriber usually holds a whole /64 and could otherwise step around any limit.
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const groups = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${groups.join(':')}::/64`;
}
