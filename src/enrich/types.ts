/**
 * Types of the enrich stage: the gazetteer file's shape and the rich entity record.
 * The public, stored shape is `EntityMention` in src/model/article.ts; `EntityInfo` adds what
 * keywords and entity pages need (role, salience, display spellings).
 */
import type { EntityMention } from '../model/article.ts';

export type EntityType = 'country' | 'city' | 'org' | 'agency' | 'region' | 'person';

/** One entry of data/gazetteer/entities.json. */
export interface GazetteerEntity {
  /** Stable id: country:RU, city:moscow, org:nato, agency:tass, region:gaza. */
  id: string;
  type: Exclude<EntityType, 'person'>;
  /** Display name. */
  name: string;
  /** Spellings of the name itself (matched without an added article). */
  names: string[];
  /** Adjective and plural forms (الروسي، الروسية، الروس): matched with or without ال. */
  demonyms?: string[];
  /**
   * Entities a mention may also count for: a capital's country, a city's country, Gaza's
   * Palestine. Counted only for capitals and regions, and not where the place is just where
   * something happens (see entities.ts).
   */
  implies?: string[];
  /** A country's capital (its mentions may stand for the state: `أعلنت موسكو`). */
  capital?: boolean;
  /** Spellings that must match as written, not only after normalization. */
  exact?: string[];
}

/** data/gazetteer/entities.json, written by data/gazetteer/build.ts. */
export interface Gazetteer {
  version: 1;
  sources: string[];
  entities: GazetteerEntity[];
  /** Phrases consumed by the matcher without producing an entity (صلاة المغرب). */
  blocked: string[];
}

/** An entity of one article with what enrichment knows about it. */
export interface EntityInfo extends EntityMention {
  type: EntityType;
  /** mentions + title mentions × TITLE_WEIGHT: the sort key. */
  salience: number;
  /** Mentions in the title. */
  titleMentions: number;
  /** Index of the first mention's token (ties sort by it). */
  first: number;
  /** Spellings of the entity's name as written in the article (not demonyms), by frequency. */
  surfaces: string[];
  /** Normalized tokens covered by the entity's one-word mentions (keywords skip them everywhere). */
  coveredNorms: string[];
  /**
   * Token indexes of the mentions of several words (هيئة مكافحة الفساد، مجلس الأمن): keywords skip
   * those tokens only, so a common word of the name still counts where the article uses it alone
   * (الفساد، الأمن).
   */
  coveredAt?: number[];
  /** For a person: the title that introduced them (وزير الدفاع الروسي). */
  role?: string;
}
