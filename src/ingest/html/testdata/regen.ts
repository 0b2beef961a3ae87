/**
 * Regenerates the golden files `<slug>.expected.json` beside this script from the saved
 * pages in ../shared/corpus/html/ (Mozilla Readability's test-page style: run it after an
 * intended change, then review the diff). Kept small: title, date, url, outlet, lang,
 * tags, the first and last 200 characters of the text, and the readAlso count.
 * Run: `npx tsx src/ingest/html/testdata/regen.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GOLDEN_PAGES, goldenOf } from './golden.ts';

for (const [slug, rel] of Object.entries(GOLDEN_PAGES)) {
  const path = fileURLToPath(new URL(`../../../../../shared/corpus/html/${rel}`, import.meta.url));
  const out = fileURLToPath(new URL(`./${slug}.expected.json`, import.meta.url));
  writeFileSync(out, `${JSON.stringify(goldenOf(path), null, 2)}\n`);
  console.log(`wrote ${out}`);
}
