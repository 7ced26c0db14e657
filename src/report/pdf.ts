/**
 * Compiling generated LaTeX to PDF, sandboxed as DESIGN.md ("Security of
 * generated documents") asks: a fresh temporary folder holding only the source,
 * `-no-shell-escape`, kpathsea's paranoid `openin_any=p` / `openout_any=p` (no
 * absolute paths, no `..`, no dot files), an environment cleared to what
 * pdflatex needs, a timeout and a per-file size limit. The folder is removed
 * afterwards. Also page-to-PNG and text extraction with poppler, for tests.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FORMAT_NAME, formatOf, preloadable } from './pdfFormat.js';
import { findExecutable, inTempFolder, runTool } from './toolRunner.js';
import type { RunLimits, RunResult } from './toolRunner.js';

export interface CompileOptions {
  /** Wall-clock limit per pdflatex run (default 60 s). */
  readonly timeoutMs?: number;
  /** Largest file pdflatex may write, PDF and log included (default 32 MB). */
  readonly maxOutputBytes?: number;
}

export type PdfFailure = 'no-pdflatex' | 'latex-error' | 'timeout' | 'output-limit' | 'tool-error';

export class PdfCompileError extends Error {
  readonly reason: PdfFailure;
  /** The whole pdflatex log ('' when there is none). */
  readonly log: string;

  constructor(reason: PdfFailure, message: string, log = '') {
    super(message);
    this.name = 'PdfCompileError';
    this.reason = reason;
    this.log = log;
  }
}

const DEFAULTS = { timeoutMs: 60_000, maxOutputBytes: 32 * 1024 * 1024 } as const;
const JOB = 'report';

export const pdflatexAvailable = (): boolean => findExecutable('pdflatex') !== undefined;

/** The only variables pdflatex sees. TEXMFOUTPUT, TEXINPUTS and friends are deliberately absent. */
function sandboxEnv(executable: string, home: string): Record<string, string> {
  return {
    PATH: [dirname(executable), '/usr/bin', '/bin'].join(':'),
    HOME: home,
    LC_ALL: 'C',
    openin_any: 'p',
    openout_any: 'p',
    shell_escape: 'f',
    // Fixed PDF dates and /ID, so the same source gives the same bytes.
    SOURCE_DATE_EPOCH: '0',
  };
}

/** The error lines of a log (`-file-line-error` style or `!`), with a little context. */
function logExcerpt(log: string, maxLines = 24): string {
  const lines = log.split('\n');
  const picked = new Set<number>();
  lines.forEach((line, i) => {
    if (/^(\.\/[^:]+:\d+:|!)/.test(line)) for (let k = i; k < Math.min(i + 4, lines.length); k++) picked.add(k);
  });
  return [...picked].slice(0, maxLines).map((i) => lines[i]).join('\n');
}

function failure(run: RunResult, log: string, limits: RunLimits): PdfCompileError | undefined {
  if (run.outcome === 'timeout') return new PdfCompileError('timeout', `pdflatex took longer than ${limits.timeoutMs} ms and was stopped`, log);
  if (run.outcome === 'file-too-large')
    return new PdfCompileError('output-limit', `pdflatex tried to write a file larger than ${limits.maxFileBytes} bytes`, log);
  if (run.outcome === 'killed') return new PdfCompileError('tool-error', 'pdflatex was killed by a signal', log);
  if (run.exitCode !== 0) {
    const refused = run.stderr.split('\n').filter((l) => /Not (reading|writing)/.test(l));
    const details = [logExcerpt(log), ...refused].filter(Boolean).join('\n') || run.stdout.slice(-2000);
    return new PdfCompileError('latex-error', `pdflatex failed:\n${details}`, log);
  }
  return undefined;
}

const needsRerun = (log: string): boolean => /Rerun to get|Label\(s\) may have changed/.test(log);

