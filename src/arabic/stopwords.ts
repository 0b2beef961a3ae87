/** PLACEHOLDER (the analyzer helper replaces this with the list in data/). */
const LIST = new Set(['في', 'من', 'علي', 'الي', 'عن', 'ان', 'و', 'او']);
/** True when a normalized token is a stopword. */
export function isStopword(norm: string): boolean {
  return LIST.has(norm);
}
