/** Headless Chromium for the browser tests: Debian's `chromium` (puppeteer-core never downloads one). */
import { execFileSync } from 'node:child_process';

function findChromium(): string | null {
  if (process.env['CHROMIUM']) return process.env['CHROMIUM'];
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const CHROMIUM = findChromium();
/** Skipped only on a machine without chromium outside CI; in CI (where .ci/run installs it) a missing browser fails. */
export const SKIP_BROWSER = CHROMIUM === null && !process.env['CI'];
