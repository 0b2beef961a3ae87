/**
 * Launches Debian's Chromium through playwright-core (never a downloaded browser), with
 * the flags that keep it off the network. Tests skip loudly when /usr/bin/chromium is
 * absent (a user's machine); .ci/run installs it, so in CI they always run.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = new URL('../../artifacts/screenshots/', import.meta.url).pathname;

export function chromiumMissing(): string | false {
  if (existsSync(CHROMIUM)) return false;
  const msg = `\n*** SKIPPING BROWSER TESTS: ${CHROMIUM} not found (apt-get install -y chromium) ***\n`;
  process.stderr.write(msg);
  return msg.trim();
}

/** `extraArgs`: e.g. `--host-resolver-rules=MAP marsad.test 127.0.0.1` (a non-loopback name for loopback). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}
