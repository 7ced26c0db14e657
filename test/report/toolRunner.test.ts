import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { findExecutable, inTempFolder, runTool } from '../../src/report/toolRunner.js';
import { stopped, until } from './helpers.js';

const sh = findExecutable('sh')!;
const limits = (cwd: string) => ({ cwd, env: { ONLY: 'this' }, timeoutMs: 5000, maxFileBytes: 4096 });

describe('runTool', () => {
  it('passes exactly the given environment', async () => {
    await inTempFolder('kinkproof-test-', async (dir) => {
      const run = await runTool(sh, ['-c', 'echo "$ONLY:${HOME:-none}:${PATH:-none}"'], limits(dir));
      expect(run).toMatchObject({ outcome: 'exited', exitCode: 0 });
      expect(run.stdout).toMatch(/^this:none:/);
    });
  });

  it('kills a process that writes a file over the limit, and one that runs too long', async () => {
    await inTempFolder('kinkproof-test-', async (dir) => {
      const big = await runTool(sh, ['-c', 'i=0; while [ $i -lt 2000 ]; do echo 0123456789; i=$((i+1)); done > big'], limits(dir));
      expect(big.outcome).toBe('file-too-large');
      const slow = await runTool(sh, ['-c', 'while :; do :; done'], { ...limits(dir), timeoutMs: 300 });
      expect(slow.outcome).toBe('timeout');
    });
  });
});

/** The child noted in `dir`/pid is stopped, or will be in a moment: a killed process closes its files before it is quite gone. */
const childStopped = (dir: string): Promise<boolean> => until(() => stopped(Number(readFileSync(join(dir, 'pid'), 'utf8'))));

/** A tool that starts `sleep 1000` as its child and notes the child's process id in `pid`. */
const sleeper = (wait: boolean): string[] => ['-c', `sleep 1000 & echo $! > pid${wait ? '; wait' : ''}`];

describe.skipIf(!existsSync('/proc/self/stat'))('runTool stops what the tool started', { timeout: 60_000 }, () => {
  it('when it runs too long', async () => {
    await inTempFolder('kinkproof-test-', async (dir) => {
      const run = await runTool(sh, sleeper(true), { ...limits(dir), timeoutMs: 300 });
      expect(run.outcome).toBe('timeout');
      expect(await childStopped(dir)).toBe(true);
    });
  });

  it('when the tool ends and leaves it running (and does not wait for it)', async () => {
    await inTempFolder('kinkproof-test-', async (dir) => {
      const run = await runTool(sh, sleeper(false), limits(dir));
      expect(run).toMatchObject({ outcome: 'exited', exitCode: 0 });
      expect(await childStopped(dir)).toBe(true);
    });
  });

  /**
   * A Node process (the source under test, bundled) that runs the sleeper in a folder of
   * inTempFolder, as the CLI runs pdflatex; `prelude` goes first. Started once the sleeper is.
   */
  async function driver(dir: string, prelude: string): Promise<{ node: ReturnType<typeof spawn>; ended: Promise<{ code: number | null; signal: string | null; stdout: string }>; folder: string }> {
    const runner = join(dir, 'toolRunner.mjs');
    const source = join(dirname(fileURLToPath(import.meta.url)), '../../src/report/toolRunner.ts');
    await build({ entryPoints: [source], outfile: runner, bundle: true, format: 'esm', platform: 'node', logLevel: 'silent' });
    const pid = join(dir, 'pid');
    const script = [
      `import { writeFileSync } from 'node:fs';`,
      `import { inTempFolder, runTool } from ${JSON.stringify(runner)};`,
      prelude,
      `await inTempFolder('kinkproof-driver-', (folder) => {`,
      `  writeFileSync(${JSON.stringify(join(dir, 'folder'))}, folder);`,
      `  return runTool(${JSON.stringify(sh)}, ['-c', 'sleep 1000 & echo $! > ${pid}; wait'], { cwd: folder, env: {}, timeoutMs: 60000, maxFileBytes: 4096 });`,
      `});`,
      `console.log('run ended');`,
    ].join('\n');
    await writeFile(join(dir, 'driver.mjs'), script);
    const node = spawn(process.execPath, [join(dir, 'driver.mjs')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    node.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    const ended = new Promise<{ code: number | null; signal: string | null; stdout: string }>((resolve) => node.on('close', (code, signal) => resolve({ code, signal, stdout })));
    expect(await until(() => existsSync(pid) && readFileSync(pid, 'utf8').endsWith('\n'))).toBe(true);
    return { node, ended, folder: readFileSync(join(dir, 'folder'), 'utf8') };
  }

  it('when this process is stopped by Ctrl-C (SIGINT), which then dies of it, its folder removed', async () => {
    await inTempFolder('kinkproof-test-', async (dir) => {
      const { node, ended, folder } = await driver(dir, '');
      expect(existsSync(folder)).toBe(true);
      node.kill('SIGINT');
      expect(await ended).toMatchObject({ signal: 'SIGINT', stdout: '' });
      expect(await childStopped(dir)).toBe(true);
      expect(existsSync(folder)).toBe(false);
    });
  });

  it('when the program handles the signal itself: its handler runs once, the run is stopped', async () => {
    await inTempFolder('kinkproof-test-', async (dir) => {
      const prelude = `let calls = 0;\nprocess.on('SIGTERM', () => calls++);\nprocess.on('exit', () => console.log('handled ' + calls));`;
      const { node, ended } = await driver(dir, prelude);
      node.kill('SIGTERM');
      const { code, signal, stdout } = await ended;
      expect([code, signal]).toEqual([0, null]);
      expect(stdout).toBe('run ended\nhandled 1\n');
      expect(await childStopped(dir)).toBe(true);
    });
  });
});

describe('inTempFolder', () => {
  it('removes the folder after success and after failure', async () => {
    let kept = '';
    await inTempFolder('kinkproof-test-', async (dir) => {
      kept = dir;
      await writeFile(join(dir, 'f'), 'x');
    });
    expect(existsSync(kept)).toBe(false);
    await expect(inTempFolder('kinkproof-test-', async (dir) => ((kept = dir), Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    expect(existsSync(kept)).toBe(false);
  });
});
