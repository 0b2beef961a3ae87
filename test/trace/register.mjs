// `node --import ./test/trace/register.mjs …`: records every module the process loads,
// one file URL or path a line, into the file named by $MARSAD_TRACE_MODULES: each URL the
// ESM loader resolves (hooks.mjs) and, at exit, every CommonJS module in require's cache.
// Used by test/cli-lazy.test.ts and bench/startup to see what a command loads.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.MARSAD_TRACE_MODULES;
if (!file) throw new Error('trace: set MARSAD_TRACE_MODULES to the file to write');
register('./hooks.mjs', import.meta.url, { data: { file } });
const require = createRequire(import.meta.url);
process.on('exit', () => {
  const cjs = Object.keys(require.cache);
  if (cjs.length) appendFileSync(file, cjs.join('\n') + '\n');
});