/** Compile a LaTeX document; throws PdfCompileError with the relevant log lines on failure. */
export async function compilePdf(texSource: string, opts: CompileOptions = {}): Promise<{ pdf: Uint8Array; log: string }> {
  const executable = findExecutable('pdflatex');
  if (!executable) throw new PdfCompileError('no-pdflatex', 'pdflatex is not installed (Debian: texlive-latex-base)');
  const limitsIn = (dir: string, o: CompileOptions): RunLimits => ({
    cwd: dir,
    env: sandboxEnv(executable, dir),
    timeoutMs: o.timeoutMs ?? DEFAULTS.timeoutMs,
    maxFileBytes: o.maxOutputBytes ?? DEFAULTS.maxOutputBytes,
  });
  const preloaded = preloadable(texSource);
  // The format is made under the default limits whoever asks first, so what is kept never depends on one caller's options.
  const format = preloaded && (await formatOf(executable, preloaded.header, (dir) => limitsIn(dir, {})));
  if (preloaded && format) {
    try {
      return await compileIn(executable, preloaded.body, (dir) => limitsIn(dir, opts), format);
    } catch (error) {
      // A LaTeX error is reported as the ordinary compile reports it.
      if (!(error instanceof PdfCompileError && error.reason === 'latex-error')) throw error;
    }
  }
  return compileIn(executable, texSource, (dir) => limitsIn(dir, opts));
}

/** One compile in a fresh folder (from `format` when given: the source's preamble is in it). */
function compileIn(executable: string, source: string, limitsIn: (dir: string) => RunLimits, format?: Uint8Array): Promise<{ pdf: Uint8Array; log: string }> {
  return inTempFolder('kinkproof-tex-', async (dir) => {
    await writeFile(join(dir, `${JOB}.tex`), source, 'utf8');
    if (format) await writeFile(join(dir, `${FORMAT_NAME}.fmt`), format);
    const limits = limitsIn(dir);
    const args = [...(format ? [`-fmt=${FORMAT_NAME}`] : []), '-no-shell-escape', '-halt-on-error', '-interaction=nonstopmode', '-file-line-error', `${JOB}.tex`];
    let log = '';
    for (let pass = 1; pass <= 2; pass++) {
      const run = await runTool(executable, args, limits);
      log = await readFile(join(dir, `${JOB}.log`), 'utf8').catch(() => '');
      const error = failure(run, log, limits);
      if (error) throw error;
      if (!needsRerun(log)) break;
    }
    const pdf = await readFile(join(dir, `${JOB}.pdf`)).catch(() => undefined);
    if (!pdf) throw new PdfCompileError('latex-error', `pdflatex produced no PDF:\n${logExcerpt(log)}`, log);
    return { pdf, log };
  });
}

/** Run a poppler tool on `pdf` (as in.pdf) in a temporary folder, then let `read` collect its output. */
async function withPoppler<T>(tool: string, pdf: Uint8Array, args: readonly string[], read: (dir: string, run: RunResult) => Promise<T>): Promise<T> {
  const executable = findExecutable(tool);
  if (!executable) throw new PdfCompileError('tool-error', `${tool} is not installed (Debian: poppler-utils)`);
  return inTempFolder('kinkproof-pdf-', async (dir) => {
    await writeFile(join(dir, 'in.pdf'), pdf);
    const run = await runTool(executable, args, {
      cwd: dir,
      env: { PATH: '/usr/bin:/bin', HOME: dir },
      timeoutMs: DEFAULTS.timeoutMs,
      maxFileBytes: DEFAULTS.maxOutputBytes,
    });
    if (run.outcome !== 'exited' || run.exitCode !== 0) throw new PdfCompileError('tool-error', `${tool} failed: ${run.stderr.trim()}`);
    return read(dir, run);
  });
}

/** One page of a PDF as PNG (`pdftoppm -png -r resolution`). */
export function pdfToPng(pdf: Uint8Array, page = 1, resolution = 60): Promise<Uint8Array> {
  const args = ['-png', '-f', String(page), '-l', String(page), '-r', String(resolution), 'in.pdf', 'page'];
  return withPoppler('pdftoppm', pdf, args, async (dir) => {
    const png = (await readdir(dir)).find((f) => f.startsWith('page') && f.endsWith('.png'));
    if (!png) throw new PdfCompileError('tool-error', `pdftoppm wrote no page ${page}`);
    return readFile(join(dir, png));
  });
}

/** The text of a PDF (`pdftotext`), in reading order. */
export function pdfToText(pdf: Uint8Array): Promise<string> {
  return withPoppler('pdftotext', pdf, ['-enc', 'UTF-8', 'in.pdf', '-'], async (_dir, run) => run.stdout);
}

export const popplerAvailable = (): boolean => findExecutable('pdftoppm') !== undefined && findExecutable('pdftotext') !== undefined;
