/**
 * A reader that stops early (`kinkproof … | head`): the CLI, a real process
 * here because only a process has a pipe to lose, ends with the status SIGPIPE
 * would give (141) and writes no stack trace.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/kinkproof.mjs', import.meta.url));

function runWithClosedStdout(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first write
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed standard output', () => {
  it('ends derive --json quietly with status 141', async () => {
    const r = await runWithClosedStdout(['derive', "norm(relu(X),'fro')^2", '--json', '--no-verify']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(141);
  });
});
