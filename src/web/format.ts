/**
 * GMT for precision, the same in both UI languages. Dates and numbers for people are
 * formatted in the UI language by its `Ui` (src/web/i18n/index.ts: Intl in `ar-EG` or `en-GB`).
 */

const cache = new Map<string, string>();

/** «2015-08-10 14:03 GMT» (remembered per ISO string; bounded, emptied when full). */
export function gmt(iso: string | null | undefined): string {
  if (!iso) return '';
  let v = cache.get(iso);
  if (v === undefined) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    if (cache.size >= 20_000) cache.clear();
    v = `${d.toISOString().slice(0, 16).replace('T', ' ')} GMT`;
    cache.set(iso, v);
  }
  return v;
}
