/**
 * The Article contract as a zod schema, and the limits every Article keeps. The ingest
 * stage cleans every Article to this shape (src/ingest/normalize.ts); the fuzz tests check
 * every parser's output against it; anything that receives Articles from outside (a job
 * payload, an API body) can validate with it.
 *
 * What it says beyond the TypeScript type: the id is the stable id of the url or content;
 * `url`s are http(s) only; no text field holds a character XML 1.0 forbids (C0 controls
 * but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates) or a C1 control; one-line fields
 * (title, outlet, via, author, tags, read-also titles) hold no line break and no bidi
 * control (embeddings, overrides, isolates, marks); the body holds no embedding, override
 * or isolate (marks are kept there, see normalize.ts); every field is within its limit.
 */
import { z } from 'zod';
import { articleId, type Article } from './article.ts';
import { LIMITS } from './limits.ts';

export { LIMITS };

// eslint-disable-next-line no-control-regex -- control characters are what this matches
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Every bidi control: embeddings, overrides, pops, isolates, and the LRM/RLM/ALM marks. */
export const BIDI_ANY = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** The bidi controls that reorder or nest text (not the zero-width marks). */
export const BIDI_REORDER = /[\u202A-\u202E\u2066-\u2069]/;

const clean = (s: string) => !XML_FORBIDDEN.test(s);
const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine(clean, 'holds a character XML 1.0 forbids or a C1 control')
    .refine((s) => !BIDI_ANY.test(s), 'holds a bidi control')
    .refine((s) => !/[\n\r\u2028\u2029]/.test(s), 'holds a line break')
    .refine((s) => s === s.trim(), 'not trimmed');
const httpUrl = z
  .string()
  .max(LIMITS.url)
  .refine(clean, 'holds a forbidden character')
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'not an http(s) URL');
const id = z.string().regex(/^[0-9a-f]{16}$/);

export const ArticleSchema = z
  .object({
    id,
    url: httpUrl.nullable(),
    title: oneLine(LIMITS.title),
    text: z
      .string()
      .max(LIMITS.text)
      .refine(clean, 'holds a character XML 1.0 forbids or a C1 control')
      .refine((s) => !BIDI_REORDER.test(s), 'holds a bidi embedding, override or isolate')
      .refine((s) => s === s.trim(), 'not trimmed'),
    publishedAt: z.iso.datetime().nullable(),
    outlet: oneLine(LIMITS.field).min(1).nullable(),
    via: oneLine(LIMITS.field).min(1).nullable(),
    author: oneLine(LIMITS.field).min(1).nullable(),
    lang: z.string().regex(/^[a-z]{2,3}(?:-[a-z0-9]+)*$/),
    tags: z.array(oneLine(LIMITS.field).min(1)).max(LIMITS.tags),
    readAlso: z.array(z.object({ title: oneLine(LIMITS.field), url: httpUrl.nullable() })).max(LIMITS.readAlso),
    relatedTo: id.nullable(),
    entities: z
      .array(z.object({ id: z.string(), name: z.string(), type: z.string(), mentions: z.number(), aliases: z.array(z.string()).optional(), keys: z.array(z.string()).optional() }))
      .optional(),
    keywords: z.array(z.string()).optional(),
    storyId: z.string().nullable().optional(),
    duplicateOf: z.string().nullable().optional(),
  })
  .strict()
  .refine((a) => a.title !== '' || a.text !== '', 'neither title nor text')
  .refine((a) => a.id === articleId(a.url, a.title, a.text), 'id is not the stable id of its url or content');

/** Checks an Article against the contract; the zod issues when it fails. */
export function checkArticle(a: Article): { ok: true } | { ok: false; problems: string[] } {
  const r = ArticleSchema.safeParse(a);
  return r.success ? { ok: true } : { ok: false, problems: r.error.issues.map((i) => `${i.path.join('.') || '(article)'}: ${i.message}`) };
}
