/**
 * Address classification for the address guard (guard.ts), without any networking: which
 * IP addresses are public, and the allow-list of host names and CIDRs. Kept apart so the
 * configuration can validate MARSAD_ALLOW_HOSTS without loading the HTTP client.
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses an allow-list (names and CIDRs); throws naming the bad entry. */
export function parseAllowList(entries: readonly string[]): { hosts: Set<string>; cidrs: Cidr[] } {
  const hosts = new Set<string>();
  const cidrs: Cidr[] = [];
  for (const raw of entries.map((e) => e.trim()).filter(Boolean)) {
    const bare = raw.replace(/^\[(.*)\](\/\d+)?$/, '$1$2');
    if (bare.includes('/')) {
      try {
        const [addr, bits] = ipaddr.parseCIDR(bare);
        cidrs.push([unmap(addr), addr.kind() === 'ipv6' && unmap(addr).kind() === 'ipv4' ? bits - 96 : bits]);
      } catch {
        throw new Error(`not a CIDR: ${raw}`);
      }
    } else if (ipaddr.isValid(bare) && isIP(bare)) {
      const a = unmap(ipaddr.parse(bare));
      cidrs.push([a, a.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9.-]+\.?$/i.test(raw)) {
      hosts.add(normalHost(raw));
    } else {
      throw new Error(`not a host name or CIDR: ${raw}`);
    }
  }
  return { hosts, cidrs };
}

export const unmap = (a: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 => (a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a);
export const normalHost = (h: string): string => h.toLowerCase().replace(/\.$/, '');
export const LOCAL_NAME = /(^|\.)(localhost|local|internal|home\.arpa|localdomain)$/;
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/** Why an IP address may not be reached, or null when it is a public unicast address. */
export function nonPublicReason(address: string): string | null {
  let a: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    a = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return 'not an IP address';
  }
  if (a.kind() === 'ipv4') {
    const range = a.range();
    return range === 'unicast' ? null : `${range} address`;
  }
  const v6 = a as ipaddr.IPv6;
  const range = v6.range();
  const parts = v6.parts;
  if (range === 'ipv4Mapped' || range === 'rfc6145') return 'IPv4-mapped IPv6 address';
  if (range === 'rfc6052' || range === '6to4') {
    if (range === 'rfc6052' && parts[2] !== 0) return 'local-use NAT64 address';
    const embedded = range === '6to4' ? [parts[1]!, parts[2]!] : [parts[6]!, parts[7]!];
    const v4 = new ipaddr.IPv4([embedded[0]! >> 8, embedded[0]! & 255, embedded[1]! >> 8, embedded[1]! & 255]);
    const inner = nonPublicReason(v4.toString());
    return inner ? `${range === '6to4' ? '6to4' : 'NAT64'} address carrying a ${inner}` : null;
  }
  if (range === 'unicast' && parts.slice(0, 6).every((p) => p === 0)) return 'IPv4-compatible IPv6 address';
  if (range !== 'unicast') return `${range} IPv6 address`;
  return v6.match(GLOBAL_UNICAST) ? null : 'IPv6 address outside global unicast';
}
