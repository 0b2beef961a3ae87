/**
 * Server-side HTML templating with escaping by default: every value interpolated into
 * html`…` is escaped unless it is itself SafeHtml (the output of another html`…`, or
 * raw() on text the code — never the data — wrote). Arrays are joined.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(s: string): string {
  // Most text (Arabic prose) has nothing to escape: a test is cheaper than a replace.
  return UNSAFE.test(s) ? s.replace(/[&<>"']/g, (c) => ESC[c]!) : s;
}
const UNSAFE = /[&<>"']/;

type Value = SafeHtml | string | number | null | undefined | false | Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** The tagged template: html`<p>${userText}</p>` escapes userText. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Marks code-written markup as safe. Never pass data through this. */
export function raw(s: string): SafeHtml {
  return new SafeHtml(s);
}

/** Builds a query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
