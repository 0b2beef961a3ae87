/**
 * The enrich stage: entities (gazetteer + title-triggered people) and keywords of an article.
 * Public surface of src/enrich/: import from here. Pure functions; the gazetteer and the
 * shipped df table are read from data/ on first use.
 *
 * Example:
 *   const entities = extractEntities({ title, text });        // [{id, name, type, mentions}]
 *   const keywords = extractKeywords({ title, text }, shippedTermStats());
 */
export { extractEntities, analyzeEntities, storedEntities, TITLE_WEIGHT, type ArticleText } from './entities.ts';
export { extractKeywords, type KeywordOptions } from './keywords.ts';
export { MemoryTermStats, shippedTermStats, termKey, type TermStats } from './termstats.ts';
export { loadGazetteer, indexGazetteer, type GazetteerIndex } from './gazetteer.ts';
export { docTokens, type DocToken } from './tokens.ts';
export { personLookupKey } from './people.ts';
export type { EntityInfo, EntityType, Gazetteer, GazetteerEntity } from './types.ts';
