/**
 * `marsad alerts …`: saved searches that notify (src/alerts).
 * - `add --name NAME --query Q [--webhook URL] [--secret whsec_…] [--outlet O] [--entity E] [--keyword K]`
 *   prints the stored alert as JSON, with its secret (generated when not given) and the
 *   path of its Atom feed. An entity is stored by its id when the database knows it.
 * - `list [--json]`: every alert (secrets masked), with pause state and failure count.
 * - `remove ID`: removes the alert with its outbox and delivery log.
 * - `test ID`: sends a sample delivery (`type: alert.test`, the latest matched story or the
 *   query's best hits) to the alert's webhook and prints the outcome; exit 1 on failure.
 * Webhook URLs pass the address guard ($MARSAD_ALLOW_PRIVATE_HOSTS, $MARSAD_ALLOW_HOSTS).
 */
import { loadConfig } from '../../config.ts';
import { openStore, type MarsadStore } from '../../store/index.ts';
import { AlertInputError, makeAlert, publicAlert } from '../../alerts/model.ts';
import { AddressGuard } from '../../ingest/fetch/guard.ts';

export interface AddOpts {
  db?: string;
  name: string;
  query: string;
  webhook?: string;
  secret?: string;
  outlet?: string;
  entity?: string;
  keyword?: string;
}

async function withStore<T>(db: string | undefined, fn: (s: MarsadStore, guard: AddressGuard) => Promise<T>): Promise<T> {
  const config = loadConfig({ db });
  const store = await openStore(config.db);
  try {
    return await fn(store, new AddressGuard(config.fetchGuard));
  } finally {
    await store.close();
  }
}

const feedPath = (id: string) => `/alerts/${id}/feed.atom`;

export async function addAlert(o: AddOpts): Promise<void> {
  await withStore(o.db, async (store, guard) => {
    let entity = o.entity ?? null;
    if (entity) entity = (await store.getEntity(entity))?.id ?? entity;
    let alert;
    try {
      alert = makeAlert({ name: o.name, query: o.query, webhookUrl: o.webhook ?? null, secret: o.secret ?? null, outlet: o.outlet ?? null, entity, keyword: o.keyword ?? null }, guard);
    } catch (e) {
      if (e instanceof AlertInputError) throw new Error(`alerts add: --${e.message}`);
      throw e;
    }
    await store.alerts.createAlert(alert);
    process.stdout.write(JSON.stringify({ ...alert, feed: feedPath(alert.id) }, null, 2) + '\n');
  });
}

export async function listAlerts(o: { db?: string; json?: boolean }): Promise<void> {
  await withStore(o.db, async (store) => {
    const list = (await store.alerts.listAlerts()).map((a) => ({ ...publicAlert(a), feed: feedPath(a.id) }));
    if (o.json) return void process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    if (list.length === 0) return void process.stdout.write('no alerts (add one with `marsad alerts add --name … --query …`)\n');
    for (const a of list) {
      const hook = a.webhookUrl ? ` → ${a.webhookUrl}${a.pausedAt ? ` [PAUSED: ${a.pausedReason}]` : a.consecutiveFailures ? ` [${a.consecutiveFailures} failures]` : ''}` : '';
      process.stdout.write(`${a.id}  ${a.name}  «${a.query}»${hook}\n`);
    }
  });
}

export async function removeAlert(id: string, o: { db?: string }): Promise<void> {
  await withStore(o.db, async (store) => {
    if (!(await store.alerts.removeAlert(id))) throw new Error(`alerts remove: no alert ${id} (see \`marsad alerts list\`)`);
    process.stdout.write(`removed alert ${id}\n`);
  });
}

export async function testAlert(id: string, o: { db?: string }): Promise<void> {
  await withStore(o.db, async (store, guard) => {
    const alert = await store.alerts.getAlert(id);
    if (!alert) throw new Error(`alerts test: no alert ${id} (see \`marsad alerts list\`)`);
    if (!alert.webhookUrl) throw new Error(`alerts test: alert ${id} has no webhook (its feed is ${feedPath(id)})`);
    const { AlertDeliverer, sampleArticles } = await import('../../alerts/deliver.ts');
    const d = new AlertDeliverer(store.alerts, { guard });
    try {
      const outcome = await d.sendTest(alert, await sampleArticles(store.alerts, store, alert));
      process.stdout.write(JSON.stringify({ alert: id, url: alert.webhookUrl, ...outcome, ms: Math.round(outcome.ms) }) + '\n');
      if (!outcome.ok) process.exitCode = 1;
    } finally {
      await d.stop();
    }
  });
}
