import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followsToOpml, planOpmlImport } from './opml.ts';
import type { Follow } from '../model/accounts.ts';

const at = '2030-01-01T00:00:00.000Z';
const follows: Follow[] = [
  { kind: 'outlet', target: 'الشرق الأوسط', label: 'الشرق الأوسط', match: 'الشرق الأوسط', createdAt: at },
  { kind: 'entity', target: 'country:IR', label: 'إيران', match: 'country:IR', createdAt: at },
  { kind: 'keyword', target: 'وزير الدفاع', label: 'وزير الدفاع', match: 'وزير الدفاع', createdAt: at },
  { kind: 'alert', target: '0123456789abcdef', label: 'ديوان المظالم', match: '0123456789abcdef', createdAt: at },
  { kind: 'source', target: 'src1', label: 'Feed & co', match: 'x', createdAt: at },
];

test('follows → OPML → follows: the same kinds, targets and labels; foreign feeds are reported', async () => {
  const origin = 'https://marsad.example';
  const xml = followsToOpml(follows, origin, new Map([['src1', 'https://feeds.example.com/rss?a=1&b=2']]), 'Marsad — huda');
  assert.match(xml, /xmlUrl="https:\/\/marsad\.example\/entity\/country%3AIR\/feed\.atom"/);
  assert.match(xml, /xmlUrl="https:\/\/feeds\.example\.com\/rss\?a=1&amp;b=2"/);
  const extra = xml.replace('</body>', '<outline text="x" xmlUrl="https://elsewhere.example/rss"/><outline text="y" xmlUrl="https://other.site/entity/country%3AIR/feed.atom"/></body>');
  const plan = await planOpmlImport(Buffer.from(extra), origin, new Map([['https://feeds.example.com/rss?a=1&b=2', 'src1']]));
  const key = (f: { kind: string; target: string; label: string }) => `${f.kind}|${f.target}|${f.label}`;
  assert.deepEqual(plan.follows.map(key).sort(), follows.map(key).sort());
  assert.deepEqual(plan.unknown.sort(), ['https://elsewhere.example/rss', 'https://other.site/entity/country%3AIR/feed.atom'], 'another site\'s feed path is not ours');
  assert.deepEqual((await planOpmlImport(Buffer.from('not xml'), origin, new Map())).follows, []);
});
