/**
 * What the web layer needs from storage: the reader's read model, declared in
 * src/model/reader.ts (so the store backends implement it without importing the web
 * layer) and re-exported here for the web code.
 */
export type { StorySummary, EntityInfo, SourceInfo, ListOptions, ArticleListOptions, ListedArticle, ReaderStore, SourceAdmin, ArticleCard } from '../model/reader.ts';
export type { Coverage } from '../model/search.ts';
export type { Article, EntityMention } from '../model/article.ts';
