/**
 * Every one of the 2,375 plain-text dumps (arabic_newspapers_corpus, windows-1256, CRLF;
 * PROVENANCE.md) decodes as Arabic and parses to one Article, or is reported: the 22 DZP
 * dumps whose Arabic was lost upstream (`?` where the letters were) must come out as
 * `text.mojibake`, nothing else may fail. `npm test` checks 16 of them
 * (src/ingest/text/testdata/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseText } from '../src/ingest/text/index.ts';
import { decode as decodeText } from '../src/ingest/encoding.ts';
import { textStats } from '../src/ingest/text/junk.ts';
import type { ParseResult } from '../src/ingest/types.ts';
import type { Check } from './report.ts';

const DIR = 'textdumps/arabic_newspapers_corpus';

export const textdumps: Check = {
  name: 'textdumps',
  what: 'all 2,375 dumps decode as windows-1256 Arabic and parse; the 22 corrupt ones are reported',
  needs: [DIR],
  async run(corpus, r) {
    const root = join(corpus, DIR);
    let files = 0;
    let dated = 0;
    let authored = 0;
    const parsed: string[] = [];
    const lost: string[] = [];
    const bad: string[] = [];
    for (const dir of readdirSync(root).sort()) {
      for (const f of readdirSync(join(root, dir)).sort()) {
        files++;
        const path = `${dir}/${f}`;
        const bytes = readFileSync(join(root, path));
        const res = parseText({ name: path, bytes }, {}) as ParseResult;
        if (res.errors.some((e) => e.code === 'text.mojibake')) {
          // The bytes are ASCII (but for a few NBSP and quotes), `?` where the letters were.
          const asArabic = textStats(iconv.decode(bytes, 'windows-1256')).arabic;
          const marks = bytes.filter((b) => b === 0x3f).length;
          if (!(asArabic < marks / 100 && marks > bytes.length / 3)) bad.push(`${path}: reported lost but has ${asArabic} Arabic letters, ${marks} '?'`);
          if (res.articles.length !== 0) bad.push(`${path}: lost, yet ${res.articles.length} article(s)`);
          lost.push(f);
          continue;
        }
        const a = res.articles[0];
        if (res.errors.length || res.articles.length !== 1 || !a) {
          bad.push(`${path}: ${res.articles.length} article(s), ${res.errors.map((e) => e.code).join(' ')}`);
          continue;
        }
        const d = decodeText(bytes);
        if (d.charset !== 'windows-1256') bad.push(`${path}: detected ${d.charset} (${d.how})`);
        if (!a.title || !a.text) bad.push(`${path}: empty title or text`);
        if (a.title.includes('\uFFFD') || a.text.includes('\uFFFD')) bad.push(`${path}: U+FFFD`);
        const s = textStats(a.text);
        if (!(s.arabic / s.letters > 0.5)) bad.push(`${path}: only ${s.arabic} of ${s.letters} letters are Arabic`);
        if (a.publishedAt) {
          dated++;
          // The corpus was collected in 2012: a date elsewhere is a misreading.
          if (!/^201[12]-/.test(a.publishedAt)) bad.push(`${path}: publishedAt ${a.publishedAt}`);
        }
        if (a.author) authored++;
        parsed.push(path);
      }
    }
    r.equal('files', files, 2375);
    r.equal('parsed to one Arabic article', parsed.length, 2353);
    r.equal('reported as text.mojibake', lost.length, 22);
    r.none('lost dumps that are not DZP (Algeria, politics)', lost.filter((f) => !f.startsWith('DZP')));
    r.none('dumps that failed a check', bad);
    r.atLeast('with a publication date (from a marked line)', dated, 290);
    r.atLeast('with an author (from a byline)', authored, 150);
  },
};
