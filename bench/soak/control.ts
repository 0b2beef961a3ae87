/**
 * The soak's baseline: an idle Node process (same nice level as the bench) that only
 * measures its own event-loop delay. On a shared machine the server's delay includes
 * waiting for a CPU; the control shows how much of it any process sees at the same time.
 * Messages: `sample` → { p99Ms, maxMs } since the previous sample; `reset` restarts the total;
 * `total` → the same since the reset.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const interval = monitorEventLoopDelay({ resolution: 10 });
const total = monitorEventLoopDelay({ resolution: 10 });
interval.enable();
total.enable();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;
process.on('message', (m: { type: string }) => {
  if (m.type === 'sample') {
    process.send?.({ type: 'sample', p99Ms: ms(interval.percentile(99)), maxMs: ms(interval.max) });
    interval.reset();
  } else if (m.type === 'reset') {
    total.reset();
  } else if (m.type === 'total') {
    process.send?.({ type: 'total', p99Ms: ms(total.percentile(99)), maxMs: ms(total.max) });
  } else if (m.type === 'stop') {
    process.exit(0);
  }
});
