/** Opaque pagination cursors: base64url of a small JSON offset, validated on the way in. */
import { BadRequest } from '../params.ts';

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeCursor(c: string | null): number {
  if (!c) return 0;
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0 && v.o <= 100_000) return v.o;
  } catch {
    // fall through
  }
  throw new BadRequest('cursor', 'not a cursor returned by this API');
}
