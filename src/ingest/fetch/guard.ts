/**
 * The address guard: every request Marsad makes for someone else's URL (a subscribed feed,
 * its redirects, an article page, robots.txt, later webhooks) goes through one
 * `AddressGuard`, so a URL given by a user or a publisher can never make the server talk
 * to itself, to its private network or to a cloud metadata service.
 *
 * Two checks, because a name is not an address:
 * - `checkUrl(url)`, before a request and when a source is subscribed: only http(s); the
 *   host parsed the way undici parses it (WHATWG URL, so `2130706433`, `0177.0.0.1`,
 *   `0x7f.1`, `127.1`, `0`, `[::ffff:127.0.0.1]` and a trailing dot all become the
 *   address they spell) and refused when it is a non-public address or a local name
 *   (`localhost`, `*.localhost`, `*.local`, `*.internal`, `*.home.arpa`, single labels).
 * - at connect, in the dispatcher's connector (`dispatcher()`): the name is resolved here
 *   (or by the injected `lookup`), each address classified, the socket opened to a checked
 *   address only — so DNS rebinding between a check and the connect cannot happen, there is
 *   only one resolution — and the socket's `remoteAddress` is checked again before a byte
 *   is written.
 *
 * Classification is ipaddr.js's. IPv4 passes only as `unicast`; IPv6 only as `unicast`
 * inside 2000::/3. IPv4-mapped, IPv4-compatible and SIIT (::ffff:0:0/96) forms are
 * refused outright (no public DNS answer uses them); NAT64 (64:ff9b::/96) and 6to4 pass
 * only when the IPv4 address they carry does; Teredo and local NAT64 are refused.
 *
 * Opt-in: `allowPrivate` (MARSAD_ALLOW_PRIVATE_HOSTS=1) lets everything through; `allow`
 * (MARSAD_ALLOW_HOSTS) lists host names and CIDRs that may be reached (tests list
 * 127.0.0.1 for their local servers). Refusals carry the stable code
 * `fetch.private_address`; a non-http(s) URL is `fetch.bad_url`.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { LOCAL_NAME, nonPublicReason, normalHost, parseAllowList, unmap, type Cidr } from './addresses.ts';

export { nonPublicReason, parseAllowList } from './addresses.ts';

export type Lookup = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export interface GuardOptions {
  /** Let every address through (still http(s) only). */
  allowPrivate?: boolean;
  /** Host names (exact, case-insensitive) and CIDRs (`10.0.0.0/8`, `::1/128`, or a bare address) that may be reached. */
  allow?: readonly string[];
  /** Resolves a name to its addresses; default the system resolver (`dns.lookup`, all addresses). */
  lookup?: Lookup;
}

export type GuardVerdict = { ok: true; url: URL } | { ok: false; code: 'fetch.bad_url' | 'fetch.private_address'; message: string };

/** A refused connection; undici hands it back as the request's error. */
export class AddressRefused extends Error {
  readonly code = 'fetch.private_address';
}

export class AddressGuard {
  readonly allowPrivate: boolean;
  private readonly hosts: Set<string>;
  private readonly cidrs: Cidr[];
  private readonly lookup: Lookup;

  constructor(opts: GuardOptions = {}) {
    this.allowPrivate = opts.allowPrivate === true;
    ({ hosts: this.hosts, cidrs: this.cidrs } = parseAllowList(opts.allow ?? []));
    this.lookup = opts.lookup ?? ((h) => dnsLookup(h, { all: true, verbatim: true }));
  }

  /** True when `host` (a name) is on the allow-list, or everything is allowed. */
  hostAllowed(host: string): boolean {
    return this.allowPrivate || this.hosts.has(normalHost(host));
  }

