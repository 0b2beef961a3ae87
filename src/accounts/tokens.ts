/**
 * Random tokens and their digests. A session cookie, an API key and a feed token are 32
 * (24, 24) random bytes in base64url; sessions and keys are stored as SHA-256 hex of the
 * token, so the database alone opens nothing. Ids are random hex.
 */
import { createHash, randomBytes } from 'node:crypto';

export const sha256hex = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A session cookie's token. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** API keys start with `mk_` so a bearer token is told apart from the admin token without a lookup. */
export const API_KEY_PREFIX = 'mk_';
export const newApiKey = (): string => API_KEY_PREFIX + randomBytes(24).toString('base64url');
export const isApiKey = (s: string): boolean => s.startsWith(API_KEY_PREFIX) && s.length > API_KEY_PREFIX.length + 16;

/** The capability in a person's private feed URLs. */
export const newFeedToken = (): string => randomBytes(24).toString('base64url');
export const FEED_TOKEN = /^[A-Za-z0-9_-]{32}$/;

export const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex');
