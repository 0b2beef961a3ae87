/**
 * Passwords: argon2id through @node-rs/argon2 (prebuilt binaries, no compiler), with its
 * defaults (m = 19 MiB, t = 2, p = 1: OWASP's argon2id minimum), stored as the PHC string
 * (`$argon2id$v=19$m=…`), which carries its own parameters and salt.
 *
 * A login for an unknown name verifies against a fixed dummy hash, so it takes as long as a
 * wrong password for a real account: the time does not tell which names exist.
 */
import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` (a const enum, which this build cannot import by name). */
const ARGON2ID = 2;

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 1024;

export class PasswordError extends Error {}

export function checkPassword(pw: string): void {
  if (pw.length < MIN_PASSWORD) throw new PasswordError(`password: at least ${MIN_PASSWORD} characters`);
  if (pw.length > MAX_PASSWORD) throw new PasswordError(`password: at most ${MAX_PASSWORD} characters`);
}

export function hashPassword(pw: string): Promise<string> {
  checkPassword(pw);
  return hash(pw, { algorithm: ARGON2ID });
}

let dummy: Promise<string> | null = null;

/** True when `pw` matches `stored`; with `stored` null (no such user) it spends the same time and is false. */
export async function verifyPassword(stored: string | null, pw: string): Promise<boolean> {
  const against = stored ?? (await (dummy ??= hash('marsad-dummy-password', { algorithm: ARGON2ID })));
  let ok = false;
  try {
    ok = await verify(against, pw.slice(0, MAX_PASSWORD));
  } catch {
    ok = false;
  }
  return stored !== null && ok;
}
