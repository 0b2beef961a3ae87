import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { MemoryQueue } from './memory.ts';
import type { JobDef } from './types.ts';
import { nextPollTime, MAX_BACKOFF_SEC } from './scheduler.ts';

const schema = z.object({ n: z.number() });
const def = (over: Partial<JobDef<typeof schema>> = {}): JobDef<typeof schema> => ({
  name: 'test-job',
  schema,
  retry: { limit: 2, delaySec: 0.01 },
  key: (p) => `k${p.n}`,
  timeoutSec: 5,
  ...over,
});

const until = async (cond: () => boolean, ms = 3000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

test('jobs with the same key are one job while pending', async () => {
  const q = new MemoryQueue();
  const d = def();
  assert.ok(await q.send(d, { n: 1 }));
  assert.equal(await q.send(d, { n: 1 }), null);
  assert.ok(await q.send(d, { n: 2 }));
  const seen: number[] = [];
  await q.work(d, async (p) => void seen.push(p.n));
  await until(() => seen.length === 2);
  assert.deepEqual(seen.sort(), [1, 2]);
  // Once done, the key is free again.
  assert.ok(await q.send(d, { n: 1 }));
  await until(() => seen.length === 3);
  await q.stop();
});

test('a failing job is retried with backoff up to its limit, then reported', async () => {
  const errors: string[] = [];
  const q = new MemoryQueue({ onError: (name, e) => errors.push(`${name}: ${e.message}`) });
  const d = def();
  const attempts: number[] = [];
  await q.work(d, async (_p, ctx) => {
    attempts.push(ctx.attempt);
    throw new Error('boom');
  });
  await q.send(d, { n: 7 });
  await until(() => errors.length === 1);
  assert.deepEqual(attempts, [0, 1, 2]);
  assert.equal(errors[0], 'test-job: boom');
  await q.stop();
});

test('concurrency is bounded and invalid payloads are refused', async () => {
  const q = new MemoryQueue();
  const d = def();
  let running = 0;
  let peak = 0;
  let done = 0;
  await q.work(d, async () => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, 10));
    running--;
    done++;
  }, { concurrency: 2 });
  for (let n = 0; n < 8; n++) await q.send(d, { n });
  await until(() => done === 8);
  assert.equal(peak, 2);
  await assert.rejects(q.send(d, { n: 'x' } as unknown as { n: number }));
  await q.stop();
});

test('stop waits for in-flight jobs to finish', async () => {
  const q = new MemoryQueue();
  const d = def();
  let finished = false;
  await q.work(d, async () => {
    await new Promise((r) => setTimeout(r, 50));
    finished = true;
  });
  await q.send(d, { n: 1 });
  await until(() => true);
  await new Promise((r) => setTimeout(r, 5));
  await q.stop(2000);
  assert.equal(finished, true);
});

test('poll backoff: interval when healthy, doubling on errors, capped at a day', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const mid = () => 0.5; // no jitter
  const secs = (errors: number) => (nextPollTime(now, 900, errors, mid).getTime() - now.getTime()) / 1000;
  assert.equal(secs(0), 900);
  assert.equal(secs(1), 900);
  assert.equal(secs(2), 1800);
  assert.equal(secs(3), 3600);
  assert.equal(secs(30), MAX_BACKOFF_SEC);
  const jittered = (nextPollTime(now, 1000, 0, () => 0).getTime() - now.getTime()) / 1000;
  assert.equal(jittered, 900);
});
