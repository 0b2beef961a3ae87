/**
 * The layer rule (eslint.layers.js, docs/ARCHITECTURE.md "Layers") fails an import against
 * the layers: each case lints a one-line module at a path inside src/ with the project's
 * eslint config and expects the layer rule to fire, or not. The modules are linted as
 * text (`lintText` with a file path), so nothing is written into the source tree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { layerConfigs } from '../eslint.layers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The layer blocks alone, with the TypeScript parser but no type information (a virtual
// file is in no tsconfig project); that the real config holds them is checked below.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layerConfigs()],
});

async function layerErrors(path: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const CASES: Array<[path: string, code: string, forbidden: boolean]> = [
  ['src/store/probe.ts', "import type { ReaderStore } from '../web/types.ts';", true],
  ['src/store/probe.ts', "import { importInputs } from '../pipeline/import.ts';", true],
  ['src/store/probe.ts', "export const f = () => import('../ingest/index.ts');", true],
  ['src/store/probe.ts', "import { extractEntities } from '../enrich/index.ts';", true],
  ['src/store/probe.ts', "import type { PollState } from '../jobs/scheduler.ts';", true],
  ['src/store/probe.ts', "import { makeArticle } from '../model/article.ts';", false],
  ['src/store/probe.ts', "import { entryOf } from '../stories/index.ts';", false],
  ['src/store/postgres/probe.ts', "import { analyzerFingerprint } from '../sqlite/index.ts';", true],
  ['src/store/sqlite/probe.ts', "import { PgStore } from '../postgres/index.ts';", true],
  ['src/store/postgres/probe.ts', "import { planUpsert } from '../rows.ts';", false],
  ['src/store/sqlite/probe.ts', "import type { ReaderStore } from '../../model/reader.ts';", false],
  ['src/store/sqlite/probe.ts', "import type { SourceInfo } from '../../web/types.ts';", true],
  ['src/store/marsad.ts', "import type { SqliteStore } from './sqlite/index.ts';", true],
  ['src/store/index.ts', "export const open = () => import('./sqlite/marsad.ts');", false],
  ['src/cli/commands/probe.ts', "import { openMarsadPgStore } from '../../store/postgres/marsad.ts';", true],
  ['src/cli/commands/probe.ts', "import { openStore } from '../../store/index.ts';", false],
  ['src/web/probe.ts', "import { SqliteStore } from '../store/sqlite/index.ts';", true],
  ['src/web/probe.ts', "import { runServe } from '../cli/commands/serve.ts';", true],
  ['src/model/probe.ts', "import type { Store } from '../store/types.ts';", true],
  ['src/stories/probe.ts', "import { ingest } from '../pipeline/index.ts';", true],
  ['src/pipeline/probe.ts', "import { openStore } from '../store/index.ts';", false],
  ['src/web/probe.test.ts', "import { runServe } from '../cli/commands/serve.ts';", false],
];

for (const [path, code, forbidden] of CASES) {
  test(`layers: ${path} ${forbidden ? 'may not' : 'may'}: ${code}`, async () => {
    const errors = await layerErrors(path, code);
    if (forbidden) assert.ok(errors.length > 0, 'expected the layer rule to fail this import');
    else assert.deepEqual(errors, []);
  });
}

test('layers: the project config (npm run check) applies the layer rule to src/', async () => {
  const real = new ESLint({ cwd: ROOT });
  const cfg = (await real.calculateConfigForFile(`${ROOT}src/store/query.ts`)) as { rules: Record<string, unknown> };
  assert.ok(cfg.rules['no-restricted-imports'], 'no-restricted-imports is on for src/store');
  assert.ok(cfg.rules['no-restricted-syntax'], 'no-restricted-syntax (dynamic imports) is on for src/store');
  const msg = JSON.stringify(cfg.rules['no-restricted-imports']);
  assert.match(msg, /src\/store\/ may import only/);
});
