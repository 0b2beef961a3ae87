/**
 * What a headline counts: the numbers it writes (digits, Arabic-Indic or Latin) and the ordinals
 * it names (الأولى، ثاني، الثالثة …). A series of reports repeats its wording from one to the next
 * — «وصول الطائرة الإغاثية الثالثة إلى عدن» after «وصول ثاني طائرة إغاثة سعودية» — and differs
 * in its count: the copy rule of `edgeOf` (stable.ts) never calls two of them copies.
 * Contract: pure.
 */
import { normalize } from '../arabic/index.ts';

/** An ordinal after its clitics (و/ف/ب/ل, ال), in the analyzer's normalized spelling; feminine and masculine alike. */
const ORDINAL = /^(?:[وفبل]?(?:ال)?)(اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)(?:ه|ي)?$/;

export interface TitleCounts {
  /** Numbers as written, in Latin digits, a decimal comma (Latin or Arabic) as a point. */
  nums: Set<string>;
  /** Ordinal stems (اول، ثاني …). */
  ords: Set<string>;
}

export function titleCounts(title: string): TitleCounts {
  // (normalize writes Arabic-Indic and Persian digits as Latin ones)
  const t = normalize(title);
  const nums = new Set((t.match(/\d+(?:[.,٫]\d+)?/g) ?? []).map((n) => n.replace(/[,٫]/, '.')));
  const ords = new Set<string>();
  for (const w of t.split(/[^\u0621-\u064a]+/)) {
    const m = ORDINAL.exec(w);
    if (m) ords.add(m[1]!);
  }
  return { nums, ords };
}

/**
 * Two headlines count apart: an ordinal one names and the other does not (the third plane, the
 * second), or each writes a number the other lacks (125 judges, 100 judges). One headline adding a
 * figure to the other's (67 مليار … بزيادة 4.5 مليارات / 67 مليار) does not count apart.
 */
export function countsApart(a: string, b: string): boolean {
  const x = titleCounts(a);
  const y = titleCounts(b);
  const lacks = (p: Set<string>, q: Set<string>): boolean => [...p].some((v) => !q.has(v));
  if (lacks(x.ords, y.ords) || lacks(y.ords, x.ords)) return true;
  return lacks(x.nums, y.nums) && lacks(y.nums, x.nums);
}
