/**
 * The scale benchmark's articles: the whole saudinewsnet corpus parsed once through the
 * ingest path (and cached as JSON lines in the OS temp directory, keyed by the corpus
 * files' sizes and times), and perturbed copies to reach any size: each copy gets a new
 * URL, a day shift, and a few words of its text swapped or dropped, so copies are new
 * articles (new ids, new index entries) that still read like Arabic news.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../src/ingest/index.ts';
import { readInputs } from '../../src/ingest/inputs.ts';
import { makeArticle, type Article } from '../../src/model/article.ts';
import { rng } from '../rng.ts';

/**
 * The saudinewsnet folder: under `MARSAD_CORPUS` (the shared corpus folder) when set — a
 * worktree has no ../shared beside it —, else ../shared/corpus next to the repository.
 */
export const CORPUS = process.env.MARSAD_CORPUS
  ? join(process.env.MARSAD_CORPUS, 'saudinewsnet')
  : fileURLToPath(new URL('../../../shared/corpus/saudinewsnet/', import.meta.url));

/** Every article of the corpus with a text, parsed by `marsad import`'s path. */
export async function loadCorpus(log: (s: string) => void = () => undefined, dir: string = CORPUS): Promise<Article[]> {
  const stamp = readdirSync(dir)
    .sort()
    .map((f) => `${f}:${statSync(join(dir, f)).size}:${statSync(join(dir, f)).mtimeMs}`)
    .join('|');
  const cache = join(tmpdir(), `marsad-scale-corpus-${createHash('sha256').update(stamp).digest('hex').slice(0, 12)}.jsonl`);
  if (existsSync(cache)) return readFileSync(cache, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Article);
  log('corpus: parsing saudinewsnet …');
  const seen = new Set<string>();
  const out: Article[] = [];
  for await (const item of readInputs([dir])) {
    if ('error' in item) continue;
    for (const a of (await parseDocument(item.doc)).articles) {
      if (!a.text || seen.has(a.id)) continue;
      seen.add(a.id);
      out.push(a);
    }
  }
  writeFileSync(cache, out.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return out;
}


/**
 * Copy number `k` (≥ 1) of `a`: new URL and id, date shifted k × `dayStep` days, ~3% of words
 * perturbed. With the default step of one day, copy k is a near-duplicate of copy k − 1 within
 * the grouping's windows (duplicates: 7 days), so all copies of an article chain into one
 * duplicate group; a step longer than the corpus's span plus that window (bench/scale/million.ts:
 * 35 days) makes each generation a new stretch of news with the corpus's own wire structure.
 */
export function perturb(a: Article, k: number, dayStep = 1): Article {
  const r = rng(k * 7919 + a.id.charCodeAt(0) * 31 + a.id.charCodeAt(5));
  const words = a.text.split(' ');
  for (let i = 0; i < words.length; i++) {
    const x = r();
    if (x < 0.015 && i + 1 < words.length) [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
    else if (x < 0.03) words[i] = '';
  }
  const shift = (s: string | null) => (s ? new Date(Date.parse(s) + k * dayStep * 86_400_000).toISOString() : null);
  const { id: _id, ...rest } = a;
  const url = a.url ? `${a.url}${a.url.includes('?') ? '&' : '?'}copy=${k}` : `https://copies.example/${a.id}/${k}`;
  return makeArticle({ ...rest, url, text: words.filter(Boolean).join(' ') || a.text, publishedAt: shift(a.publishedAt) });
}

/** `n` articles: the corpus, then perturbed copies of it (copy 1, copy 2, …; see perturb for `dayStep`). */
export function* scaled(base: Article[], n: number, dayStep = 1): Generator<Article> {
  for (let i = 0; i < n; i++) {
    const a = base[i % base.length]!;
    const k = Math.floor(i / base.length);
    yield k === 0 ? a : perturb(a, k, dayStep);
  }
}
