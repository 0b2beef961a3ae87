/**
 * Builds data/gazetteer/entities.json from its sources: country names from CLDR (Unicode-3.0)
 * and i18n-iso-countries (MIT), plus the hand-curated TSV files in curated/ (capitals,
 * demonyms, organizations, agencies, regions, cities, blocked phrases).
 *
 * Why generated: the sources stay as they were published, every curated fact sits on one
 * reviewable line, and the JSON the matcher loads is reproducible. mledoze/countries (ODbL,
 * share-alike) is deliberately NOT read: CLDR and i18n-iso-countries already cover all 250 codes.
 *
 * Contract: `buildGazetteer(sourcesDir)` is pure over its input files and deterministic (sorted
 * output), so a test can rebuild it and compare with the committed entities.json. The two
 * published files are copied, unchanged, into sources/ (laid out like the corpus's
 * lexicons/gazetteers/, see NOTICE.md).
 * Run: `node --import tsx data/gazetteer/build.ts [GAZETTEERS_DIR]` (default: sources/).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Gazetteer, GazetteerEntity } from '../../src/enrich/types.ts';

export type { Gazetteer, GazetteerEntity };

const HERE = new URL('./', import.meta.url);
const DEFAULT_SOURCES = new URL('./sources/', import.meta.url);

/** TSV rows without comments and blank lines, split on TAB, '-' read as empty. */
function rows(file: URL): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => (c.trim() === '-' ? '' : c.trim())));
}

const list = (cell: string | undefined): string[] =>
  (cell ?? '').split('|').map((s) => s.trim()).filter(Boolean);

