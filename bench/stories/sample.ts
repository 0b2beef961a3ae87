/**
 * Prints candidate pairs for a hand-checked sample (src/stories/testdata/hand-pairs*.json):
 * pairs of articles from different outlets that share rare words, drawn at random from
 * three strata of body resemblance, with their titles and ledes, for a person to judge.
 * Usage: node --import tsx bench/stories/sample.ts [perStratum] [seed] [--corpus DIR]
 *   [--exclude FILE.json]… [--chars N]
 * `--exclude` leaves out pairs (either order) already in a labelled file, so a new seed
 * draws a held-out sample; `--chars` is how much of each body is printed (default 260).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_DIR, loadCorpus } from './corpus.ts';
import { entryOf, resemblance } from '../../src/stories/index.ts';
import { rng, type Pair } from './labels.ts';

const argv = process.argv.slice(2);
const named = new Set(['--corpus', '--exclude', '--chars']);
const values = (name: string): string[] => argv.flatMap((a, i) => (a === name && argv[i + 1] !== undefined ? [argv[i + 1]!] : []));
const positional = argv.filter((a, i) => !named.has(a) && !named.has(argv[i - 1] ?? ''));
const per = Number(positional[0] ?? 40);
const rand = rng(Number(positional[1] ?? 11));
const chars = Number(values('--chars')[0] ?? 260);
const corpus = values('--corpus')[0];
const excluded = new Set(
  values('--exclude').flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as Pair[]).flatMap((p) => [`${p.a}|${p.b}`, `${p.b}|${p.a}`])),
);
const arts = loadCorpus(undefined, corpus ? pathToFileURL(resolve(corpus, 'saudinewsnet') + '/') : CORPUS_DIR);
const entries = arts.map((a) => entryOf(a));
const post = new Map<string, number[]>();
entries.forEach((e, i) => {
  for (const t of e.titleTerms) {
    const l = post.get(t);
    if (l) l.push(i);
    else post.set(t, [i]);
  }
});
// Pairs sharing at least two title terms of document frequency 2..40, different outlets, ≤ 3 days apart.
const shared = new Map<number, number>();
for (const l of post.values()) {
  if (l.length < 2 || l.length > 40) continue;
  for (let x = 0; x < l.length; x++)
    for (let y = x + 1; y < l.length; y++) shared.set(l[x]! * 65536 + l[y]!, (shared.get(l[x]! * 65536 + l[y]!) ?? 0) + 1);
}
const strata: Array<Array<[number, number, number]>> = [[], [], []];
for (const [k, n] of shared) {
  if (n < 2) continue;
  const i = Math.floor(k / 65536);
  const j = k % 65536;
  const a = entries[i]!;
  const b = entries[j]!;
  if (a.outlet === b.outlet || Math.abs(a.time - b.time) > 3 * 86_400_000 || excluded.has(`${a.id}|${b.id}`)) continue;
  const r = resemblance(a.shingles, b.shingles).jaccard;
  strata[r >= 0.5 ? 0 : r >= 0.1 ? 1 : 2]!.push([i, j, r]);
}
const clip = (s: string) => s.trim().replace(/\s+/g, ' ').slice(0, chars);
strata.forEach((s, si) => {
  for (let n = 0; n < per && s.length; n++) {
    const [i, j, r] = s.splice(Math.floor(rand() * s.length), 1)[0]!;
    const a = arts[i]!;
    const b = arts[j]!;
    console.log(`## s${si} ${a.id} ${b.id} J=${r.toFixed(2)} ${a.outlet}/${b.outlet} ${a.publishedAt}/${b.publishedAt}`);
    console.log(`A: ${a.title}\n   ${clip(a.text)}\nB: ${b.title}\n   ${clip(b.text)}\n`);
  }
});
