/** PLACEHOLDER: replaced by the JSON/JSONL adapter. */
import type { Parser } from '../types.ts';

const todo: Parser = (doc) => ({
  articles: [],
  sources: [],
  errors: [{ code: 'format.unsupported', source: doc.name, message: 'parser not written yet' }],
});
export const parseJson = todo;
export const parseJsonl = todo;
