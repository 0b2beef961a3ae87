// The layers of src/ (docs/ARCHITECTURE.md, "Layers"): which top-level folders and files of
// src/ each folder's modules may import. `npm run check` fails on any other import, static
// or dynamic (`import()`), through eslint's no-restricted-imports and no-restricted-syntax
// (test/layers.test.ts proves that a forbidden import fails). Unit tests (*.test.ts) and
// everything outside src/ (test/, bench/, eval/, scripts/) may import anything.

/** folder → what its modules may import besides themselves (folders, or root files as `name.ts`). */
export const LAYERS = {
  arabic: ['paths.ts'],
  model: ['arabic'],
  search: ['arabic', 'model'],
  stories: ['arabic', 'model', 'paths.ts'],
  enrich: ['arabic', 'model', 'paths.ts'],
  ingest: ['arabic', 'model', 'search', 'paths.ts'],
  store: ['arabic', 'model', 'search', 'stories', 'paths.ts'],
  alerts: ['arabic', 'model', 'search', 'ingest'],
  accounts: ['arabic', 'model', 'search', 'ingest'],
  export: ['arabic', 'model', 'store'],
  pipeline: ['arabic', 'model', 'search', 'stories', 'enrich', 'ingest', 'store', 'alerts', 'paths.ts'],
  jobs: ['arabic', 'model', 'search', 'stories', 'enrich', 'ingest', 'store', 'alerts', 'pipeline', 'config.ts', 'log.ts', 'paths.ts'],
  web: ['arabic', 'model', 'search', 'stories', 'enrich', 'ingest', 'store', 'alerts', 'accounts', 'export', 'pipeline', 'jobs', 'config.ts', 'log.ts', 'paths.ts'],
  cli: ['arabic', 'model', 'search', 'stories', 'enrich', 'ingest', 'store', 'alerts', 'accounts', 'export', 'pipeline', 'jobs', 'web', 'config.ts', 'log.ts', 'paths.ts'],
};

/** The concrete stores: only src/store/index.ts opens them; neither imports the other. */
const BACKENDS = ['sqlite', 'postgres'];
const TOP = ['arabic', 'model', 'search', 'stories', 'enrich', 'ingest', 'store', 'alerts', 'accounts', 'export', 'pipeline', 'jobs', 'web', 'cli', 'config.ts', 'log.ts', 'paths.ts'];
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alt = (xs) => xs.map(esc).join('|');

/** One restriction: a regex over the import specifier and the message naming the rule broken. */
function rules(folder, depth, sub) {
  const up = '(?:\\.\\./)'.concat(`{${depth}}`);
  const out = [];
  const denied = TOP.filter((t) => t !== folder && !LAYERS[folder].includes(t));
  if (denied.length) {
    out.push({
      regex: `^${up}(?:${alt(denied.map((d) => d.replace(/\.ts$/, '')))})(?:/|\\.ts$)`,
      message: `src/${folder}/ may import only ${LAYERS[folder].join(', ')} (the layers in docs/ARCHITECTURE.md)`,
    });
  }
  // A concrete store is reached through src/store/index.ts (openStore), never directly.
  if (folder !== 'store') {
    out.push({ regex: `^${up}store/(?:${alt(BACKENDS)})/`, message: `src/${folder}/ must not import a concrete store: use openStore (src/store/index.ts)` });
  } else if (depth === 2 && BACKENDS.includes(sub)) {
    const other = BACKENDS.filter((b) => b !== sub);
    out.push({ regex: `^\\.\\./(?:${alt(other)})/`, message: `src/store/${sub}/ must not import another backend: move what both need into src/store/` });
  }
  return out;
}

const selectors = (list) => list.map((r) => ({ selector: `ImportExpression[source.value=/${r.regex.replace(/\//g, '\\/')}/]`, message: r.message }));

/** The eslint config blocks enforcing the layers. */
export function layerConfigs() {
  const blocks = [];
  for (const folder of Object.keys(LAYERS)) {
    for (const depth of [1, 2, 3]) {
      const subs = depth === 2 && folder === 'store' ? [...BACKENDS, null] : [null];
      for (const sub of subs) {
        let files;
        let ignores = ['**/*.test.ts'];
        if (sub) files = [`src/${folder}/${sub}/*.ts`];
        else files = [`src/${folder}/${'*/'.repeat(depth - 1)}*.ts`];
        if (!sub && depth === 2 && folder === 'store') ignores = [...ignores, ...BACKENDS.map((b) => `src/store/${b}/*.ts`)];
        const list = rules(folder, depth, sub);
        if (folder === 'store' && depth === 1) {
          // Only the opener picks a backend.
          list.push({ regex: `^\\./(?:${alt(BACKENDS)})/`, message: 'only src/store/index.ts opens a concrete store' });
          blocks.push({ files: ['src/store/index.ts'], ignores, rules: { 'no-restricted-imports': ['error', { patterns: rules(folder, depth, sub) }], 'no-restricted-syntax': ['error', ...selectors(rules(folder, depth, sub))] } });
          ignores = [...ignores, 'src/store/index.ts'];
        }
        blocks.push({ files, ignores, rules: { 'no-restricted-imports': ['error', { patterns: list }], 'no-restricted-syntax': ['error', ...selectors(list)] } });
      }
    }
  }
  return blocks;
}