  /** Null when `address` may be reached (public, or allowed by the config), else why not. */
  addressRefusal(address: string): string | null {
    if (this.allowPrivate) return null;
    const reason = nonPublicReason(address);
    if (reason === null) return null;
    try {
      const a = unmap(ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')));
      if (this.cidrs.some(([net, bits]) => net.kind() === a.kind() && a.match(net, bits))) return null;
    } catch {
      /* not an address: refused below */
    }
    return reason;
  }

  /** Checks a URL before it is requested or subscribed: scheme, address literal, local names. */
  checkUrl(raw: string | URL, base?: string): GuardVerdict {
    let url: URL;
    try {
      url = typeof raw === 'string' ? new URL(raw, base) : raw;
    } catch {
      return { ok: false, code: 'fetch.bad_url', message: `not a URL: ${String(raw)}` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, code: 'fetch.bad_url', message: `not an http(s) URL: ${url.href}` };
    if (url.username || url.password) return { ok: false, code: 'fetch.bad_url', message: `credentials in a URL are not accepted: ${url.host}` };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (this.hostAllowed(host)) return { ok: true, url };
    if (isIP(host)) {
      const why = this.addressRefusal(host);
      return why ? refuse(url, `${host} is a ${why}`) : { ok: true, url };
    }
    const name = normalHost(host);
    if (LOCAL_NAME.test(name)) return refuse(url, `${name} is a local host name`);
    if (!name.includes('.')) return refuse(url, `${name} is a single-label (intranet) host name`);
    return { ok: true, url };
  }

  /** Resolves `host` to the addresses that may be reached, in resolver order; rejects with AddressRefused when none may. */
  async resolve(host: string): Promise<string[]> {
    const bare = host.replace(/^\[|\]$/g, '');
    if (isIP(bare)) {
      const why = this.hostAllowed(bare) ? null : this.addressRefusal(bare);
      if (why) throw new AddressRefused(`refused to connect to ${bare}: ${why}`);
      return [bare];
    }
    const addrs = (await this.lookup(bare)).map((a) => a.address);
    if (addrs.length === 0) throw Object.assign(new Error(`no address for ${bare}`), { code: 'ENOTFOUND' });
    if (this.hostAllowed(bare)) return addrs;
    const ok = addrs.filter((a) => this.addressRefusal(a) === null);
    if (ok.length > 0) return ok;
    throw new AddressRefused(`refused to connect to ${bare}: it resolves to ${addrs.map((a) => `${a} (${this.addressRefusal(a)})`).join(', ')}`);
  }

  /**
   * A connector for undici that resolves through `resolve`, connects only to those
   * addresses (the next one when a connect fails; TLS still verifies the original name)
   * and checks the socket's peer before handing it over.
   */
  connector(opts: buildConnector.BuildOptions = {}): buildConnector.connector {
    const base = buildConnector(opts);
    return (options, callback) => {
      const host = options.hostname;
      const servername = options.servername || (isIP(host.replace(/^\[|\]$/g, '')) ? undefined : host);
      const attempt = (addresses: string[], i: number): void => {
        base({ ...options, hostname: addresses[i]!, ...(servername ? { servername } : {}) }, (err, socket) => {
          if (err) return i + 1 < addresses.length ? attempt(addresses, i + 1) : callback(err, null);
          const peer = socket!.remoteAddress ?? '';
          const why = this.hostAllowed(host) ? null : this.addressRefusal(peer);
          if (why) {
            socket!.destroy();
            return callback(new AddressRefused(`refused the connection to ${host}: peer ${peer} is a ${why}`), null);
          }
          callback(null, socket!);
        });
      };
      this.resolve(host).then(
        (addresses) => attempt(addresses, 0),
        (e: Error) => callback(e, null),
      );
    };
  }

  /** An undici dispatcher whose every connection passes the guard. */
  dispatcher(opts: { connectTimeoutMs?: number } & Omit<Agent.Options, 'connect'> = {}): Dispatcher {
    const { connectTimeoutMs, ...agentOpts } = opts;
    const agent = new Agent({ ...agentOpts, connect: this.connector({ timeout: connectTimeoutMs ?? 10_000 }) });
    GUARDED.add(agent);
    return agent;
  }
}

const refuse = (url: URL, why: string): GuardVerdict => ({ ok: false, code: 'fetch.private_address', message: `refused ${url.protocol}//${url.host}: ${why} (set MARSAD_ALLOW_HOSTS or MARSAD_ALLOW_PRIVATE_HOSTS=1 to allow it)` });

const GUARDED = new WeakSet<Dispatcher>();

/** True when `d` was made by an AddressGuard (the fetcher refuses any other). */
export function isGuarded(d: Dispatcher): boolean {
  return GUARDED.has(d);
}

/** The default: public addresses only. */
export const strictGuard = new AddressGuard();

/** Splits items by whether their URL passes `guard.checkUrl` (for subscribing sources). */
export function screenUrls<T extends { url: string }>(items: readonly T[], guard: AddressGuard): { ok: T[]; refused: Array<{ url: string; code: string; message: string }> } {
  const ok: T[] = [];
  const refused: Array<{ url: string; code: string; message: string }> = [];
  for (const item of items) {
    const v = guard.checkUrl(item.url);
    if (v.ok) ok.push(item);
    else refused.push({ url: item.url, code: v.code, message: v.message });
  }
  return { ok, refused };
}
