import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isStopword, STOPWORDS } from './stopwords.ts';
import { normalize } from './normalize.ts';
import { tokenize } from './tokenize.ts';

test('the shipped list: normalized single words, a few hundred of them', () => {
  assert.ok(STOPWORDS.size >= 250 && STOPWORDS.size <= 400, `size ${STOPWORDS.size}`);
  for (const w of STOPWORDS) {
    assert.equal(normalize(w), w, `not normalized: ${w}`);
    assert.equal(tokenize(w).length, 1, `not one token: ${w}`);
  }
});

test('every shipped word comes from an MIT-licensed source list (never linuxscout, GPL)', () => {
  const lex = new URL('./testdata/stopwords/', import.meta.url); // the three MIT lists, as upstream ships them
  const mit = new Set<string>();
  for (const f of ['stopwords-iso/stopwords-ar.txt', 'mohataher/list.txt', 'newspaper4k/stopwords-ar.txt']) {
    for (const line of readFileSync(new URL(f, lex), 'utf8').split('\n')) {
      const t = tokenize(line);
      if (t.length !== 1) continue;
      mit.add(t[0]!.norm);
      mit.add(t[0]!.norm.replace(/^[وف]/, ''));
    }
  }
  for (const w of STOPWORDS) assert.ok(mit.has(w), `not from an MIT list: ${w}`);
});

test('function words and their conjunction forms are stopwords, in any spelling', () => {
  for (const w of ['في', 'من', 'على', 'إلى', 'الذي', 'التي', 'هذه', 'أن', 'إن', 'لم', 'قد', 'منه', 'عليها', 'كان', 'قال'])
    assert.ok(isStopword(normalize(w)), w);
  for (const w of ['وفي', 'ومن', 'فهو', 'وقال', 'وهذا', 'ولكن', 'فإن', 'والتي']) assert.ok(isStopword(normalize(w)), w);
});

test('content words the generic lists include are pruned', () => {
  for (const w of ['عام', 'مليون', 'اليوم', 'رئيس', 'وزير', 'بن', 'أبو', 'إمام', 'ألف', 'الأول', 'يوليو', 'ريال', 'شمال', 'عين', 'ذهب', 'أكد', 'أضاف'])
    assert.ok(!isStopword(normalize(w)), w);
});

test('a conjunction is not stripped where the letter belongs to the word', () => {
  for (const w of ['ولي', 'فتحت', 'فهم', 'واحد', 'وطن', 'فيلم']) assert.ok(!isStopword(normalize(w)), w);
});

test('a و/ف form is a stopword exactly when the word behind the letter is one (three letters or more, not an exception)', () => {
  const rule = (n: string) => STOPWORDS.has(n) || (/^[وف]/.test(n) && n.length >= 3 && !['ولي', 'واحد', 'فتحت', 'فلم', 'فهم', 'فعلي', 'فلك', 'وعده', 'فاو'].includes(n) && STOPWORDS.has(n.slice(1)));
  const forms = [...STOPWORDS].flatMap((w) => [w, 'و' + w, 'ف' + w, 'ب' + w, 'وو' + w, w + 'ه']);
  for (const n of [...forms, 'ولي', 'فهم', 'وعده', 'وفي', 'فلا', 'وما', 'فما']) assert.equal(isStopword(n), rule(n), n);
  assert.ok(isStopword('وفي') && !isStopword('ولي') && !isStopword('بفي'));
});
