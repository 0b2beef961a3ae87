/**
 * Regenerates `<slug>/expected-metadata.json` for every test page in this folder (Mozilla
 * Readability's test-page style: run it after an intended change, then review the diff).
 * Kept small: title, date, url, outlet, lang, tags, readAlso count, paragraph count, and
 * the first and last 200 characters of the text. The gold body text (`expected.txt`) is
 * written by hand and never regenerated.
 * Run: `npx tsx src/ingest/html/testdata/regen.ts`.
 */
import { writeFileSync } from 'node:fs';
import { goldenOf } from './golden.ts';
import { PAGES, pageFile } from './pages.ts';

for (const { slug } of PAGES) {
  const out = pageFile(slug, 'expected-metadata.json');
  writeFileSync(out, `${JSON.stringify(goldenOf(slug), null, 2)}\n`);
  console.log(`wrote ${out}`);
}
