/**
 * Format detection from content (not from the file name): the first non-blank bytes and
 * a few markers decide. Archives are expanded before this runs.
 */
import type { Format } from './types.ts';
import { looksLikePage } from './pages/markers.ts';

/** Detects the format of a decoded document. */
export function detectFormat(text: string): Format {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) {
    const lower = head.toLowerCase();
    if (/<opml[\s>]/.test(lower)) return 'opml';
    if (/<(rss|rdf:rdf|feed)[\s>]/.test(lower)) return 'feed';
    if (/<(!doctype html|html|head|body)[\s>]/.test(lower)) return 'html';
    if (lower.startsWith('<?xml')) return 'feed';
    return 'html';
  }
  if (head.startsWith('{')) {
    if (/"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head)) return 'feed';
    const lines = text.split('\n', 3).filter((l) => l.trim() !== '');
    if (lines.length > 1 && lines.every((l) => l.trimStart().startsWith('{'))) return 'jsonl';
    return 'json';
  }
  if (head.startsWith('[')) return 'json';
  // A saved aggregator page has at least two kinds of marker lines (date, source, tags,
  // read-also) in any spelling; one «تاريخ النشر» line alone is a text dump's dateline.
  if (looksLikePage(text)) return 'page';
  return 'text';
}
