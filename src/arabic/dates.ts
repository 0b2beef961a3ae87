/** PLACEHOLDER (the dates helper replaces this): Date.parse only. */
export interface DateOptions {
  /** Reference time for relative forms (`أمس`, `منذ ساعتين`); defaults to now. */
  now?: Date;
}
/** Turns a date found on a page into a UTC Date, or null when none is recognized. */
export function parseArabicDate(text: string, _opts: DateOptions = {}): Date | null {
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t);
}
