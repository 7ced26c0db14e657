import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../../src/numeric/progress.js';
import { main } from '../../src/cli/main.js';

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

describe('the CLI progress bar', () => {
  afterEach(() => vi.unstubAllEnvs());

  const derive = async (stderrIsTerminal?: boolean): Promise<string> => {
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (t: string) => void (stderr += t), ...(stderrIsTerminal === undefined ? {} : { stderrIsTerminal }) };
    expect(await main(['derive', 'sum(relu(X))'], io)).toBe(0);
    return stderr;
  };

  it('is drawn on the stderr main() was given, when that is a terminal, and cleared at the end', async () => {
    vi.stubEnv('CI', '');
    const stderr = await derive(true);
    expect(stderr).toMatch(/^\rverifying \[[#.]{30}\] \d+\/\d+/);
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('is not drawn on a stderr that is not a terminal, whatever the process has', async () => {
    vi.stubEnv('CI', '');
    expect(await derive(false)).toBe('');
    expect(await derive()).toBe('');
  });
});
