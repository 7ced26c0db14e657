/**
 * Running the external TeX and poppler tools: found on PATH by absolute path,
 * with an explicit environment, a wall-clock timeout (SIGKILL) and a limit on
 * the size of every file the process writes (RLIMIT_FSIZE via `ulimit -f`).
 * Each run is a process group of its own, so that the timeout stops whatever the
 * tool started too (a `pdflatex` on PATH may be a wrapper script that runs the
 * real one as its child), and nothing it started outlives it; Ctrl-C or the end
 * of this process stops the runs and removes their folders.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { constants as osConstants, tmpdir } from 'node:os';
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

/** Clean-ups of the runs and folders under way, done should this process end first (newest first). */
const cleanups = new Set<() => void>();
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const killGroup = (pgid: number): void => {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // the group has no process left
  }
};

/**
 * Ctrl-C reaches only the terminal's foreground group, not a run's own: stop the runs and remove
 * their folders, then die of the same signal, unless the program has a handler of its own for it.
 */
function onStopSignal(signal: NodeJS.Signals): void {
  cleanUp();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function cleanUp(): void {
  for (const cleanup of [...cleanups].reverse()) cleanup();
  cleanups.clear();
  listen(false);
}

function listen(on: boolean): void {
  for (const signal of STOP_SIGNALS) {
    if (on) process.on(signal, onStopSignal);
    else process.removeListener(signal, onStopSignal);
  }
  if (on) process.on('exit', cleanUp);
  else process.removeListener('exit', cleanUp);
}

/** Do `cleanup` should this process end before `release` is called. */
function untilReleased(cleanup: () => void): () => void {
  if (cleanups.size === 0) listen(true);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) listen(false);
  };
}

/** How long output may stay open after the tool ended or was stopped (by something it started that left its group). */
const OUTPUT_GRACE_MS = 5000;

/** The exit code a shell gives for a child killed by SIGXFSZ (a wrapper script reports its tool's death so). */
const SHELL_FILE_TOO_LARGE = 128 + osConstants.signals.SIGXFSZ;

export function runTool(executable: string, args: readonly string[], limits: RunLimits): Promise<RunResult> {
  const blocks = Math.max(1, Math.ceil(limits.maxFileBytes / 512));
  // sh only sets the limit and execs: the executable and its arguments are positional, never parsed.
  const script = 'ulimit -f "$1" && shift && exec "$@"';
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', script, 'sh', String(blocks), executable, ...args], {
      cwd: limits.cwd,
      env: { ...limits.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const pgid = child.pid;
    const release = pgid === undefined ? () => undefined : untilReleased(() => killGroup(pgid));
    let timedOut = false;
    let grace: NodeJS.Timeout | undefined;
    // Resolved at 'close' (all output read), or OUTPUT_GRACE_MS after the tool ended, whatever still holds its output.
    const endOutput = (): void => {
      grace ??= setTimeout(() => [child.stdout, child.stderr].forEach((s) => s.destroy()), OUTPUT_GRACE_MS);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      if (pgid !== undefined) killGroup(pgid);
      endOutput();
    }, limits.timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout = (stdout + s).slice(0, MAX_CAPTURED_CHARS)));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(0, MAX_CAPTURED_CHARS)));
    const finish = (): void => {
      clearTimeout(timer);
      clearTimeout(grace);
      release();
    };
    child.on('error', (e) => {
      finish();
      reject(e);
    });
    // What the tool left running would hold its output open (and 'close' would wait for it).
    child.on('exit', () => {
      clearTimeout(timer);
      if (pgid !== undefined) killGroup(pgid);
      endOutput();
    });
    child.on('close', (exitCode, signal) => {
      finish();
      const tooLarge = signal === 'SIGXFSZ' || exitCode === SHELL_FILE_TOO_LARGE;
      const outcome = timedOut ? 'timeout' : tooLarge ? 'file-too-large' : signal === null ? 'exited' : 'killed';
      resolve({ exitCode, outcome, stdout, stderr });
    });
  });
}

/** Run `work` in a fresh private temporary folder that is removed afterwards, whatever happens. */
export async function inTempFolder<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  // Removed also when this process is stopped (Ctrl-C) or exits first.
  const release = untilReleased(() => rmSync(dir, { recursive: true, force: true }));
  try {
    return await work(dir);
  } finally {
    release();
    await rm(dir, { recursive: true, force: true });
  }
}
