// Draws the articles of the labelled understanding set (eval/understand/README.md) from the
// SaudiNewsNet corpus: two days no test uses, every outlet, a seeded shuffle, bodies of
// 400–2,800 characters, one copy per normalized text. Prints JSONL on stdout.
// Usage: node eval/understand/sample.mjs --corpus ../shared/corpus > eval/understand/articles.jsonl
// The second development set (c): --days 2015-07-27,2015-08-07 --prefix c --n 80 --seed 20261203
// d, e and f likewise (eval/understand/README.md); f: --days 2015-07-23,2015-07-25 --prefix f --n 80 --seed 20261206
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';

const { values } = parseArgs({ options: {
  corpus: { type: 'string', default: '../shared/corpus' },
  n: { type: 'string', default: '220' },
  days: { type: 'string', default: '2015-07-26,2015-08-08' },
  prefix: { type: 'string', default: 'u' },
  seed: { type: 'string', default: '20261202' },
} });
const DAYS = values.days.split(',');
let seed = Number(values.seed);
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const key = (s) => s.replace(/[^\p{L}\p{N}]+/gu, '');
const byOutlet = new Map();
const seen = new Set();
for (const day of DAYS) {
  const zip = unzipSync(readFileSync(join(values.corpus, 'saudinewsnet', `${day}.zip`)));
  for (const bytes of Object.values(zip)) {
    for (const r of JSON.parse(strFromU8(bytes))) {
      const content = (r.content ?? '').trim();
      if (content.length < 400 || content.length > 2800 || !r.title?.trim()) continue;
      const k = key(content);
      if (seen.has(k)) continue;
      seen.add(k);
      if (!byOutlet.has(r.source)) byOutlet.set(r.source, []);
      byOutlet.get(r.source).push({ day, source: r.source, url: r.url, title: r.title.trim(), content });
    }
  }
}
for (const list of byOutlet.values()) {
  for (let i = list.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [list[i], list[j]] = [list[j], list[i]]; }
}
// round-robin over outlets so that each is represented
const out = [];
const outlets = [...byOutlet.keys()].sort();
const n = Number(values.n);
for (let round = 0; out.length < n; round++) {
  let took = false;
  for (const o of outlets) {
    const a = byOutlet.get(o)[round];
    if (a && out.length < n) { out.push(a); took = true; }
  }
  if (!took) break;
}
out.forEach((a, i) => process.stdout.write(JSON.stringify({ id: `${values.prefix}${String(i + 1).padStart(3, '0')}`, ...a }) + '\n'));
