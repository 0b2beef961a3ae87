/**
 * Turns an Article into the StoryEntry the grouping keeps: fingerprints, analyzed title
 * and lede terms, entity ids and lookup keys. Pure; the analyzer is the one in src/arabic.
 *
 * Contract: bodies longer than MAX_ANALYZED_CHARS are analyzed on their first
 * MAX_ANALYZED_CHARS characters (a 1 MB article costs the same as a 100 kB one); bodies
 * with fewer than MIN_DUP_TERMS terms get no fingerprint (an empty or one-word body is
 * nobody's duplicate); entity ids come from `article.entities` when enrich has run.
 */
import { analyze, type TextAnalysis } from '../arabic/index.ts';
import type { Article } from '../model/article.ts';
import { DEFAULT_PARAMS, fingerprint, type Fingerprint, type FingerprintParams } from './fingerprint.ts';
import type { StoryEntry } from './types.ts';
import { eventDays } from './days.ts';

export const MAX_ANALYZED_CHARS = 100_000;
/** Title characters analyzed. */
const MAX_TITLE_CHARS = 1000;
/** Below this many body terms an article is never an exact or near duplicate. */
export const MIN_DUP_TERMS = 8;
/** Terms of the body that count as the lede. */
export const LEDE_TERMS = 60;
/** Lede terms that become lookup keys (with every title term and entity). */
const LEDE_KEYS = 20;

export interface EntryOptions {
  /** Arrival time, used when publishedAt is missing or unparseable (default: now). */
  now?: number;
  params?: FingerprintParams;
  /**
   * The article's default analysis from an earlier stage (the import's search index), used
   * only when its title and text are the article's and within the analyzed lengths.
   */
  analyzed?: TextAnalysis;
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

const fingerprints = new WeakMap<TextAnalysis, Fingerprint | null>();

/**
 * The body fingerprint `entryOf` computes (default parameters) for an article whose
 * default analysis is `pre` — computable where the analysis is made (a pooled import's
 * worker thread) and handed back with `attachFingerprint`, so the writer does not hash
 * and shingle the body again.
 */
export function analysisFingerprint(pre: TextAnalysis): Fingerprint | null {
  return pre.text.length <= MAX_ANALYZED_CHARS && pre.textTerms.length >= MIN_DUP_TERMS ? fingerprint(pre.text, pre.textTerms, DEFAULT_PARAMS) : null;
}

/** Attaches `analysisFingerprint(pre)`, computed elsewhere, to `pre`: `entryOf` uses it when it reuses `pre`. */
export function attachFingerprint(pre: TextAnalysis, fp: Fingerprint | null): void {
  fingerprints.set(pre, fp);
}

/** Time of an article in epoch ms: publishedAt, else the arrival time. */
export function articleTime(a: Pick<Article, 'publishedAt'>, now: number): number {
  const t = a.publishedAt ? Date.parse(a.publishedAt) : NaN;
  return Number.isFinite(t) ? t : now;
}

/** An entry's lookup keys, from its title terms, lede terms and entity ids (as stored). */
export function entryKeys(titleTerms: readonly string[], ledeTerms: readonly string[], entities: readonly string[]): string[] {
  return unique([...titleTerms.map((t) => `t:${t}`), ...ledeTerms.slice(0, LEDE_KEYS).map((t) => `t:${t}`), ...entities.map((e) => `e:${e}`)]);
}

export function entryOf(a: Article, opts: EntryOptions = {}): StoryEntry {
  const text = a.text.length > MAX_ANALYZED_CHARS ? a.text.slice(0, MAX_ANALYZED_CHARS) : a.text;
  const pre = opts.analyzed;
  const reuse = pre !== undefined && text === a.text && a.title.length <= MAX_TITLE_CHARS && pre.text === a.text && pre.title === a.title;
  const body = reuse ? pre.textTerms : analyze(text);
  const titleTerms = unique(reuse ? pre.titleTerms : analyze(a.title.slice(0, MAX_TITLE_CHARS)));
  const ledeTerms = unique(body.slice(0, LEDE_TERMS));
  const given = reuse && !opts.params ? fingerprints.get(pre) : undefined;
  const fp = body.length < MIN_DUP_TERMS ? null : (given ?? fingerprint(text, body, opts.params ?? DEFAULT_PARAMS));
  const entities = unique((a.entities ?? []).map((e) => e.id));
  const keys = entryKeys(titleTerms, ledeTerms, entities);
  const time = articleTime(a, opts.now ?? Date.now());
  return {
    id: a.id,
    time,
    outlet: a.outlet,
    title: a.title,
    exact: fp?.exact ?? null,
    bands: fp?.bands ?? [],
    shingles: fp?.shingles ?? new Uint32Array(0),
    terms: unique(body),
    titleTerms,
    ledeTerms,
    entities,
    days: eventDays(text, time),
    keys,
    storyId: '',
    duplicateOf: null,
  };
}
