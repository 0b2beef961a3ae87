/**
 * An entity by what a reader typed: its id (`country:IR`), a stored name in any spelling
 * the normalizer folds (`ايران` finds `إيران`) — both answered by the store — or, failing
 * those, a spelling only the gazetteer knows (a demonym, a clitic-attached form, a
 * capital: `الإيرانية` → country:IR). The gazetteer is enrichment, so it runs here, above
 * the store, and only when the store found nothing.
 */
import { extractEntities } from '../enrich/index.ts';
import type { EntityInfo, ReaderStore } from '../model/reader.ts';

export async function findEntity(store: Pick<ReaderStore, 'getEntity'>, idOrName: string): Promise<EntityInfo | null> {
  const direct = await store.getEntity(idOrName);
  if (direct) return direct;
  const s = idOrName.trim();
  if (!s) return null;
  for (const e of extractEntities({ title: s.slice(0, 200), text: '' })) {
    const r = await store.getEntity(e.id);
    if (r) return r;
  }
  return null;
}
