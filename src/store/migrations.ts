/**
 * Numbered SQL migrations, one rule for every backend: the files of a folder are named
 * `NNN_name.sql`; two files with one number are refused; every file whose number is not
 * recorded as applied is applied, in order — so a migration numbered into a gap (002
 * written after 010 was applied) still runs — and a database recording a number this code
 * does not ship (written by newer code) is refused rather than misread. A number means
 * the same thing in every backend's folder (test/migrations.test.ts compares them);
 * a backend-only migration takes a number the other folder does not use.
 *
 * Renumbering: a backend may list files that moved (`{ from: '002_hosts.sql', to:
 * '014_hosts.sql' }`); a database that recorded the old name gets the record moved to the
 * new number before planning, so what it applied is not applied again.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** What a database recorded as applied. */
export interface Applied {
  version: number;
  name: string;
}

/** A migration file that moved to another number (names are file names). */
export interface Renumbered {
  from: string;
  to: string;
}

const FILE = /^(\d{3})_[\w-]+\.sql$/;

/** The migrations of a folder, sorted by number; two files with one number are an error. */
export function loadMigrations(dir: URL): Migration[] {
  const files = readdirSync(dir).filter((f) => FILE.test(f)).sort();
  const byVersion = new Map<number, string>();
  for (const f of files) {
    const v = Number(FILE.exec(f)![1]);
    const other = byVersion.get(v);
    if (other) throw new Error(`store: two migrations numbered ${String(v).padStart(3, '0')} in ${dir.pathname}: ${other} and ${f}`);
    byVersion.set(v, f);
  }
  return files.map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(new URL(f, dir), 'utf8') }));
}

export interface MigrationPlan {
  /** Records to move to another number first (renumbered files the database applied). */
  moves: Array<{ from: Applied; to: Applied }>;
  /** What to apply, in order. */
  pending: Migration[];
}

/** What bringing a database that recorded `applied` up to `shipped` takes. */
export function planMigrations(shipped: readonly Migration[], applied: readonly Applied[], renumbered: readonly Renumbered[] = []): MigrationPlan {
  const byName = new Map(shipped.map((m) => [m.name, m]));
  const moves: MigrationPlan['moves'] = [];
  const done = new Map<number, string>();
  for (const a of applied) {
    const r = renumbered.find((x) => x.from === a.name);
    const to = r ? byName.get(r.to) : undefined;
    if (to && to.version !== a.version) {
      moves.push({ from: a, to: { version: to.version, name: to.name } });
      done.set(to.version, to.name);
    } else done.set(a.version, a.name);
  }
  const known = new Map(shipped.map((m) => [m.version, m]));
  const latest = shipped.at(-1)?.version ?? 0;
  for (const [v, name] of done) {
    const m = known.get(v);
    if (!m) throw new Error(`store: database schema version ${v} (${name}) is newer than this code (${latest}); upgrade marsad`);
    if (m.name !== name) throw new Error(`store: database recorded migration ${v} as ${name}, but this code's ${v} is ${m.name}; it was migrated by an incompatible version`);
  }
  return { moves, pending: shipped.filter((m) => !done.has(m.version)) };
}
