/**
 * The day a report says it is about, when it says so in the words of a daily report: «في
 * تقريرها عن حالة الطقس لهذا اليوم» (the weather), «… هذا اليوم». Such a report repeats
 * the same text every day with other figures in its slots; two of them that each speak of
 * their own day are two events however alike their words (src/stories/stable.ts, `edgeOf`).
 * The day is the article's own (Saudi time, UTC+3). Pure: a function of the text and time.
 *
 * Deliberately narrow. Every relative day word («اليوم», «أمس», «غداً») resolved against
 * the article's time was tried and dropped: in SaudiNewsNet the time is when the article
 * was crawled, often a day after it was written, so one report's copies crawled on two
 * days «conflicted» (2,959 edges of the corpus' graph, most of them copies of one report).
 */

/** Characters of the body read (about the lede). */
export const DAY_LEDE_CHARS = 400;
const DAY_MS = 86_400_000;
/** Saudi time: the calendar day the reports speak of. */
const OFFSET_MS = 3 * 3_600_000;
/** «(ل)هذا اليوم» as words of their own (marks and tatweel removed first). */
const THIS_DAY = /(?:^|[\s(«"“])ل?هذا\s+اليوم(?=$|[\s)،,.:»"”])/u;

/** The Saudi calendar day number (days since the epoch) of an epoch-ms time. */
export function dayOf(time: number): number {
  return Math.floor((time + OFFSET_MS) / DAY_MS);
}

/** The days (`dayOf` numbers) the lede of `text` says it reports on: [] or the article's own day. */
export function eventDays(text: string, time: number): number[] {
  if (!Number.isFinite(time)) return [];
  const lede = text.slice(0, DAY_LEDE_CHARS).replace(/\p{Mn}|\u0640/gu, '');
  return THIS_DAY.test(lede) ? [dayOf(time)] : [];
}

/** Whether two reports name their days and none in common: different days, different events. */
export function daysConflict(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a?.length || !b?.length) return false;
  return !a.some((x) => b.includes(x));
}
