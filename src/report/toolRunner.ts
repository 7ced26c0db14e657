/**
 * Running the external TeX and poppler tools: found on PATH by absolute path,
 * with an explicit environment, a wall-clock timeout (SIGKILL) and a limit on
 * the size of every file the process writes (RLIMIT_FSIZE via `ulimit -f`).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Absolute path of an executable on PATH, or undefined. */
export function findExecutable(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

export interface RunLimits {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Largest file the process may write, in bytes (rounded up to 512). */
  readonly maxFileBytes: number;
}

export interface RunResult {
  readonly exitCode: number | null;
  readonly outcome: 'exited' | 'timeout' | 'file-too-large' | 'killed';
  readonly stdout: string;
  readonly stderr: string;
}

/** Output kept from stdout/stderr; the rest is dropped (the log file has it). */
const MAX_CAPTURED_CHARS = 1_000_000;

export function runTool(executable: string, args: readonly string[], limits: RunLimits): Promise<RunResult> {
  const blocks = Math.max(1, Math.ceil(limits.maxFileBytes / 512));
  // sh only sets the limit and execs: the executable and its arguments are positional, never parsed.
  const script = 'ulimit -f "$1" && shift && exec "$@"';
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', script, 'sh', String(blocks), executable, ...args], {
      cwd: limits.cwd,
      env: { ...limits.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout = (stdout + s).slice(0, MAX_CAPTURED_CHARS)));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(0, MAX_CAPTURED_CHARS)));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const outcome = timedOut ? 'timeout' : signal === null ? 'exited' : signal === 'SIGXFSZ' ? 'file-too-large' : 'killed';
      resolve({ exitCode, outcome, stdout, stderr });
    });
  });
}

/** Run `work` in a fresh private temporary folder that is removed afterwards, whatever happens. */
export async function inTempFolder<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
