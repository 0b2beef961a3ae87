/**
 * robots.txt rules per origin, fetched once and cached: the fetcher asks before each hop.
 *
 * Why: Marsad polls news sites on a schedule; it must honour what each site allows its
 * crawler. Policy (RFC 9309): a 2xx robots.txt is parsed with robots-parser; a 4xx
 * means everything is allowed; a 5xx or an unreachable server means nothing is (until
 * the entry expires), reported as `fetch.robots_unreachable`. Contract: `check` never
 * throws; it resolves with null when allowed, else the failure (code and message).
 */
import robotsParserModule from 'robots-parser';

/** The parts of robots-parser's Robot used here (its typings do not export the type). */
export interface Robot {
  isDisallowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS (`module.exports = fn`); its typings declare an ES default.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robot;

/** What is known of one origin's robots.txt. */
type Entry = { kind: 'rules'; robot: Robot } | { kind: 'allow' } | { kind: 'unreachable'; message: string };

export interface RobotsDenial {
  code: 'fetch.robots_disallowed' | 'fetch.robots_unreachable';
  message: string;
}

/** Fetches `url` (robots.txt) and gives its status and text; injected by the fetcher. Throws when the fetch was cancelled. */
export type RobotsLoader = (url: string) => Promise<{ status: number; text: string } | { error: string }>;

const UNREACHABLE_TTL_MS = 5 * 60 * 1000;

export class RobotsCache {
  private readonly entries = new Map<string, { expires: number; entry: Promise<Entry> }>();

  constructor(private readonly ttlMs = 60 * 60 * 1000) {}

  /** Null when `url` may be fetched by `agent`, else why not. */
  async check(url: string, agent: string, load: RobotsLoader): Promise<RobotsDenial | null> {
    const origin = new URL(url).origin;
    const entry = await this.entry(origin, load);
    if (entry.kind === 'allow') return null;
    if (entry.kind === 'unreachable') {
      return { code: 'fetch.robots_unreachable', message: `robots.txt of ${origin} unreachable (${entry.message}): not fetching` };
    }
    if (entry.robot.isDisallowed(url, agent) === true) {
      const line = entry.robot.getMatchingLineNumber(url, agent);
      return { code: 'fetch.robots_disallowed', message: `robots.txt of ${origin} disallows this URL${line > 0 ? ` (line ${line})` : ''}` };
    }
    return null;
  }

  /** The Crawl-delay robots.txt asks of `agent`, in ms, when known and cached. */
  async crawlDelayMs(url: string, agent: string, load: RobotsLoader): Promise<number | null> {
    const entry = await this.entry(new URL(url).origin, load);
    const d = entry.kind === 'rules' ? entry.robot.getCrawlDelay(agent) : undefined;
    return d != null && Number.isFinite(d) ? d * 1000 : null;
  }

  private entry(origin: string, load: RobotsLoader): Promise<Entry> {
    const now = Date.now();
    const hit = this.entries.get(origin);
    if (hit && hit.expires > now) return hit.entry;
    const robotsUrl = `${origin}/robots.txt`;
    const entry = load(robotsUrl).then((r): Entry => {
      if ('error' in r) return { kind: 'unreachable', message: r.error };
      if (r.status >= 200 && r.status < 300) return { kind: 'rules', robot: robotsParser(robotsUrl, r.text) };
      if (r.status >= 400 && r.status < 500) return { kind: 'allow' };
      return { kind: 'unreachable', message: `HTTP ${r.status}` };
    });
    // An unreachable server is asked again sooner; a load that throws is not cached.
    const slot = { expires: now + this.ttlMs, entry };
    this.entries.set(origin, slot);
    entry.then(
      (e) => {
        if (e.kind === 'unreachable') slot.expires = Math.min(slot.expires, Date.now() + UNREACHABLE_TTL_MS);
      },
      () => {
        if (this.entries.get(origin) === slot) this.entries.delete(origin);
      },
    );
    return entry;
  }
}

/** The cache `fetchUrl` uses unless given its own. */
export const defaultRobotsCache = new RobotsCache();
