/**
 * Query-parameter validation shared by pages and API: bad parameters give a 400 with a
 * message naming the parameter, never an exception.
 */
import type { Collapse } from '../model/search.ts';

export class BadRequest extends Error {
  readonly statusCode = 400;
  constructor(readonly param: string, message: string) {
    super(`${param}: ${message}`);
  }
}

export type Query = Record<string, unknown>;

/** A single string parameter (the last one if repeated), trimmed; null when absent or empty. */
export function str(q: Query, name: string, max = 200): string | null {
  let v = q[name];
  if (Array.isArray(v)) v = v[v.length - 1];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') throw new BadRequest(name, 'must be a string');
  const s = v.trim();
  if (s.length > max) throw new BadRequest(name, `longer than ${max} characters`);
  return s || null;
}

/** A positive integer within [min, max], else the default. */
export function int(q: Query, name: string, def: number, min: number, max: number): number {
  const s = str(q, name, 12);
  if (s === null) return def;
  if (!/^\d+$/.test(s)) throw new BadRequest(name, `must be an integer between ${min} and ${max}`);
  const n = Number(s);
  if (n < min || n > max) throw new BadRequest(name, `must be between ${min} and ${max}`);
  return n;
}

/** A flag: `1`/`true`/`on` or `0`/`false`/`off`; absent is false. */
export function bool(q: Query, name: string): boolean {
  const s = str(q, name, 5);
  if (s === null) return false;
  if (/^(1|true|on)$/i.test(s)) return true;
  if (/^(0|false|off)$/i.test(s)) return false;
  throw new BadRequest(name, 'must be 1 or 0');
}

/** A date `YYYY-MM-DD` (or a full ISO time), returned as given. */
export function date(q: Query, name: string): string | null {
  const s = str(q, name, 40);
  if (s === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) || Number.isNaN(Date.parse(s))) {
    throw new BadRequest(name, 'must be a date like 2015-08-10');
  }
  return s;
}

/** Upper bound `to` as an inclusive end of day when only a date is given. */
export function endOfDay(d: string | null): string | null {
  return d && d.length === 10 ? `${d}T23:59:59.999Z` : d;
}

/** `collapse=story|none` (src/store/query.ts): `dflt` when absent; anything else is a 400. */
export function collapseParam(q: Query, dflt: Collapse): Collapse {
  const v = str(q, 'collapse', 10);
  if (v === null) return dflt;
  if (v !== 'story' && v !== 'none') throw new BadRequest('collapse', 'must be story or none');
  return v;
}
