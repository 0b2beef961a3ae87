/**
 * The entity and keyword index rows of one article, decided here for every backend: which
 * entities count (one row per distinct id, mentions at least 1), under which UTC day an
 * article's mentions fall, how names and keywords are normalized for lookup. A backend's
 * `indexArticle` removes what the article's old rows added and writes these.
 *
 * Names are matched by id, else by normalized name (`ايران` finds `إيران`); resolving
 * other spellings through the gazetteer (`الإيرانية` → country:IR) is enrichment, done
 * above the store (pipeline/entity.ts).
 */
import { normalize } from '../arabic/index.ts';
import type { EntityMention } from '../model/article.ts';
import { normalizeTag } from './rows.ts';

/** What the entity index stores of an article. */
export interface IndexedArticle {
  seq: number;
  publishedAt: string | null;
  entities: EntityMention[] | undefined;
  keywords: string[] | undefined;
}

export interface EntityRowPlan {
  id: string;
  name: string;
  type: string;
  /** The normalized name (lookup by name). */
  norm: string;
  mentions: number;
  /**
   * Alias rows (kept once seen, never removed): `{norm, alias}` for each spelling (lookup by
   * normalized alias, shown on the entity page), and `{norm: keyNorm(key), alias: ''}` for each
   * lookup key enrichment gave (found by keyNorm of what a reader typed, never shown).
   */
  aliases: Array<{ norm: string; alias: string }>;
}

/** The stored form of a lookup key: `~` and the key, normalized (no name normalizes to it). */
export const keyNorm = (key: string): string => '~' + entityNorm(key);

/** An entity name as compared by lookup: normalized, whitespace folded, `_` as a space. */
export function entityNorm(name: string): string {
  return normalize(name).replace(/[\s_]+/gu, ' ').trim();
}

/** The UTC day of an ISO time, or null when there is none. */
export function dayOf(iso: string | null): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
}

/** The entity rows of an article: one per distinct id, in order, mentions ≥ 1. */
export function entityRows(entities: readonly EntityMention[] | undefined): EntityRowPlan[] {
  const out: EntityRowPlan[] = [];
  const seen = new Set<string>();
  for (const e of entities ?? []) {
    if (!e.id || seen.has(e.id)) continue;
    seen.add(e.id);
    const name = e.name || e.id;
    const aliases = new Map<string, string>();
    for (const a of e.aliases ?? []) if (a && a !== name && entityNorm(a) !== entityNorm(name)) aliases.set(entityNorm(a), a.slice(0, 200));
    for (const k of e.keys ?? []) if (k) aliases.set(keyNorm(k), '');
    out.push({
      id: e.id,
      name,
      type: e.type || 'unknown',
      norm: entityNorm(name),
      mentions: Math.max(1, Math.trunc(e.mentions) || 1),
      aliases: [...aliases].slice(0, 32).map(([norm, alias]) => ({ norm, alias })),
    });
  }
  return out;
}

/** The keyword rows of an article: normalized like tags, distinct, non-empty. */
export function keywordRows(keywords: readonly string[] | undefined): string[] {
  return [...new Set((keywords ?? []).map(normalizeTag).filter((k) => k))];
}

/** The published value of an article_entities row ('' when unknown: sorts last newest-first). */
export const publishedKey = (iso: string | null): string => iso ?? '';
