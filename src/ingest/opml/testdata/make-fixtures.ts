/**
 * Writes `ikhbr.opml` from the real feed registry ArabicSources.json beside it (README.md)
 * (222 entries of 36 mostly Egyptian outlets, 2013–2014), as a feed reader would export
 * it: outlines nested by the registry's (opaque, numeric) country and category codes, its
 * duplicate entries and percent-encoded Arabic URLs kept as they are.
 *
 * Run from the repo root: `npx tsx src/ingest/opml/testdata/make-fixtures.ts`. Committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface Entry { url: string; _id: string; country: string; feedUrl: string; category: string; source: string }

const registry = new URL('ArabicSources.json', import.meta.url);
const entries = JSON.parse(readFileSync(registry, 'utf8')) as Entry[];
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const groups = new Map<string, Map<string, Entry[]>>();
for (const e of entries) {
  const country = groups.get(e.country) ?? new Map<string, Entry[]>();
  groups.set(e.country, country);
  country.set(e.category, [...(country.get(e.category) ?? []), e]);
}
const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="1.0">', '<head><title>ikhbr ArabicSources</title></head>', '<body>'];
for (const [country, cats] of groups) {
  lines.push(`  <outline text="country ${attr(country)}">`);
  for (const [cat, es] of cats) {
    lines.push(`    <outline text="category ${attr(cat)}">`);
    for (const e of es) lines.push(`      <outline text="${attr(e.source)}" type="rss" xmlUrl="${attr(e.feedUrl)}" htmlUrl="${attr(e.url)}"/>`);
    lines.push('    </outline>');
  }
  lines.push('  </outline>');
}
lines.push('</body>', '</opml>', '');
writeFileSync(new URL('ikhbr.opml', import.meta.url), lines.join('\n'));
