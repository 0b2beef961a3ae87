import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lexiconFor, phraseTable } from './keyword-lexicon.ts';
import { findPhrases } from './keyword-phrases.ts';
import { MemoryTermStats, shippedTermStats, termKey } from './termstats.ts';
import { docTokens } from './tokens.ts';
import { wordForm } from './keyword-forms.ts';

// Real sentences from the keywords test page (testdata/moscow-tehran.json).
const page = JSON.parse(readFileSync(new URL('./testdata/moscow-tehran.json', import.meta.url), 'utf8')) as {
  articles: Array<{ title: string; text: string }>;
};

test('the phrase tree answers exactly the df of every key of the table, and 0 for what it lacks', () => {
  const s = new MemoryTermStats();
  for (const a of page.articles) s.add(a);
  s.add({ title: 'وزير الدفاع الروسي', text: 'قال وزير الدفاع الروسي إن روسيا' });
  s.freeze();
  const lex = lexiconFor(s);
  const toks = docTokens('', 'وزير الدفاع الروسي');
  const first = lex.spelling(toks[0]!);
  let phrases = 0;
  for (const [key, df] of s.counts) {
    const words = key.split(' ');
    if (words.length < 2) continue;
    phrases++;
    const head = lex.spelling(docTokens('', words[0]!)[0]!);
    // The table keys a phrase's first word by its term key: ask through a spelling of that key.
    if (head.term.key !== words[0]) continue;
    assert.equal(lex.phraseDf(head, words.slice(1)), df, key);
  }
  assert.ok(phrases > 50, `${phrases} phrases`);
  assert.equal(lex.phraseDf(first, ['الدفاع']), s.df('وزير الدفاع'));
  assert.equal(lex.phraseDf(first, ['الدفاع', 'الروسي']), s.df('وزير الدفاع الروسي'));
  assert.equal(lex.phraseDf(first, ['الروسي']), 0);
  assert.equal(lex.phraseDf(first, ['الدفاع', 'الروسي', 'اليوم']), 0);
  // A phrase and its longer form are separate entries whatever their order in the table.
  const t = phraseTable(MemoryTermStats.fromTSV('#docs\t9\nا ب ج\t2\nا ب\t5\n'));
  assert.equal(t.get('ا')?.get('ب')?.df, 5);
  assert.equal(t.get('ا')?.get('ب')?.next?.get('ج')?.df, 2);
});

test('a frozen table keeps one lexicon; other statistics get a new one per call, and freezing stops counting', () => {
  const shipped = shippedTermStats();
  assert.equal(shipped.frozen, true);
  assert.equal(lexiconFor(shipped), lexiconFor(shipped));
  const s = new MemoryTermStats();
  s.add(page.articles[0]!);
  assert.notEqual(lexiconFor(s), lexiconFor(s), 'counting may go on: no answer is kept');
  s.freeze();
  assert.throws(() => s.add(page.articles[1]!), /frozen/);
  assert.throws(() => s.prune(2), /frozen/);
});

test('a form per written surface: the answers of wordForm for each, one object per surface', () => {
  const stats = shippedTermStats();
  const lex = lexiconFor(stats);
  // إيران and ايران are one spelling (normalized), two written forms with their own displays.
  const toks = docTokens('', 'زار إيران ثم ايران ثم إيران وللعقوبات');
  const [, a, , b, , c, d] = toks;
  assert.equal(lex.spelling(a!), lex.spelling(b!));
  assert.equal(lex.form(a!), lex.form(c!));
  assert.notEqual(lex.form(a!), lex.form(b!));
  for (const t of [a!, b!, d!]) {
    const f = lex.form(t);
    assert.deepEqual({ key: f.key, display: f.display, df: f.df }, wordForm(t, stats));
    assert.deepEqual(lex.spelling(t).term, termKey(t.norm));
  }
  assert.equal(lex.form(a!).display, 'إيران');
  assert.equal(lex.form(b!).display, 'ايران');
});

test('phrases: first occurrence order, counts per phrase, and the breaks of a noun phrase', () => {
  const stats = shippedTermStats();
  const lex = lexiconFor(stats);
  const toks = docTokens('وزير الدفاع الروسي', 'قال وزير الدفاع الروسي إن الأسلحة والذخيرة وصلت. وزير الدفاع');
  const forms = toks.map((t) => lex.form(t));
  const keys = forms.map((f, i) => (lex.spelling(toks[i]!).content ? f.stem || f.key : undefined));
  const got = findPhrases(toks, forms, keys, keys, lex).map((c) => [toks.slice(c.first, c.first + c.keys.length).map((t) => t.norm).join(' '), c.raw, c.df]);
  const df = (k: string): number => stats.df(k);
  assert.deepEqual(got.slice(0, 2), [
    ['وزير الدفاع', 3, df('وزير الدفاع')],
    ['وزير الدفاع الروسي', 2, df('وزير الدفاع الروسي')],
  ]);
  assert.ok(!got.some(([p]) => String(p).includes('والذخيره')), 'coordination ends a phrase');
});
