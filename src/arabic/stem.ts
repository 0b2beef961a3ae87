/** PLACEHOLDER (the analyzer helper replaces this with the light stemmer). */
export function stem(norm: string): string {
  return norm;
}
