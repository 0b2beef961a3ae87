/**
 * The alerts step of the pipeline: each article the grouping step places in a story is
 * percolated against the stored alerts (src/alerts/percolate.ts) and its matches are
 * recorded in the alerts' outbox inside the same write transaction as its grouping — so
 * every ingest path (import, polling, workers, the crash-resume) matches each article
 * exactly once, and a crash records both or neither.
 *
 * The matcher is built once per alerts version (an alert created or removed, by this
 * process or another) and reused across calls.
 */
import { analyze, type TextAnalysis } from '../arabic/index.ts';
import { AlertMatcher, tokensOf } from '../alerts/percolate.ts';
import type { AlertStore } from '../alerts/types.ts';
import type { Article } from '../model/article.ts';
import type { PipelineStore } from './types.ts';

interface Built {
  version: string;
  matcher: AlertMatcher;
  /** Stories in the df table when the matcher was keyed. */
  docs: number;
}

const cache = new WeakMap<AlertStore, Built>();

/**
 * The matcher is keyed by the document frequencies of the corpus it was built on; it is
 * keyed again (not recompiled) once the corpus has doubled since — so a matcher built on an
 * empty or small store (a first import) stops filing alerts under words that turn out to
 * be common. Doubling bounds the re-keys to log2 of the corpus' growth.
 */
const REKEY_MIN_DOCS = 200;

/** The matcher of the store's current alerts; null when the store has none. */
export async function alertMatcher(store: PipelineStore): Promise<AlertMatcher | null> {
  const alerts = store.alerts;
  if (!alerts) return null;
  const version = await alerts.alertsVersion();
  const hit = cache.get(alerts);
  const df = (terms: string[]) => store.storyIndex.docFreq(terms);
  if (hit && hit.version === version) {
    if (hit.matcher.size === 0) return null;
    const docs = await store.storyIndex.docCount();
    if (docs >= Math.max(REKEY_MIN_DOCS, 2 * hit.docs)) {
      const matcher = await hit.matcher.rekey(df);
      cache.set(alerts, { version, matcher, docs });
      return matcher;
    }
    return hit.matcher;
  }
  const docs = await store.storyIndex.docCount();
  const matcher = await AlertMatcher.build(await alerts.listAlerts(), df);
  cache.set(alerts, { version, matcher, docs });
  return matcher.size ? matcher : null;
}

/** Matches one grouped article and records its matches (call inside the grouping transaction). */
export async function recordAlertMatches(store: PipelineStore, matcher: AlertMatcher, a: Article, storyId: string, analysis?: TextAnalysis): Promise<number> {
  const pre = analysis && analysis.title === a.title && analysis.text === a.text ? analysis : null;
  const ids = matcher.match({
    title: tokensOf(pre ? pre.titleTerms : analyze(a.title)),
    text: tokensOf(pre ? pre.textTerms : analyze(a.text)),
    outlet: a.outlet,
    entities: a.entities,
    keywords: a.keywords,
    tags: a.tags,
  });
  if (ids.length) await store.alerts!.recordMatches(ids.map((alertId) => ({ alertId, storyId, articleId: a.id })), new Date().toISOString());
  return ids.length;
}
