/** Date and number formatting for the reader: Arabic for people, GMT for precision. */

const AR_DATE = new Intl.DateTimeFormat('ar-EG', { dateStyle: 'full', timeZone: 'UTC' });
const AR_SHORT = new Intl.DateTimeFormat('ar-EG', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const AR_DAY = new Intl.DateTimeFormat('ar-EG', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * Remembers a formatter's output per ISO string (Intl formatting costs microseconds and a
 * page formats the same few dates many times); bounded, emptied when full.
 */
function memo(f: (iso: string) => string): (iso: string | null | undefined) => string {
  const m = new Map<string, string>();
  return (iso) => {
    if (!iso) return '';
    let v = m.get(iso);
    if (v === undefined) {
      if (m.size >= 20_000) m.clear();
      v = f(iso);
      m.set(iso, v);
    }
    return v;
  };
}

function asDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** «الاثنين، ١٠ أغسطس ٢٠١٥». */
export const arabicDate = memo((iso) => {
  const d = asDate(iso);
  return d ? AR_DATE.format(d) : '';
});

/** «١٠ أغسطس، ١٤:٠٣». */
export const arabicShort = memo((iso) => {
  const d = asDate(iso);
  return d ? AR_SHORT.format(d) : '';
});

/** «١٠ أغسطس» for chart labels. */
export function arabicDay(iso: string): string {
  const d = asDate(iso);
  return d ? AR_DAY.format(d) : iso;
}

/** «2015-08-10 14:03 GMT». */
export const gmt = memo((iso) => {
  const d = asDate(iso);
  return d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} GMT` : '';
});

/** Arabic-Indic digits for counts shown in running text. */
export function arabicNumber(n: number): string {
  return n.toLocaleString('ar-EG');
}
