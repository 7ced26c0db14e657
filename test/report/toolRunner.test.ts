import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExecutable, inTempFolder, runTool } from '../../src/report/toolRunner.js';

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
