/**
 * The MarsadStore contract (test/contract/marsad.ts, with its accounts part test/contract/accounts.ts) on both backends: SQLite files in a
 * temporary folder, and PostgreSQL scratch schemas when MARSAD_TEST_PG is set (CI sets it).
 */
import { after, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.ts';
import { runMarsadContract } from './contract/marsad.ts';
import { runAccountsContract } from './contract/accounts.ts';
import { runCollapseContract } from './contract/collapse.ts';
import { PG_URL, dropSchemas, scratchName, skipPg, urlFor } from './pg-env.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-contract-'));
const schemas: string[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas(schemas);
});

runMarsadContract('sqlite', (key) => openStore(join(dir, `${key}.db`)));
runAccountsContract('sqlite', (key) => openStore(join(dir, `${key}.db`)));
runCollapseContract('sqlite', (key) => openStore(join(dir, `${key}.db`)));

if (PG_URL) {
  const pgOpen = (key: string) => {
    const schema = `${scratchName()}_${key.replace(/\W/g, '_').slice(-20)}`.toLowerCase();
    schemas.push(schema);
    return openStore(urlFor(schema));
  };
  runMarsadContract('postgres', pgOpen);
  runAccountsContract('postgres', pgOpen);
  runCollapseContract('postgres', pgOpen);
} else test('MarsadStore contract: postgres', { skip: skipPg }, () => undefined);
