/**
 * `marsad sources add|import|export|list|remove`: manage the subscribed feeds (the same
 * state the admin page and the scheduler use). Subscribing never fetches anything by
 * itself; `marsad serve` polls what is subscribed.
 */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../config.ts';
import { openStore, type MarsadStore } from '../../store/index.ts';
import { formatIssue, parseDocument } from '../../ingest/index.ts';
import { toOpml } from '../../ingest/opml/index.ts';
import { AddressGuard, screenUrls } from '../../ingest/fetch/guard.ts';

/** The address guard of the configuration: a source the poller may not fetch is not subscribed. */
const guardOf = () => new AddressGuard(loadConfig().fetchGuard);

async function withStore<T>(db: string | undefined, fn: (s: MarsadStore) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig({ db }).db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `sources add <url> [--title T]`: subscribe to a feed. */
export async function addSource(url: string, o: { title?: string; db?: string }): Promise<void> {
  const v = guardOf().checkUrl(url);
  if (!v.ok) throw new Error(`sources add: ${v.code}: ${v.message}`);
  const s = await withStore(o.db, (st) => st.addSource({ url, title: o.title ?? null }));
  process.stdout.write(`subscribed ${s.url} (id ${s.id})\n`);
}

/** `sources import <file>`: subscribe to every feed of an OPML file. */
export async function importSources(file: string, o: { db?: string }): Promise<void> {
  const r = await parseDocument({ name: file, bytes: await readFile(file) }, { format: 'opml' });
  for (const e of r.errors) process.stderr.write(formatIssue(e) + '\n');
  if (r.sources.length === 0) throw new Error(`sources import: no sources in ${file}`);
  const { ok, refused } = screenUrls(r.sources, guardOf());
  for (const x of refused) process.stderr.write(`${file}: ${x.code}: ${x.message}\n`);
  const c = ok.length ? await withStore(o.db, (st) => st.importSources(ok.map((s) => ({ url: s.url, title: s.title })))) : { added: 0, existing: 0 };
  process.stdout.write(`${c.added} added, ${c.existing} already subscribed${refused.length ? `, ${refused.length} refused` : ''}\n`);
  if (ok.length === 0) process.exitCode = 1;
}

/** `sources export`: the subscriptions as OPML on stdout. */
export async function exportSources(o: { db?: string }): Promise<void> {
  const list = await withStore(o.db, (st) => st.listSources());
  process.stdout.write(toOpml(list.map((s) => ({ url: s.url, title: s.title, siteUrl: null, category: null }))) + '\n');
}

/** `sources list [--json]`: subscriptions with their polling state. */
export async function listSources(o: { db?: string; json?: boolean }): Promise<void> {
  const list = await withStore(o.db, (st) => st.listSources());
  if (o.json) return void process.stdout.write(JSON.stringify(list, null, 2) + '\n');
  for (const s of list) process.stdout.write(`${s.id}\t${s.status ?? 'new'}\terrors=${s.errorCount}\tnext=${s.nextPoll ?? '-'}\t${s.title ?? ''}\t${s.url}\n`);
}

/** `sources remove <id>`: unsubscribe. */
export async function removeSource(id: string, o: { db?: string }): Promise<void> {
  const ok = await withStore(o.db, (st) => st.removeSource(id));
  if (!ok) throw new Error(`sources remove: no source with id ${id}`);
  process.stdout.write(`removed ${id}\n`);
}
