/**
 * Outlet display names: datasets and sites name outlets by slug or domain (`aawsat`,
 * `alyaum.com`); readers expect the outlet's own name (`الشرق الأوسط`). The table is data
 * (data/outlets.tsv). Unknown names are kept as given.
 */
import { readFileSync } from 'node:fs';
import { rootUrl } from '../paths.ts';

const TABLE: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const text = readFileSync(rootUrl('data/outlets.tsv'), 'utf8');
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [key, name] = line.split('\t');
    if (key && name) m.set(key.trim().toLowerCase(), name.trim());
  }
  return m;
})();

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The display name for an outlet given by slug, site name or domain; else from the URL's host when the outlet is unknown. */
export function outletName(outlet: string | null, url: string | null = null): string | null {
  if (outlet) return TABLE.get(outlet.trim().toLowerCase()) ?? outlet;
  const host = hostOf(url);
  if (!host) return null;
  return TABLE.get(host) ?? null;
}
