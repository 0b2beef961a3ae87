/**
 * The real articles of a pair file in this folder (`entity-pairs.json`, `headline-pairs.json`:
 * SaudiNewsNet articles, source and licence in each file), made into Articles with their
 * entities, as the pipeline would hand them to the grouping.
 */
import { readFileSync } from 'node:fs';
import { extractEntities } from '../../enrich/index.ts';
import { makeArticle, type Article } from '../../model/article.ts';

interface Input {
  url: string;
  outlet: string;
  publishedAt: string;
  title: string;
  text: string;
}

export function pairArticles(file: string): Article[] {
  const data = JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as { articles: Input[] };
  return data.articles.map((x) => {
    const a = makeArticle(x);
    return { ...a, entities: extractEntities(a) };
  });
}
