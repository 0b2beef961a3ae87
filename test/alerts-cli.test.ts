/**
 * `marsad alerts …` and `marsad import` as real processes on a real SQLite file: add
 * prints the alert with its generated secret, a loopback webhook is refused unless
 * MARSAD_ALLOW_HOSTS allows it, import delivers the matched stories' webhooks before it
 * exits (reported on stderr) and a second import delivers nothing again, `alerts test`
 * sends a signed sample, `list --json` masks secrets, remove removes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReceiver, type Receiver } from './alerts-receiver.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DAY = fileURLToPath(new URL('./testdata/saudinewsnet/2015-07-22.zip', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'marsad-alerts-cli-'));
const DB = join(dir, 'c.db');
let rx: Receiver;

function marsad(args: string[], env: Record<string, string> = { MARSAD_ALLOW_HOSTS: '127.0.0.1' }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/marsad.js', ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', MARSAD_ALLOW_HOSTS: '', MARSAD_ALLOW_PRIVATE_HOSTS: '', ...env }, maxBuffer: 1 << 24 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

before(async () => {
  rx = await startReceiver('');
});
after(async () => {
  await rx?.close();
  rmSync(dir, { recursive: true, force: true });
});

let id = '';

test('alerts add prints the alert with a generated secret; loopback needs MARSAD_ALLOW_HOSTS', async () => {
  const refused = await marsad(['alerts', 'add', '--name', 'x', '--query', 'طهران', '--webhook', rx.url, '--db', DB], {});
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /--webhook: fetch\.private_address/);
  const bad = await marsad(['alerts', 'add', '--name', 'x', '--query', 'من في', '--db', DB]);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--query: /);
  const r = await marsad(['alerts', 'add', '--name', 'ديوان المظالم', '--query', '"ديوان المظالم" قاضيا', '--webhook', rx.url, '--db', DB]);
  assert.equal(r.code, 0, r.stderr);
  const a = JSON.parse(r.stdout) as { id: string; secret: string; feed: string; query: string };
  assert.match(a.secret, /^whsec_/);
  assert.equal(a.query, '"ديوان المظالم" قاضيا');
  assert.equal(a.feed, `/alerts/${a.id}/feed.atom`);
  id = a.id;
  rx.secret = a.secret;
  const list = await marsad(['alerts', 'list', '--json', '--db', DB]);
  const rows = JSON.parse(list.stdout) as Array<{ id: string; secret: string }>;
  assert.deepEqual(rows.map((x) => x.id), [id]);
  assert.ok(!rows[0]!.secret.includes(a.secret.slice(6, 30)));
});

test('import delivers the webhooks of what it added before exiting; a rerun delivers nothing', async () => {
  const r = await marsad(['import', DAY, '--db', DB]);
  assert.equal(r.code, 0, r.stderr);
  const m = /alerts: (\d+) webhook deliveries sent, (\d+) failed attempt\(s\)/.exec(r.stderr);
  assert.ok(m, r.stderr.slice(-800));
  const sent = Number(m[1]);
  assert.ok(sent >= 1);
  assert.equal(rx.received.length, sent);
  assert.ok(rx.received.every((x) => x.valid && x.json.type === 'alert.matched' && x.json.alert.id === id));
  assert.ok(rx.received.some((x) => new Set(x.json.articles.map((a) => a.outlet)).size >= 6), 'the wire story once, with its copies');
  const again = await marsad(['import', DAY, '--db', DB]);
  assert.equal(again.code, 0);
  assert.doesNotMatch(again.stderr, /webhook deliveries sent/);
  assert.equal(rx.received.length, sent);
});

test('alerts test sends a signed sample; remove removes', async () => {
  const before = rx.received.length;
  const t = await marsad(['alerts', 'test', id, '--db', DB]);
  assert.equal(t.code, 0, t.stderr);
  assert.equal((JSON.parse(t.stdout) as { ok: boolean; status: number }).status, 200);
  const got = rx.received.slice(before);
  assert.equal(got.length, 1);
  assert.ok(got[0]!.valid);
  assert.equal(got[0]!.json.type, 'alert.test');
  assert.equal((await marsad(['alerts', 'remove', id, '--db', DB])).code, 0);
  const again = await marsad(['alerts', 'remove', id, '--db', DB]);
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /no alert/);
  assert.equal(JSON.parse((await marsad(['alerts', 'list', '--json', '--db', DB])).stdout).length, 0);
});
