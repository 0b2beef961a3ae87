/**
 * The enrich step of the pipeline: entities and keywords (src/enrich) for each article,
 * as the stored fields `entities` ([{id, name, type, mentions}]) and `keywords`.
 *
 * Contract: never throws; an article whose enrichment fails keeps empty entities and
 * keywords and yields a ParseIssue (`enrich.failed`) naming it, the batch goes on.
 * Batches go through prepare.ts (`prepareBatch` on the serial path, `prepareArticle` in the
 * worker threads), which calls `enrichArticle` with the tokens it made once.
 */
import { analyzeEntities, storedEntities, docTokens, extractKeywords, loadGazetteer, shippedTermStats, type DocToken, type TermStats } from '../enrich/index.ts';
import type { ParseIssue } from '../ingest/index.ts';
import type { Article } from '../model/article.ts';

/**
 * `tokens`, when given, must be `docTokens(a.title ?? '', a.text ?? '')` (prepare.ts makes them
 * once for enrichment and the index analysis); the passes fill their word infos.
 */
export function enrichArticle(a: Article, stats: TermStats = shippedTermStats(), given?: DocToken[]): { article: Article; issue: ParseIssue | null } {
  try {
    // One tokenization for both passes (entities, then keywords).
    const tokens = given ?? docTokens(a.title ?? '', a.text ?? '');
    const infos = analyzeEntities(a, loadGazetteer(), tokens);
    const entities = storedEntities(infos);
    const keywords = extractKeywords(a, stats, { entities: infos, tokens });
    return { article: { ...a, entities, keywords }, issue: null };
  } catch (e) {
    const issue: ParseIssue = {
      code: 'enrich.failed',
      source: a.url ?? a.id,
      message: `entities/keywords of «${a.title.slice(0, 80)}» failed: ${(e as Error).message}`,
    };
    return { article: { ...a, entities: [], keywords: [] }, issue };
  }
}
