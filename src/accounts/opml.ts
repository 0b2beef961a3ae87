/**
 * A person's follows as OPML and back (src/ingest/opml reads and writes the documents).
 *
 * Export: every follow is an outline whose `xmlUrl` is a feed any reader can poll — the
 * site's own Atom feed of the outlet, entity, keyword or alert (`/outlet/<name>/feed.atom`,
 * …), and a source's own feed URL — with the follow's label as title, its page as
 * `htmlUrl`, and its kind as category (one folder per kind).
 * Import: an outline whose URL is one of those site feeds (same origin) becomes that
 * follow; one whose URL is a subscribed source's feed becomes a source follow; anything
 * else is reported as not followable (a reader cannot subscribe the site to new feeds).
 */
import type { FollowKind, Follow } from '../model/accounts.ts';
import { canonicalUrl } from '../model/url.ts';
import { parseOpml, toOpml } from '../ingest/opml/index.ts';
import type { Source } from '../ingest/types.ts';

export const KIND_FOLDER: Record<FollowKind, string> = { outlet: 'outlets', source: 'sources', entity: 'entities', keyword: 'keywords', alert: 'alerts' };

const PAGE: Record<Exclude<FollowKind, 'source'>, string> = { outlet: '/outlet/', entity: '/entity/', keyword: '/keyword/', alert: '/alerts/' };

/** The site path of a follow's page (null for a source, which has none). */
export function followPage(kind: FollowKind, target: string): string | null {
  if (kind === 'source') return null;
  return kind === 'alert' ? null : `${PAGE[kind]}${encodeURIComponent(target)}`;
}

/** The site path of a follow's Atom feed (null for a source: its own feed URL is used). */
export function followFeed(kind: FollowKind, target: string): string | null {
  if (kind === 'source') return null;
  return `${PAGE[kind]}${encodeURIComponent(target)}/feed.atom`;
}

export function followsToOpml(follows: readonly Follow[], origin: string, sourceUrls: ReadonlyMap<string, string>, title: string): string {
  const out: Source[] = [];
  for (const f of follows) {
    const feed = f.kind === 'source' ? sourceUrls.get(f.target) : origin + followFeed(f.kind, f.target)!;
    if (!feed) continue;
    const page = followPage(f.kind, f.target);
    out.push({ url: feed, title: f.label, siteUrl: page ? origin + page : null, category: KIND_FOLDER[f.kind] });
  }
  return toOpml(out, title);
}

export interface PlannedFollow {
  kind: FollowKind;
  target: string;
  label: string;
}

export interface OpmlPlan {
  follows: PlannedFollow[];
  /** Feed URLs that are neither a site feed nor a subscribed source. */
  unknown: string[];
  /** Parse problems (bad URLs, not OPML). */
  errors: string[];
}

const FEED_PATH = /^\/(outlet|entity|keyword|alerts)\/([^/]+)\/feed\.atom$/;
const KIND_OF: Record<string, Exclude<FollowKind, 'source'>> = { outlet: 'outlet', entity: 'entity', keyword: 'keyword', alerts: 'alert' };

/** Reads an OPML document into follows: `sources` maps canonical feed URL → source id. */
export async function planOpmlImport(bytes: Buffer, origin: string, sources: ReadonlyMap<string, string>): Promise<OpmlPlan> {
  const r = await parseOpml({ name: 'follows.opml', bytes }, {});
  const plan: OpmlPlan = { follows: [], unknown: [], errors: r.errors.filter((e) => e.code !== 'opml.duplicate').map((e) => `${e.code}: ${e.message}`) };
  for (const s of r.sources) {
    let u: URL;
    try {
      u = new URL(s.url);
    } catch {
      plan.unknown.push(s.url);
      continue;
    }
    const m = u.origin === origin ? FEED_PATH.exec(u.pathname) : null;
    if (m) {
      let target: string;
      try {
        target = decodeURIComponent(m[2]!);
      } catch {
        plan.unknown.push(s.url);
        continue;
      }
      plan.follows.push({ kind: KIND_OF[m[1]!]!, target, label: s.title ?? target });
      continue;
    }
    const source = sources.get(canonicalUrl(s.url) ?? s.url);
    if (source) plan.follows.push({ kind: 'source', target: source, label: s.title ?? s.url });
    else plan.unknown.push(s.url);
  }
  return plan;
}