/** A source name cleaned for matching: parentheses dropped, « - » separators turned to spaces. */
function cleanSourceName(s: string): string {
  return s.replace(/\s*\([^)]*\)/g, '').replace(/\s+-\s+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Every form of a demonym: masc., fem. (ة), sound plurals (ون، ين، ات), duals (ان، تان، تين), the indefinite
 * accusative (ا: دولارا أميركيا، لاعبا برازيليا), each word inflected alike (كوري جنوبي → كورية جنوبية). One-word forms are listed bare (the matcher accepts ال);
 * multi-word forms are also listed definite (الكوري الجنوبي). '!' = definite forms only.
 */
export function demonymForms(spec: string): string[] {
  const bare = spec.replace(/^=/, '');
  const definiteOnly = bare.startsWith('!');
  const words = bare.replace(/^!/, '').split(/\s+/);
  const out: string[] = [];
  for (const suf of ['', 'ة', 'ون', 'ين', 'ات', 'ان', 'تان', 'تين', 'ا']) {
    // The accusative ا is indefinite only (no الأميركيا).
    if (suf === 'ا' && definiteOnly) continue;
    const inflected = words.map((w) => w + suf);
    const definite = inflected.map((w) => 'ال' + w).join(' ');
    if (definiteOnly) out.push(definite);
    else {
      out.push(inflected.join(' '));
      if (words.length > 1) out.push(definite);
    }
  }
  return out;
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

/** States whose Arabic names are Arabic words (المغرب): their غ is no transliterated g. */
const ARAB_LEAGUE = new Set(['SA', 'EG', 'AE', 'QA', 'KW', 'BH', 'OM', 'YE', 'IQ', 'SY', 'LB', 'JO', 'PS', 'MA', 'DZ', 'TN', 'LY', 'SD', 'SO', 'DJ', 'KM', 'MR']);

/**
 * A transliterated g is written غ or ج (Egyptian and much Saudi spelling: بنجلاديش، السنجال،
 * الجابون، أوجندا، الأوروجواي): every name and demonym of a non-Arab state with غ is listed with ج too.
 */
export function gVariants(forms: string[], code: string): string[] {
  if (ARAB_LEAGUE.has(code)) return forms;
  const variants = forms.filter((f) => f.includes('غ')).map((f) => f.replaceAll('غ', 'ج'));
  return uniq([...forms, ...variants.filter((v) => !G_COMMON.has(v.replace(/^[=!]/, '')))]);
}

/**
 * ISO 3166-1 codes of dependent territories, not sovereign states (the UN's members and observers
 * are states; Taiwan and Kosovo, which news treats as states, stay countries): each is a region of
 * its own (region:<code>), so «هونغ كونغ» or «بورتوريكو» is no country mention.
 */
const TERRITORIES = new Set(('AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT').split(' '));

/** ج spellings that are common words: جاني «culprit» (Ghanaian), جيني «genetic» (Guinean). */
const G_COMMON = new Set(['جاني', 'جيني']);

export function buildGazetteer(gz: URL = DEFAULT_SOURCES): Gazetteer {
  const cldr = JSON.parse(
    readFileSync(new URL('cldr/cldr-localenames-full/main/ar/territories.json', gz), 'utf8'),
  ) as { main: { ar: { localeDisplayNames: { territories: Record<string, string> } } } };
  const territories = cldr.main.ar.localeDisplayNames.territories;
  const iso = JSON.parse(readFileSync(new URL('i18n-iso-countries/ar.json', gz), 'utf8')) as {
    countries: Record<string, string | string[]>;
  };
  const dropped = new Set(rows(new URL('curated/dropped.tsv', HERE)).map((r) => r[0]!));
  const curated = new Map(rows(new URL('curated/countries.tsv', HERE)).map((r) => [r[0]!, r]));

  const entities: GazetteerEntity[] = [];
  for (const [code, isoName] of Object.entries(iso.countries)) {
    const isoNames = Array.isArray(isoName) ? isoName : [isoName];
    const cldrNames = Object.entries(territories)
      .filter(([k]) => k === code || k.startsWith(`${code}-alt-`))
      .map(([, v]) => v);
    const row = curated.get(code);
    const [, capId, capNames, demonyms, plurals, extra] = row ?? [];
    const names = gVariants(uniq([...isoNames, ...cldrNames].map(cleanSourceName).concat(list(extra))), code)
      .filter((n) => !dropped.has(n));
    const territory = TERRITORIES.has(code);
    const e: GazetteerEntity = { id: territory ? `region:${code.toLowerCase()}` : `country:${code}`, type: territory ? 'region' : 'country', name: isoNames[0]!, names };
    const dem = uniq(gVariants(list(demonyms), code).flatMap(demonymForms).concat(gVariants(list(plurals), code).map((p) => p.replace(/^=/, ''))));
    if (dem.length) e.demonyms = dem;
    // '=' before a demonym: it must be written as listed (final ي, not ى: المجري is Hungarian,
    // المجرى a channel).
    // (A plural too: =ألمان, not بالمان «and Balmain» read as ب + المان.)
    const strict = list(demonyms).filter((d) => d.startsWith('=')).flatMap(demonymForms).concat(list(plurals).filter((p) => p.startsWith('=')).map((p) => p.slice(1)));
    if (strict.length) e.exact = uniq([...(e.exact ?? []), ...strict]);
    entities.push(e);
    if (capId && capNames) {
      const caps = list(capNames);
      entities.push({ id: `city:${capId}`, type: 'city', name: caps[0]!, names: caps, implies: [e.id], capital: true });
    }
  }
  for (const code of curated.keys()) {
    if (!(code in iso.countries)) throw new Error(`gazetteer: curated country ${code} is not an ISO code`);
  }
  for (const [id, type, names, implies, exact] of rows(new URL('curated/others.tsv', HERE))) {
    const ns = list(names);
    const e: GazetteerEntity = { id: id!, type: type as GazetteerEntity['type'], name: ns[0]!, names: ns };
    if (list(implies).length) e.implies = list(implies);
    if (list(exact).length) e.exact = list(exact);
    entities.push(e);
  }
  const ids = new Set<string>();
  for (const e of entities) {
    if (ids.has(e.id)) throw new Error(`gazetteer: duplicate id ${e.id}`);
    ids.add(e.id);
  }
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const blocked = rows(new URL('curated/blocked.tsv', HERE)).map((r) => r[0]!);
  return {
    version: 1,
    sources: [
      'CLDR 47 cldr-localenames-full/main/ar/territories.json (Unicode-3.0)',
      'i18n-iso-countries langs/ar.json (MIT)',
      'curated/*.tsv (hand-curated for Marsad, MIT)',
    ],
    entities,
    blocked,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const g = buildGazetteer(process.argv[2] ? pathToFileURL(`${resolve(process.argv[2])}/`) : DEFAULT_SOURCES);
  const out = new URL('entities.json', HERE);
  // One entity per line: readable diffs, still valid JSON.
  const body = g.entities.map((e) => '    ' + JSON.stringify(e)).join(',\n');
  writeFileSync(
    out,
    `{\n  "version": 1,\n  "sources": ${JSON.stringify(g.sources)},\n  "blocked": ${JSON.stringify(g.blocked)},\n  "entities": [\n${body}\n  ]\n}\n`,
  );
  console.log(`gazetteer: ${g.entities.length} entities, ${g.blocked.length} blocked phrases → ${fileURLToPath(out)}`);
}
