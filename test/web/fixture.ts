/**
 * A real store for web tests: a fresh SQLite file in a temp dir, filled with the bundled
 * sample (real SaudiNewsNet articles and the sample aggregator page) through the same
 * path `npm start` uses — once per test run, each fixture a copy (test/store-cache.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { openStore, type MarsadStore } from '../../src/store/index.ts';
import { loadSampleIfEmpty } from '../../src/cli/commands/serve.ts';
import { buildApp, type AppDeps } from '../../src/web/app.ts';
import { copyStore } from '../store-cache.ts';

export const ADMIN_TOKEN = 'test-token-0123456789';

export interface WebFixture {
  store: MarsadStore;
  app: FastifyInstance;
  dir: string;
  close(): Promise<void>;
}

async function buildSample(path: string): Promise<void> {
  const store = await openStore(path);
  await loadSampleIfEmpty(store, loadConfig({ db: path }, {}));
  await store.close();
}

export async function webFixture(opts: Partial<Omit<AppDeps, 'store' | 'adminToken'>> = {}): Promise<WebFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-web-'));
  const config = loadConfig({ db: join(dir, 'm.db') }, {});
  // The sample as `npm start` loads it, built once per test run (store-cache.ts) and copied here.
  await copyStore('sample.db', buildSample, config.db);
  const store = await openStore(config.db);
  await loadSampleIfEmpty(store, config);
  const app = await buildApp({ starterOpml: join(config.dataDir, 'sources.opml'), alerts: { store: store.alerts, reader: store }, accounts: { store: store.accounts }, ...opts, store, adminToken: ADMIN_TOKEN });
  return {
    store,
    app,
    dir,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Listens on a free loopback port; the server's base URL (`http://127.0.0.1:PORT`). */
export async function listenLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}
