// Builds data/samples/saudinewsnet-2015-08-10_11.jsonl.gz, the demo sample that npm start imports:
// every multi-outlet copy of those two days, topped up round-robin across outlets. Run: node scripts/make-sample.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { gzipSync } from 'node:zlib';
const days = ['2015-08-10', '2015-08-11'];
let all = [];
for (const d of days) {
  const z = unzipSync(readFileSync(`../shared/corpus/saudinewsnet/${d}.zip`));
  for (const [, v] of Object.entries(z)) all.push(...JSON.parse(Buffer.from(v).toString('utf8')));
}
all = all.filter((a) => a.title?.trim() && a.content?.trim().length > 200);
const fold = (s) => s.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const byTitle = new Map();
for (const a of all) { const k = fold(a.title); (byTitle.get(k) ?? byTitle.set(k, []).get(k)).push(a); }
const picked = new Set();
for (const g of byTitle.values()) if (new Set(g.map((a) => a.source)).size >= 2) g.forEach((a) => picked.add(a));
// by content lede overlap: same first 12 words across outlets
const byLede = new Map();
for (const a of all) { const k = fold(a.content).split(' ').slice(0, 12).join(' '); (byLede.get(k) ?? byLede.set(k, []).get(k)).push(a); }
for (const g of byLede.values()) if (new Set(g.map((a) => a.source)).size >= 2 && picked.size < 260) g.forEach((a) => picked.add(a));
console.error('multi-outlet picked', picked.size);
// fill: seeded round-robin across outlets
let seed = 42; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const bySrc = new Map();
for (const a of all) if (!picked.has(a)) (bySrc.get(a.source) ?? bySrc.set(a.source, []).get(a.source)).push(a);
for (const l of bySrc.values()) l.sort(() => rnd() - 0.5);
while (picked.size < 420) { for (const l of bySrc.values()) { const a = l.pop(); if (a) picked.add(a); } }
const out = [...picked].sort((a, b) => a.date_extracted.localeCompare(b.date_extracted));
const counts = {}; out.forEach((a) => (counts[a.source] = (counts[a.source] ?? 0) + 1));
console.error(out.length, counts);
const jsonl = out.map((a) => JSON.stringify(a)).join('\n') + '\n';
writeFileSync('data/samples/saudinewsnet-2015-08-10_11.jsonl.gz', gzipSync(jsonl, { level: 9 }));
console.error('bytes', jsonl.length);
