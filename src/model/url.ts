/**
 * Canonical URLs: one article, one URL. Lower-cased scheme and host, no fragment, no
 * default port, no tracking parameters (utm_*, fbclid, gclid …) and no valueless flags
 * such as almadina's `?weekly` (the same article as the bare URL), sorted parameters.
 */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|at_medium|at_campaign)$/i;

export function canonicalUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  const kept = [...u.searchParams.entries()].filter(
    ([k, v]) => !TRACKING.test(k) && !(v === '' && !raw.includes(`${k}=`)),
  );
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = new URLSearchParams(kept).toString();
  if (u.pathname !== '/' && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '');
  return u.toString();
}

/** Resolves `href` against `base`; null when either is unusable. */
export function resolveUrl(href: string | null | undefined, base?: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base ?? undefined).toString();
  } catch {
    return null;
  }
}
