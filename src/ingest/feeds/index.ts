/** PLACEHOLDER: replaced by the adapter for this format. */
import type { Parser } from '../types.ts';

export const parseFeed: Parser = (doc) => ({
  articles: [],
  sources: [],
  errors: [{ code: 'format.unsupported', source: doc.name, message: 'parser not written yet' }],
});
