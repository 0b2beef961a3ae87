/**
 * Feeds as publishers really write them (issue 13, point 11): one hand-written fixture per
 * group of forms (testdata/README.md), each parsed through parseDocument and compared field
 * by field with its `.expected.json`; then the helpers on their own.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../index.ts';
import { checkArticle } from '../../model/schema.ts';
import { fromBase64, personName } from './extras.ts';

const read = (name: string) => readFileSync(new URL(`testdata/forms/${name}`, import.meta.url));

void describe('feeds as publishers write them', () => {
  for (const name of ['atom03-base64.xml', 'atom10-typed.xml', 'rss2-dublin-core.xml', 'rss2-xhtml-body.xml']) {
    void it(name, async () => {
      const r = await parseDocument({ name, bytes: read(name) });
      assert.deepEqual(r.errors, [], `${name}: a well-formed feed gives no issue`);
      const expected = JSON.parse(read(`${name}.expected.json`).toString('utf8')) as object[];
      const got = r.articles.map((a) => ({ title: a.title, text: a.text, url: a.url, publishedAt: a.publishedAt, outlet: a.outlet, via: a.via, author: a.author, tags: a.tags }));
      assert.deepEqual(got, expected);
      for (const a of r.articles) assert.deepEqual(checkArticle(a), { ok: true });
    });
  }

  void it('a well-formed feed whose only item is an XHTML body is read, never called malformed', async () => {
    const xml = '<?xml version="1.0"?><rss version="2.0"><channel><item><body xmlns="http://www.w3.org/1999/xhtml"><p>نص الخبر الوحيد في هذه القناة.</p></body></item></channel></rss>';
    const r = await parseDocument({ name: 'only-body.xml', bytes: Buffer.from(xml) });
    assert.deepEqual(r.errors.filter((e) => e.code === 'feed.malformed'), []);
    assert.deepEqual(r.articles.map((a) => a.text), ['نص الخبر الوحيد في هذه القناة.']);
  });

  void it('persons: the name of Name (email), email (Name) and Name <email>; anything else as is', () => {
    assert.equal(personName('خالد منصور (khaled@example.net)'), 'خالد منصور');
    assert.equal(personName('khaled@example.net (خالد منصور)'), 'خالد منصور');
    assert.equal(personName('Khaled Mansour <khaled@example.net>'), 'Khaled Mansour');
    assert.equal(personName('واس - الرياض'), 'واس - الرياض');
    assert.equal(personName('محمد (الرياض)'), 'محمد (الرياض)');
    assert.equal(personName('  '), null);
  });

  void it('base64: text decodes; non-base64 and binary give null', () => {
    assert.equal(fromBase64(Buffer.from('نص عربي').toString('base64')), 'نص عربي');
    assert.equal(fromBase64('not base64!'), null);
    assert.equal(fromBase64(Buffer.from([0xff, 0xfe, 0x00, 0x81]).toString('base64')), null);
  });
});
