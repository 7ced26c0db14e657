/**
 * Preloaded preambles. Loading the class and packages of a kinkproof report
 * is about half of pdflatex's time on it, and it is the same
 * for every report: so from the second report of a process on (`build --pdf`,
 * a test run; one report alone would only pay for the dump) it is done once, as a format file
 * (`pdflatex -ini … \dump`) made from the fixed preamble text alone, in its own
 * sandboxed folder, and kept in memory. A report whose source begins with that
 * preamble is then compiled from the format, with the preamble lines blanked
 * (line numbers in the log stay the source's). Any other source, or any
 * failure to make the format, takes the ordinary path.
 *
 * Both paths give the same PDF bytes (test/report/pdfFormat.test.ts compares
 * them), so what a compile writes never depends on what the process compiled
 * before. A format does not keep everything a preamble does: with xcolor
 * (loaded by TikZ), whose file ends with `\color{black}`, page 1 of a
 * report compiled from the format had one colour operator fewer. The body sets
 * that colour again, which gives the ordinary compile's bytes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LATEX_PREAMBLE, TEXT_PREAMBLE } from './latex.js';
import { inTempFolder, runTool } from './toolRunner.js';
import type { RunLimits } from './toolRunner.js';

interface Preamble {
  /** The class and packages, as a report's source begins with them. */
  readonly header: string;
  /** What the preamble does that a format does not keep, done again on the body's first (blank) line. */
  readonly replay: string;
}

/** The preambles of kinkproof's standalone documents, longest first (one extends the other). */
const PRELOADABLE: readonly Preamble[] = [
  { packages: LATEX_PREAMBLE, replay: '\\color{black}' },
  { packages: TEXT_PREAMBLE, replay: '' },
].map(({ packages, replay }) => ({ header: `\\documentclass{article}\n${packages}\n`, replay }));

/** The name a compile folder gives the format (pdflatex -fmt=NAME finds NAME.fmt in the working folder). */
export const FORMAT_NAME = 'preamble';

export interface Preloaded {
  /** The source with its comment lines and preamble blanked, line for line (the first one replaying what a format does not keep). */
  readonly body: string;
  readonly header: string;
}

/** The source split after a preloadable preamble (leading comment lines allowed), or undefined. */
export function preloadable(source: string): Preloaded | undefined {
  const start = /^(?:%[^\n]*\n)*/.exec(source)![0].length;
  const preamble = PRELOADABLE.find((p) => source.startsWith(p.header, start));
  if (!preamble) return undefined;
  const { header, replay } = preamble;
  const end = start + header.length;
  return { header, body: replay + '\n'.repeat(source.slice(0, end).split('\n').length - 1) + source.slice(end) };
}

const formats = new Map<string, Promise<Uint8Array | undefined>>();
const seen = new Set<string>();

/**
 * The format of `header`, made when it is asked for the second time and then
 * kept; undefined the first time, or when pdflatex could not make it.
 * `limits` are those of a compile, minus the folder.
 */
export async function formatOf(executable: string, header: string, limits: (dir: string) => RunLimits): Promise<Uint8Array | undefined> {
  if (!seen.has(header)) {
    seen.add(header);
    return undefined;
  }
  let format = formats.get(header);
  if (!format) {
    format = inTempFolder('kinkproof-fmt-', async (dir) => {
      await writeFile(join(dir, `${FORMAT_NAME}.tex`), `${header}\\dump\n`, 'utf8');
      const args = ['-ini', `-jobname=${FORMAT_NAME}`, '-no-shell-escape', '-halt-on-error', '-interaction=nonstopmode', '&pdflatex', `${FORMAT_NAME}.tex`];
      const run = await runTool(executable, args, limits(dir));
      if (run.outcome !== 'exited' || run.exitCode !== 0) return undefined;
      return readFile(join(dir, `${FORMAT_NAME}.fmt`)).catch(() => undefined);
    }).catch(() => undefined);
    formats.set(header, format);
  }
  return format;
}
