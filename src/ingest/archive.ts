/** PLACEHOLDER: replaced by ZIP/gzip expansion. Returns the document itself. */
import type { InputDoc, ParseIssue } from './types.ts';

export function expandArchive(doc: InputDoc): { docs: InputDoc[]; errors: ParseIssue[] } {
  return { docs: [doc], errors: [] };
}
