/**
 * The soak's feed farm, run as its own process (forked by bench/soak/index.ts, so the
 * reader load generated in the bench process cannot slow it): `sites` HTTP servers on
 * 127.0.0.1 (one host each for the poller's per-host gate), `feeds` RSS 2.0 feeds spread
 * over them. Every minute each feed that works publishes one new item (a real
 * SaudiNewsNet article under a new URL), keeping the last `window` items. Kinds: most
 * answer at once; some are slow (answer after `slowMs`); some fail (500, or the socket
 * dropped); some redirect (301 to where the feed lives). ETag/If-None-Match gives 304s.
 *
 * It records which items were in a 200 response (served: the poller had its chance to
 * store them). Messages from the parent: `freeze` (stop publishing), `status` (how many
 * working feeds have not been fetched at their final version since the freeze), `report`
 * (served and published item URLs, request counts by kind and status).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../../src/ingest/inputs.ts';
import { parseDocument } from '../../src/ingest/index.ts';
import { rng } from '../rng.ts';

export interface FarmConfig {
  sites: number;
  feeds: number;
  minutes: number;
  window: number;
  initialItems: number;
  slowMs: number;
  corpusDir: string;
  seed: number;
}
export type Kind = 'ok' | 'slow' | 'failing' | 'redirect';
export interface FarmReport {
  served: string[];
  published: string[];
  requests: Record<string, number>;
  kinds: Record<Kind, number>;
}

interface Item {
  url: string;
  title: string;
  text: string;
  at: Date;
}
interface Feed {
  id: number;
  site: number;
  kind: Kind;
  items: Item[];
  version: number;
  seq: number;
  /** Fetched (200 or 304) at its current version since the freeze. */
  fresh: boolean;
  failures: number;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const send = (m: unknown) => process.send?.(m);

async function loadPool(dir: string, need: number): Promise<Array<{ title: string; text: string }>> {
  const pool: Array<{ title: string; text: string }> = [];
  const zips = readdirSync(dir).filter((f) => f.endsWith('.zip')).sort();
  for (const z of zips) {
    for await (const item of readInputs([join(dir, z)])) {
      if (!('doc' in item)) continue;
      for (const a of (await parseDocument(item.doc)).articles) if (a.title && a.text.length > 200) pool.push({ title: a.title, text: a.text.slice(0, 3000) });
    }
    if (pool.length >= need) break;
  }
  if (pool.length < need) process.stderr.write(`farm: only ${pool.length} corpus articles for ${need} items: texts repeat (URLs stay unique)\n`);
  return pool;
}

function rss(f: Feed, siteHost: string): string {
  const items = [...f.items].reverse().map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.url)}</link><guid isPermaLink="true">${esc(i.url)}</guid><pubDate>${i.at.toUTCString()}</pubDate><description>${esc(i.text)}</description></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>soak feed ${f.id}</title><link>https://${siteHost}/</link><description>soak</description><language>ar</language>${items.join('')}</channel></rss>`;
}

async function main(cfg: FarmConfig): Promise<void> {
  const rand = rng(cfg.seed);
  const need = cfg.feeds * (cfg.initialItems + cfg.minutes + 3);
  const pool = await loadPool(cfg.corpusDir, need);
  let next = 0;
  const served = new Set<string>();
  const published: string[] = [];
  const requests: Record<string, number> = {};
  const count = (k: string) => (requests[k] = (requests[k] ?? 0) + 1);
  const feeds: Feed[] = [];
  const kinds: Record<Kind, number> = { ok: 0, slow: 0, failing: 0, redirect: 0 };
  for (let id = 0; id < cfg.feeds; id++) {
    const r = id % 20;
    const kind: Kind = r < 2 ? 'slow' : r === 2 ? 'failing' : r < 5 ? 'redirect' : 'ok';
    kinds[kind]++;
    feeds.push({ id, site: id % cfg.sites, kind, items: [], version: 0, seq: 0, fresh: false, failures: 0 });
  }
  let frozen = false;
  const publish = (f: Feed) => {
    if (f.kind === 'failing' || frozen) return;
    const src = pool[next++ % pool.length]!;
    const item = { url: `https://soak-site${f.site}.example/${f.id}/${f.seq++}`, title: src.title, text: src.text, at: new Date() };
    f.items.push(item);
    if (f.items.length > cfg.window) f.items.shift();
    f.version++;
    published.push(item.url);
  };
  for (const f of feeds) for (let i = 0; i < cfg.initialItems; i++) publish(f);

  const servers: Server[] = [];
  const hosts: string[] = [];
  for (let s = 0; s < cfg.sites; s++) {
    const server = createServer((req, res) => handle(s, req, res));
    server.keepAliveTimeout = 5000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
    hosts.push(`127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  function handle(site: number, req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    const m = /^\/(f|r)\/(\d+)\.xml$/.exec(path);
    const f = m ? feeds[Number(m[2])] : undefined;
    if (!m || !f || f.site !== site) return void res.writeHead(404).end();
    count(`${f.kind}:${m[1]}`);
    if (f.kind === 'failing') {
      count('failing:answered');
      if (f.failures++ % 2) return void res.destroy();
      return void res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error (soak)');
    }
    if (f.kind === 'redirect' && m[1] === 'f') return void res.writeHead(301, { location: `/r/${f.id}.xml` }).end();
    const answer = () => {
      const etag = `"${f.id}-${f.version}"`;
      if (req.headers['if-none-match'] === etag) {
        count('304');
        if (frozen) f.fresh = true;
        return void res.writeHead(304, { etag }).end();
      }
      count('200');
      for (const i of f.items) served.add(i.url);
      if (frozen) f.fresh = true;
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(rss(f, `soak-site${f.site}.example`));
    };
    if (f.kind === 'slow') setTimeout(answer, cfg.slowMs * (0.75 + rand() * 0.5));
    else answer();
  }

  // Each feed publishes once a minute, the feeds spread over the minute.
  const timers = feeds.map((f) => {
    const offset = (f.id / cfg.feeds) * 60_000;
    let t: NodeJS.Timeout | undefined;
    const start = setTimeout(() => {
      publish(f);
      t = setInterval(() => publish(f), 60_000);
    }, offset);
    return () => {
      clearTimeout(start);
      if (t) clearInterval(t);
    };
  });

  process.on('message', (msg: { type: string }) => {
    if (msg.type === 'freeze') {
      frozen = true;
      for (const stop of timers) stop();
      send({ type: 'frozen', published: published.length });
    } else if (msg.type === 'status') {
      send({ type: 'status', pending: feeds.filter((f) => f.kind !== 'failing' && !f.fresh).length });
    } else if (msg.type === 'report') {
      const report: FarmReport = { served: [...served], published, requests, kinds };
      send({ type: 'report', report });
    } else if (msg.type === 'stop') {
      for (const s of servers) {
        s.closeAllConnections();
        s.close();
      }
      process.exit(0);
    }
  });
  send({ type: 'ready', feeds: feeds.map((f) => ({ url: `http://${hosts[f.site]}/f/${f.id}.xml`, kind: f.kind })), pool: pool.length, need });
}

process.once('message', (m: { type: string; config: FarmConfig }) => {
  if (m.type === 'start') void main(m.config).catch((e: Error) => (process.stderr.write(`farm: ${e.stack}\n`), process.exit(1)));
});
