/**
 * Google Reader identifiers, as the FreshRSS and Miniflux implementations of the protocol
 * read and write them (pure functions, unit-tested beside).
 *
 * - Item ids: Marsad article ids are 16 hex digits (src/model/article.ts), which is the
 *   64-bit number of Google Reader's long form `tag:google.com,2005:reader/item/<16 hex>`.
 *   The short form is that number in decimal, signed as a 64-bit integer the way Google
 *   Reader wrote it (clients parse it as int64; Miniflux and FreshRSS do). Accepted on input:
 *   the long form, the decimal form (signed or unsigned), and the bare 16 hex digits.
 * - Stream ids: `user/-/state/com.google/<state>` (also with the user's id for `-`),
 *   `feed/<kind>:<target>` for a subscription (kind `outlet` or `source`), and
 *   `user/-/label/<name>` for a followed entity, keyword or alert.
 */
export const ITEM_PREFIX = 'tag:google.com,2005:reader/item/';

export const longItemId = (hex: string): string => ITEM_PREFIX + hex;

/** The decimal form: the 64 bits read as a signed integer. */
export const shortItemId = (hex: string): string => BigInt.asIntN(64, BigInt(`0x${hex}`)).toString();

/** A Marsad article id from any of the three forms, else null. */
export function parseItemId(s: string): string | null {
  const v = s.trim();
  if (v.startsWith(ITEM_PREFIX)) {
    const h = v.slice(ITEM_PREFIX.length).toLowerCase();
    return /^[0-9a-f]{1,16}$/.test(h) ? h.padStart(16, '0') : null;
  }
  if (/^[0-9a-f]{16}$/i.test(v) && /[a-f]/i.test(v)) return v.toLowerCase();
  if (/^-?[0-9]{1,20}$/.test(v)) {
    const n = BigInt(v);
    if (n < -(1n << 63n) || n >= 1n << 64n) return null;
    return BigInt.asUintN(64, n).toString(16).padStart(16, '0');
  }
  return null;
}

export const STATE = 'user/-/state/com.google/';
export const READING_LIST = `${STATE}reading-list`;
export const READ = `${STATE}read`;
export const STARRED = `${STATE}starred`;
export const KEPT_UNREAD = `${STATE}kept-unread`;
export const LABEL = 'user/-/label/';

export type FeedKind = 'outlet' | 'source';

export type StreamId =
  | { type: 'reading-list' }
  | { type: 'read' }
  | { type: 'starred' }
  | { type: 'feed'; kind: FeedKind; target: string }
  | { type: 'label'; name: string };

export const feedId = (kind: FeedKind, target: string): string => `feed/${kind}:${target}`;
export const labelId = (name: string): string => LABEL + name;

/** `user/<anything>/…` is the person's own (`-` or their id); the rest of the path decides. */
export function parseStreamId(s: string): StreamId | null {
  const feed = /^feed\/(outlet|source):(.+)$/s.exec(s);
  if (feed) return { type: 'feed', kind: feed[1] as FeedKind, target: feed[2]! };
  const user = /^user\/[^/]+\/(state\/com\.google\/([a-z-]+)|label\/(.+))$/s.exec(s);
  if (!user) return null;
  if (user[3] !== undefined) return { type: 'label', name: user[3] };
  const state = user[2];
  if (state === 'reading-list' || state === 'read' || state === 'starred') return { type: state };
  return null;
}

/** The state a tag names (`user/-/state/com.google/read` or `…/<user id>/…`), else null. */
export function stateOf(tag: string): string | null {
  const m = /^user\/[^/]+\/state\/com\.google\/([a-z-]+)$/.exec(tag.trim());
  return m ? m[1]! : null;
}
