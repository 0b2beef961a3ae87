// Inputs the fuzzers found (src/ingest/fuzz/targets.ts), each kept as a regression test
// with what it broke.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../index.ts';

test('markup without a root element is "no article", not a crash (linkedom body getter threw)', async () => {
  // Found by `fuzz html` (a page cut after `<html `), `fuzz text` and `fuzz bytes` (text
  // starting with `<` is sniffed as HTML): `html.failed` "Cannot destructure property
  // 'firstElementChild' of 'documentElement' as it is null".
  for (const s of ['<!doctype html><html ', '<\u0006\u00d9\'\u00a5', '< Google Google https://example.com/a وكالة']) {
    const r = await parseDocument({ name: 'x.html', bytes: Buffer.from(s) });
    assert.deepEqual(r.errors.map((e) => e.code), ['html.no_article'], s);
  }
});
