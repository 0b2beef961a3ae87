/**
 * An entity by what a reader typed: its id (`country:IR`), a stored name in any spelling
 * the normalizer folds (`ايران` finds `إيران`) — both answered by the store — or, failing
 * those, a spelling only the gazetteer knows (a demonym, a clitic-attached form, a
 * capital: `الإيرانية` → country:IR). The gazetteer is enrichment, so it runs here, above
 * the store, and only when the store found nothing. Last, a person by the lookup key of what
 * was typed (`شويقو` → the person seen as `سيرجي شويغو`/`شويجو`: keys are stored as aliases,
 * see store/entity-rows.ts).
 */
import { extractEntities, personLookupKey } from '../enrich/index.ts';
import { keyNorm } from '../store/entity-rows.ts';
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
  // A person by any spelling of a name or surname seen (شويقو finds the one seen as شويجو/شويغو).
  const key = personLookupKey(s.slice(0, 200));
  return key ? store.getEntity(keyNorm(key)) : null;
}
