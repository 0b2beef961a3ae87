/** PLACEHOLDER: replaced by the adapter for this format. */
import type { Parser } from '../types.ts';

export const parseText: Parser = (doc) => ({
  articles: [],
  sources: [],
  errors: [{ code: 'format.unsupported', source: doc.name, message: 'parser not written yet' }],
});
