/**
 * Running the external TeX and poppler tools: found on PATH by absolute path,
 * with an explicit environment, a wall-clock timeout (SIGKILL) and a limit on
 * the size of every file the process writes (RLIMIT_FSIZE via `ulimit -f`).
 * Each run is a process group of its own, so that the timeout stops whatever the
 * tool started too (a `pdflatex` on PATH may be a wrapper script that runs the
 * real one as its child), and nothing it started outlives it.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
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

/** Process groups of the runs under way, stopped with this process (see `stopWithProcess`). */
const running = new Set<number>();
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const killGroup = (pgid: number): void => {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // the group has no process left
  }
};

/** Ctrl-C reaches only the terminal's foreground group, not a run's own: stop the runs, then die of the same signal. */
function onStopSignal(signal: NodeJS.Signals): void {
  stopRunning();
  process.kill(process.pid, signal);
}

function stopRunning(): void {
  for (const pgid of running) killGroup(pgid);
  running.clear();
  for (const signal of STOP_SIGNALS) process.removeListener(signal, onStopSignal);
  process.removeListener('exit', stopRunning);
}

/** Keep `pgid` until `release`, stopping it should this process end first. */
function stopWithProcess(pgid: number): () => void {
  if (running.size === 0) {
    for (const signal of STOP_SIGNALS) process.once(signal, onStopSignal);
    process.once('exit', stopRunning);
  }
  running.add(pgid);
  return () => {
    running.delete(pgid);
    if (running.size === 0) stopRunning();
  };
}

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
    const release = pgid === undefined ? () => undefined : stopWithProcess(pgid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (pgid !== undefined) killGroup(pgid);
    }, limits.timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout = (stdout + s).slice(0, MAX_CAPTURED_CHARS)));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(0, MAX_CAPTURED_CHARS)));
    child.on('error', (e) => {
      clearTimeout(timer);
      release();
      reject(e);
    });
    // What the tool left running would hold its output open (and 'close' would wait for it).
    child.on('exit', () => {
      if (pgid !== undefined) killGroup(pgid);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      release();
      const tooLarge = signal === 'SIGXFSZ' || exitCode === SHELL_FILE_TOO_LARGE;
      const outcome = timedOut ? 'timeout' : tooLarge ? 'file-too-large' : signal === null ? 'exited' : 'killed';
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
