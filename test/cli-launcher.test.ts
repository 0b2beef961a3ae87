/**
 * bin/marsad.js runs the built dist/ when it is current, and the sources through tsx (with
 * one line on stderr) when dist/ is missing or a source it was built from is newer or gone,
 * so a developer never runs stale code. Tried on a copy of the launcher in a scratch
 * package (its own dist/ and src/), so the repository's dist/ is never touched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = mkdtempSync(join(tmpdir(), 'marsad-launcher-'));
test.after(() => rmSync(pkg, { recursive: true, force: true }));

mkdirSync(join(pkg, 'bin'));
mkdirSync(join(pkg, 'dist/cli'), { recursive: true });
mkdirSync(join(pkg, 'src/cli'), { recursive: true });
copyFileSync(join(ROOT, 'bin/marsad.js'), join(pkg, 'bin/marsad.js'));
symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
writeFileSync(join(pkg, 'package.json'), '{ "type": "module" }\n');
writeFileSync(join(pkg, 'dist/cli/index.js'), "process.stdout.write('dist ' + process.argv.slice(2).join(' '));\n");
// A type annotation: only runs when compiled by tsx.
writeFileSync(join(pkg, 'src/cli/index.ts'), "const from: string = 'src';\nprocess.stdout.write(from + ' ' + process.argv.slice(2).join(' '));\n");
writeFileSync(join(pkg, 'src/cli/other.ts'), 'export {};\n');

const built = Date.now();
const old = new Date(built - 60_000);
function writeBuild(inputs: string[]): void {
  writeFileSync(join(pkg, 'dist/build.json'), JSON.stringify({ builtAt: built, inputs }));
  for (const f of inputs) if (existsSync(join(pkg, f))) utimesSync(join(pkg, f), old, old);
}

function run(): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(pkg, 'bin/marsad.js'), 'search', 'x'], { env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve({ stdout, stderr }),
    );
  });
}

test('a current dist/ runs, with the arguments and nothing on stderr', async () => {
  writeBuild(['src/cli/index.ts', 'src/cli/other.ts']);
  assert.deepEqual(await run(), { stdout: 'dist search x', stderr: '' });
});

test('a source changed since the build: the sources run through tsx, with a one-line notice', async () => {
  writeBuild(['src/cli/index.ts', 'src/cli/other.ts']);
  const now = new Date(built + 5_000);
  utimesSync(join(pkg, 'src/cli/other.ts'), now, now);
  const r = await run();
  assert.equal(r.stdout, 'src search x');
  assert.equal(r.stderr, 'marsad: src/cli/other.ts changed since the build; running the sources through tsx (`npm run build` to start fast)\n');
});

test('a source removed since the build, or no dist/ at all: the sources run', async () => {
  writeBuild(['src/cli/index.ts', 'src/cli/gone.ts']);
  let r = await run();
  assert.equal(r.stdout, 'src search x');
  assert.match(r.stderr, /^marsad: src\/cli\/gone\.ts was removed since the build;/);
  rmSync(join(pkg, 'dist'), { recursive: true });
  r = await run();
  assert.equal(r.stdout, 'src search x');
  assert.match(r.stderr, /^marsad: dist\/ is missing;/);
});
