/**
 * `--tex FILE [--tex-fragment [--section-level L] [--label-prefix P]] [--pdf]`,
 * `--html FILE`, `--md FILE`, `--title TEXT`, `--brief`:
 * narrate the analysis once, render every requested format in memory (and
 * compile the PDF), and only then write each file atomically (a temporary file
 * in the same folder, renamed over the target). A failure anywhere before the
 * renames leaves no output behind. Output is deterministic: no dates, and the
 * evidence comes from a fixed seed.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KinkproofError } from '../diagnostics.js';
import { firstUntypesettable } from '../report/escape.js';
import type { Evidence } from '../numeric/verify.js';
import type { StructuredAnalysis, SymbolicAnalysis } from '../symbolic/index.js';
import type { LatexOptions } from '../report/latexOptions.js';
import type { Derivation } from '../report/model.js';
import { narrate } from '../report/narrate.js';
import { narrateStructured } from '../report/narrate/structured/index.js';
import type { ParsedArgs } from './args.js';
import type { Io } from './main.js';
import { writeAtomically } from './atomicWrite.js';
import { parseLabelPrefix, parseSectionLevel } from './optionValues.js';

interface Output {
  readonly flag: string;
  readonly path: string;
  readonly content: string | Uint8Array;
}

const PDFLATEX_MISSING =
  'pdflatex is not installed, so no PDF was written (Debian: texlive-latex-base texlive-latex-recommended texlive-pictures lmodern)';

const lastFlag = (args: ParsedArgs, name: string): string | undefined => args.flags.get(name)?.at(-1);

/** report.md → report, the stem of its plots' files (report-plot-1.svg); any other name is kept whole. */
const markdownStem = (mdPath: string): string => basename(mdPath).replace(/\.md$/i, '');

/** report.tex → report.pdf; any other name gets .pdf appended. */
export const pdfPathFor = (texPath: string): string => (texPath.endsWith('.tex') ? `${texPath.slice(0, -4)}.pdf` : `${texPath}.pdf`);

/** The target's folder must exist, and the target must not be a folder. */
async function checkTarget(flag: string, path: string): Promise<void> {
  if (path === '') throw new KinkproofError('input', `--${flag} needs a file name`);
  const dir = dirname(resolve(path));
  const dirStat = await stat(dir).catch(() => undefined);
  if (!dirStat?.isDirectory()) throw new KinkproofError('input', `--${flag} ${path}: the folder ${dir} does not exist`);
  const own = await stat(path).catch(() => undefined);
  if (own?.isDirectory()) throw new KinkproofError('input', `--${flag} ${path} is a folder, not a file`);
}

async function compile(tex: string): Promise<Uint8Array> {
  const { compilePdf, PdfCompileError } = await import('../report/pdf.js');
  try {
    return (await compilePdf(tex)).pdf;
  } catch (e) {
    if (e instanceof PdfCompileError && (e.reason === 'timeout' || e.reason === 'output-limit'))
      throw new KinkproofError('limit', `--pdf: ${e.message}`);
    throw e;
  }
}

/** Every requested file's content, rendered in memory; nothing is written here. */
async function render(d: Derivation, args: ParsedArgs, io: Io): Promise<Output[]> {
  const outputs: Output[] = [];
  const tex = lastFlag(args, 'tex');
  const html = lastFlag(args, 'html');
  const md = lastFlag(args, 'md');
  if (tex !== undefined || args.switches.has('pdf')) {
    const { renderLatex } = await import('../report/latex.js');
    const standalone = renderLatex(d, { fragment: false });
    if (tex !== undefined) outputs.push({ flag: 'tex', path: tex, content: args.switches.has('tex-fragment') ? renderLatex(d, fragmentOptions(args)) : standalone });
    if (args.switches.has('pdf')) {
      const { pdflatexAvailable } = await import('../report/pdf.js');
      // A fragment cannot compile by itself: the PDF is always made from the standalone document.
      if (pdflatexAvailable()) outputs.push({ flag: 'pdf', path: pdfPathFor(tex!), content: await compile(standalone) });
      else io.stderr(`kinkproof: ${PDFLATEX_MISSING}\n`);
    }
  }
  if (html !== undefined) outputs.push({ flag: 'html', path: html, content: await (await import('../report/html.js')).renderHtml(d) });
  if (md !== undefined) {
    const { markdownWithPlotFiles } = await import('../report/markdownPlots.js');
    const { markdown, plots } = markdownWithPlotFiles(d, markdownStem(md));
    outputs.push({ flag: 'md', path: md, content: markdown }, ...plots.map((p) => ({ flag: 'md', path: join(dirname(md), p.name), content: p.content })));
  }
  return outputs;
}

