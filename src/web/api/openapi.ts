/** The OpenAPI 3.1 document for /api/v1 (test: every registered API route is documented). */

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const page = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
  { name: 'cursor', in: 'query', schema: str, description: 'the `next` value of the previous page' },
];
const filters = [
  { name: 'outlet', in: 'query', schema: str },
  { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
  { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
];
const id = [{ name: 'id', in: 'path', required: true, schema: str }];
const ok = (ref: string) => ({ '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } } });
const errors = {
  '400': { description: 'bad parameter', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '404': { description: 'unknown id', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};
const admin = [{ bearer: [] }];
const format = { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'] }, description: 'csv: UTF-8 with a BOM, RFC 4180 (a header row, CRLF)' };
const entities = { name: 'entity', in: 'query', required: true, schema: { type: 'array', items: str }, style: 'form', explode: true, description: 'entity id (country:IR) or name, as /api/v1/entities/{id} resolves it; repeat to compare' };
const csvOk = (ref: string) => ({ '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } }, 'text/csv': { schema: str } } } });
const counts = { type: 'object', additionalProperties: { type: 'integer' }, description: 'entity id → count' };
const collapse = {
  name: 'collapse',
  in: 'query',
  schema: { type: 'string', enum: ['none', 'story'], default: 'none' },
  description:
    'story: one result per story instead of per article (wire copies of one text, and other reports grouped into the same story, make one row), each with `coverage`. ' +
    'Search shows each story as its best-ranked matching copy and `total` counts stories; lists show the earliest listed copy, placed by its date. Paging is over stories. ' +
    'Default none (one row per article, as before this parameter); the web pages default to story.',
};
const coverage = { $ref: '#/components/schemas/Coverage' };

export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Marsad API', version: '1', description: 'Arabic-first news aggregation: articles, stories across outlets, entities, search. Reading apps use the Google Reader API under /api/greader instead (not described here: see src/web/greader/README.md in the repository).' },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'MARSAD_ADMIN_TOKEN, or a person\'s API key (mk_…, made on /settings); an admin\'s key is an admin token' } },
    schemas: {
      Error: { type: 'object', properties: { error: str, message: str }, required: ['error', 'message'] },
      Article: {
        type: 'object',
        properties: {
          id: str, url: nstr, title: str, text: str, publishedAt: nstr, outlet: nstr, via: nstr, author: nstr, lang: str,
          tags: { type: 'array', items: str },
          readAlso: { type: 'array', items: { type: 'object', properties: { title: str, url: nstr } } },
          relatedTo: nstr,
          entities: { type: 'array', items: { $ref: '#/components/schemas/EntityMention' } },
          keywords: { type: 'array', items: str },
          storyId: nstr, duplicateOf: nstr,
          coverage: { ...coverage, description: 'with collapse=story only' },
        },
        required: ['id', 'url', 'title', 'text', 'publishedAt', 'outlet', 'via', 'author', 'lang', 'tags', 'readAlso', 'relatedTo'],
      },
      EntityMention: { type: 'object', properties: { id: str, name: str, type: str, mentions: { type: 'integer' } } },
      SearchHit: { type: 'object', properties: { id: str, url: nstr, title: str, outlet: nstr, publishedAt: nstr, score: { type: 'number' }, snippet: str, highlights: { type: 'array', items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 }, description: '[start, end) UTF-16 offsets of matched words in snippet' }, coverage: { ...coverage, description: 'with collapse=story only' } } },
      Coverage: {
        type: 'object',
        description: 'The story a collapsed row stands for: "and N more outlets" links to /api/v1/stories/{storyId}',
        properties: {
          storyId: { type: ['string', 'null'], description: 'null: an article not grouped yet (a story of its own)' },
          outlets: { type: 'array', items: str, description: 'every outlet that carried the story, in order of first publication' },
          articles: { type: 'integer', description: 'articles in the story' },
          moreOutlets: { type: 'integer', description: 'outlets besides the shown copy’s' },
          folded: { type: 'integer', description: 'other rows of this list (matches, listed articles) folded into this one' },
          also: { type: 'array', description: 'search only: up to three more folded matches, best first, each under a headline of its own; lists: empty', items: { type: 'object', properties: { id: str, title: str, outlet: nstr, publishedAt: nstr } } },
        },
        required: ['storyId', 'outlets', 'articles', 'moreOutlets', 'folded', 'also'],
      },
      SearchPage: {
        type: 'object',
        properties: {
          results: { type: 'array', items: { $ref: '#/components/schemas/SearchHit' } },
          next: nstr,
          total: { type: 'integer' },
          approximate: { type: 'boolean', description: '`total` is an estimate: with collapse=story on a query matching more articles than a search scores, its stories among the newest matches scaled to every match; in a SQLite store of more than one index part (100,000 articles each), the matches read scaled to the store by the span of seqs they cover' },
          notice: str,
        },
      },
      ArticlePage: { type: 'object', properties: { results: { type: 'array', items: { $ref: '#/components/schemas/Article' } }, next: nstr } },
      Story: { type: 'object', properties: { id: str, title: str, firstSeen: nstr, lastSeen: nstr, outlets: { type: 'array', items: str }, originalOutlet: nstr, articleIds: { type: 'array', items: str } } },
      StoryPage: { type: 'object', properties: { results: { type: 'array', items: { $ref: '#/components/schemas/Story' } }, next: nstr } },
      Entity: { type: 'object', properties: { id: str, name: str, type: str, articleCount: { type: 'integer' }, daily: { type: 'array', items: { type: 'object', properties: { day: str, count: { type: 'integer' } } } }, articles: { type: 'array', items: { $ref: '#/components/schemas/Article' } } } },
      Timeline: {
        type: 'object',
        description: 'Counts per bucket (UTC day, ISO week from Monday, or month, named by its first day), empty buckets included. unit story: a story (wire copies grouped) counts once, dated by its earliest article; all: units mentioning every entity.',
        properties: {
          entities: { type: 'array', items: { type: 'object', properties: { id: str, name: str } } },
          unit: { type: 'string', enum: ['story', 'article'] },
          by: { type: 'string', enum: ['day', 'week', 'month'] },
          buckets: { type: 'array', items: { type: 'object', properties: { start: { type: 'string', format: 'date' }, counts, all: { type: 'integer' } }, required: ['start', 'counts', 'all'] } },
          totals: { type: 'object', properties: { counts, all: { type: 'integer' }, undated: counts } },
        },
        required: ['entities', 'unit', 'buckets'],
      },
      Comentions: {
        type: 'object',
        description: 'Entities in the same stories; lift = P(a,b) / (P(a) P(b)) over stories',
        properties: {
          entity: { type: 'object', properties: { id: str, name: str, stories: { type: 'integer' } } },
          totalStories: { type: 'integer' },
          results: { type: 'array', items: { type: 'object', properties: { id: str, name: str, type: str, together: { type: 'integer' }, stories: { type: 'integer' }, lift: { type: 'number' } } } },
        },
      },
      StoriesTogether: {
        type: 'object',
        properties: {
          entities: { type: 'array', items: { type: 'object', properties: { id: str, name: str } } },
          total: { type: 'integer' },
          stories: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/Story' }, { type: 'object', properties: { date: nstr } }] } },
        },
      },
      Outlets: { type: 'object', properties: { results: { type: 'array', items: { type: 'object', properties: { outlet: str, count: { type: 'integer' } } } } } },
      Source: { type: 'object', properties: { id: str, url: str, title: nstr, lastFetch: nstr, status: nstr, errorCount: { type: 'integer' }, lastError: nstr, nextPoll: nstr } },
      Sources: { type: 'object', properties: { results: { type: 'array', items: { $ref: '#/components/schemas/Source' } } } },
      Alert: {
        type: 'object',
        description: 'A saved search that notifies: each matched story once, by webhook (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature v1) and in its Atom feed',
        properties: {
          id: str, name: str, query: { type: 'string', description: 'search syntax: phrases "…", -exclusion, OR' }, outlet: nstr, entity: nstr, keyword: nstr,
          webhookUrl: nstr, secret: { type: ['string', 'null'], description: 'whsec_<base64>: in full only in the creation answer, masked elsewhere' },
          createdAt: str, consecutiveFailures: { type: 'integer' }, pausedAt: nstr, pausedReason: nstr, feed: { type: 'string', description: 'path of the Atom feed' },
        },
      },
      Alerts: { type: 'object', properties: { results: { type: 'array', items: { $ref: '#/components/schemas/Alert' } } } },
      NewAlert: {
        type: 'object',
        properties: { name: str, query: str, webhook: { type: 'string', description: 'http(s); public addresses only unless the server allows private ones' }, secret: { type: 'string', description: 'whsec_<base64 of 24–64 bytes>; generated when absent' }, outlet: str, entity: str, keyword: str },
        required: ['name', 'query'],
      },
    },
  },
  paths: {
    '/api/v1/search': { get: { summary: 'Arabic-aware full-text search', parameters: [{ name: 'q', in: 'query', required: true, schema: str, description: 'phrases "…", -exclusion, OR' }, ...filters, { name: 'tag', in: 'query', schema: str }, { name: 'recent', in: 'query', schema: { type: 'string', enum: ['1', '0'] }, description: 'favour recent articles' }, collapse, ...page, format], responses: { ...csvOk('SearchPage'), ...errors } } },
    '/api/v1/timeline': {
      get: {
        summary: 'Mentions of entities over time, and the units mentioning all of them',
        parameters: [
          entities,
          { name: 'by', in: 'query', schema: { type: 'string', enum: ['day', 'week', 'month'], default: 'day' } },
          { name: 'unit', in: 'query', schema: { type: 'string', enum: ['story', 'article'], default: 'story' } },
          { name: 'since', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'until', in: 'query', schema: { type: 'string', format: 'date' } },
          format,
        ],
        responses: { ...csvOk('Timeline'), ...errors },
      },
    },
    '/api/v1/comentions': { get: { summary: 'The entities most often in the same stories as one entity, with lift', parameters: [{ ...entities, schema: str, description: 'entity id or name' }, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } }, format], responses: { ...csvOk('Comentions'), ...errors } } },
    '/api/v1/comentions/stories': { get: { summary: 'Stories mentioning every given entity (two or more), newest first', parameters: [entities, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } }, format], responses: { ...csvOk('StoriesTogether'), ...errors } } },
    '/api/v1/articles': { get: { summary: 'Articles, newest first', parameters: [...filters, { name: 'entity', in: 'query', schema: str }, { name: 'keyword', in: 'query', schema: str }, collapse, ...page], responses: { ...ok('ArticlePage'), ...errors } } },
    '/api/v1/articles/{id}': { get: { summary: 'One article with its entities, keywords and story', parameters: id, responses: { ...ok('Article'), ...errors } } },
    '/api/v1/articles/{id}/related': { get: { summary: 'Related articles (اقرأ أيضاً)', parameters: [...id, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 20 } }], responses: { ...ok('ArticlePage'), ...errors } } },
    '/api/v1/stories': { get: { summary: 'Stories across outlets, newest first', parameters: [{ name: 'since', in: 'query', schema: { type: 'string', format: 'date' } }, ...filters, ...page], responses: { ...ok('StoryPage'), ...errors } } },
    '/api/v1/stories/{id}': { get: { summary: 'One story with its articles', parameters: id, responses: { ...ok('Story'), ...errors } } },
    '/api/v1/entities/{id}': { get: { summary: 'An entity (id or name), its daily mentions and articles', parameters: [...id, { name: 'limit', in: 'query', schema: { type: 'integer' } }, collapse], responses: { ...ok('Entity'), ...errors } } },
    '/api/v1/outlets': { get: { summary: 'Outlets with article counts', responses: ok('Outlets') } },
    '/api/v1/sources': {
      get: { summary: 'Subscribed sources and their polling state, errors included (admin only)', security: admin, responses: { ...ok('Sources'), '401': { description: 'no valid token' } } },
      post: { summary: 'Subscribe to a feed (http(s), public addresses only unless the server allows private ones)', security: admin, requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { url: str, title: str }, required: ['url'] } } } }, responses: { '201': { description: 'created' }, '400': errors['400'], '401': { description: 'no valid token' }, '415': { description: 'the body is not application/json' } } },
    },
    '/api/v1/sources/{id}': { delete: { summary: 'Unsubscribe', security: admin, parameters: id, responses: { '204': { description: 'removed' }, '401': { description: 'no valid token' }, '404': errors['404'] } } },
    '/api/v1/sources/import': { post: { summary: 'Subscribe to every feed of an OPML document; feeds at refused addresses are listed, not subscribed', security: admin, requestBody: { content: { 'text/x-opml': { schema: str }, 'application/xml': { schema: str }, 'text/xml': { schema: str } } }, responses: { '200': { description: 'counts and refused feeds' }, '400': errors['400'], '401': { description: 'no valid token' }, '415': { description: 'not an OPML content type' } } } },
    '/api/v1/alerts': {
      get: { summary: 'Saved alerts, secrets masked (admin only)', security: admin, responses: { ...ok('Alerts'), '401': { description: 'no valid token' } } },
      post: { summary: 'Save an alert; the answer carries its signing secret', security: admin, requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewAlert' } } } }, responses: { '201': { description: 'created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Alert' } } } }, '400': errors['400'], '401': { description: 'no valid token' }, '415': { description: 'the body is not application/json' } } },
    },
    '/api/v1/alerts/{id}': {
      get: { summary: 'One alert with its latest story entries and delivery attempts (admin only)', security: admin, parameters: [...id, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } }], responses: { '200': { description: 'OK' }, '401': { description: 'no valid token' }, '404': errors['404'] } },
      delete: { summary: 'Remove an alert with its outbox and log', security: admin, parameters: id, responses: { '204': { description: 'removed' }, '401': { description: 'no valid token' }, '404': errors['404'] } },
    },
    '/api/v1/metrics': { get: { summary: 'Process figures: RSS, heap, event-loop delay since the last call (admin only)', security: admin, responses: { '200': { description: 'OK' }, '401': { description: 'no valid token' } } } },
    '/api/v1/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OK' } } } },
    '/api/v1/users': {
      get: { summary: 'Users and roles (admin only)', security: admin, responses: { '200': { description: 'OK' }, '401': { description: 'no valid token' } } },
      post: { summary: 'Add a user: {name, password, role: admin|reader}', security: admin, responses: { '201': { description: 'created' }, '400': errors['400'], '401': { description: 'no valid token' } } },
    },
    '/api/v1/users/{name}': { delete: { summary: 'Remove a user with their sessions, keys, follows, read marks and stars', security: admin, parameters: [{ name: 'name', in: 'path', required: true, schema: str }], responses: { '204': { description: 'removed' }, '401': { description: 'no valid token' }, '404': errors['404'], '409': { description: 'the last admin' } } } },
    '/api/v1/me': { get: { summary: 'The key\'s person: user, follows, unread stories per followed item', security: admin, responses: { '200': { description: 'OK' }, '401': { description: 'no API key or session' } } } },
    '/api/v1/me/stories': {
      get: {
        summary: 'The person\'s stories (what they follow, or everything until they choose) with per-story read state and new coverage',
        security: admin,
        parameters: [
          { name: 'order', in: 'query', schema: { type: 'string', enum: ['newest', 'covered'] } },
          { name: 'unread', in: 'query', schema: { type: 'string', enum: ['1', '0'] } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
        ],
        responses: { '200': { description: 'OK' }, '401': { description: 'no API key or session' } },
      },
    },
  },
} as const;
