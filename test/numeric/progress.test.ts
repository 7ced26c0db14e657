import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../../src/numeric/progress.js';

/** A stand-in for process.stderr that records what is written. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progressReporter', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('draws a bar on a terminal and clears it when done', () => {
    vi.stubEnv('CI', '');
    const { stream, written } = fakeStream(true);
    const report = progressReporter('checking', stream);
    report?.(1, 4);
    report?.(4, 4);
    expect(written[0]).toMatch(/^\rchecking \[#+\.+\] 1\/4$/);
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('stays silent when stderr is not a terminal', () => {
    vi.stubEnv('CI', '');
    expect(progressReporter('checking', fakeStream(false).stream)).toBeUndefined();
  });

  it('stays silent in CI, even on a terminal', () => {
    vi.stubEnv('CI', 'true');
    expect(progressReporter('checking', fakeStream(true).stream)).toBeUndefined();
  });
});