function fragmentOptions(args: ParsedArgs): LatexOptions {
  const sectionLevel = parseSectionLevel(lastFlag(args, 'section-level'));
  const labelPrefix = parseLabelPrefix(lastFlag(args, 'label-prefix'));
  return { fragment: true, ...(sectionLevel ? { sectionLevel } : {}), ...(labelPrefix ? { labelPrefix } : {}) };
}

/** Every report option is checked before any work; each problem is a one-line input error. */
export function validateReportOptions(args: ParsedArgs): void {
  const tex = lastFlag(args, 'tex');
  if (args.switches.has('tex-fragment') && tex === undefined) throw new KinkproofError('input', '--tex-fragment modifies --tex FILE, which is missing');
  for (const flag of ['section-level', 'label-prefix'])
    if (args.flags.has(flag) && !args.switches.has('tex-fragment'))
      throw new KinkproofError('input', `--${flag} applies to a --tex-fragment, which is not requested`);
  fragmentOptions(args);
  if (args.switches.has('brief') && !(['tex', 'html', 'md'] as const).some((f) => args.flags.has(f)))
    throw new KinkproofError('input', '--brief shortens the reports (--tex, --html, --md), and none is requested');
  if (args.switches.has('pdf') && tex === undefined) throw new KinkproofError('input', '--pdf compiles the --tex FILE, which is missing');
  const title = lastFlag(args, 'title');
  const untypesettable = tex === undefined || title === undefined ? undefined : firstUntypesettable(title);
  if (untypesettable) {
    const { char, position } = untypesettable;
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new KinkproofError('input', `--title: character ${JSON.stringify(char)} (${code}) at position ${position} has no glyph in the LaTeX report (pdflatex with T1 fonts); --html and --md show it`);
  }
  const paths = (['tex', 'html', 'md'] as const).flatMap((f) => {
    const p = lastFlag(args, f);
    return p === undefined ? [] : [resolve(p)];
  });
  if (args.switches.has('pdf') && tex !== undefined) paths.push(resolve(pdfPathFor(tex)));
  if (new Set(paths).size !== paths.length) throw new KinkproofError('input', 'two reports would be written to the same file');
}

/** Separable f and structured f (not separable) go through the same renderers and the same atomic writes. */
export async function writeReports(analysis: SymbolicAnalysis | StructuredAnalysis, evidence: Evidence | null, args: ParsedArgs, io: Io): Promise<void> {
  validateReportOptions(args);
  for (const flag of ['tex', 'html', 'md'] as const) {
    const path = lastFlag(args, flag);
    if (path !== undefined) await checkTarget(flag, path);
  }
  const tex = lastFlag(args, 'tex');
  if (args.switches.has('pdf') && tex !== undefined) await checkTarget('pdf', pdfPathFor(tex));
  const title = lastFlag(args, 'title');
  const options = { ...(title === undefined ? {} : { title }), brief: args.switches.has('brief') };
  const derivation = analysis.kind === 'structured' ? narrateStructured(analysis, evidence, options) : narrate(analysis, evidence, options);
  const outputs = await render(derivation, args, io);
  await writeAtomically(outputs);
  for (const o of outputs) io.stderr(`kinkproof: wrote ${o.path}\n`);
}
