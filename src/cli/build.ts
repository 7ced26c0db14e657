/**
 * `kinkproof build [DIR] [--out DIR] [--pdf]`: a docs build of every proof
 * file in DIR (default `proofs`, not recursive, dot files skipped). Each proof
 * becomes one page — its function's derivation plus the checked statements —
 * as .tex, .html and .md (with the plots as .svg files for Markdown), and an
 * index page links them all; written to --out (default `out/proofs`).
 *
 * Every file is staged next to its target and renamed into place only once
 * all of them are rendered, so a failure leaves no partial output. The output
 * is deterministic: files in name order, a fixed seed, no dates (PDFs use
 * SOURCE_DATE_EPOCH=0).
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { KinkproofError } from '../diagnostics.js';
import { parseProof } from '../check/proofs/parseProof.js';
import type { Proof } from '../check/proofs/parseProof.js';
import { analyze } from '../api/analyze.js';
import { checkProof } from '../api/prove.js';
import type { ProofReport } from '../check/proofs/proofReport.js';
import { proveExitCode, tally } from '../check/proofs/proofReportText.js';
import type { Evidence } from '../numeric/verify.js';
import { cleanText } from '../report/escape.js';
import { renderIndexHtml, renderIndexLatex, renderIndexMarkdown } from '../report/index-page.js';
import type { IndexEntry } from '../report/index-page.js';
import type { MathCache } from '../report/html.js';
import type { Derivation } from '../report/model.js';
import { narrate } from '../report/narrate.js';
import { passedOf, proofCounts, proofDerivation, proofStatus } from '../report/narrate/proof.js';
import type { FunctionDerivation } from '../report/narrate/proof.js';
import type { ConstantMatrix, SymbolicAnalysis } from '../symbolic/index.js';
import { parseConstants, parseSeed, parseTimeout } from './optionValues.js';
import type { ParsedArgs } from './args.js';
import { StagedFiles } from './atomicWrite.js';
import { loadFrontEndFor } from './inputLanguage.js';
import { crossCheckWithProgress } from './derive.js';
import type { Io } from './main.js';
import { MAX_PROOF_BYTES } from './prove.js';

export const DEFAULT_PROOF_DIR = 'proofs';
export const DEFAULT_OUT_DIR = 'out/proofs';
export const MAX_PROOF_FILES = 1000;
/** Room for the longest suffix ("-plot-N.svg") and the temporary name within 255 bytes. */
const MAX_STEM = 200;
const EXTENSION = '.proof';
const INDEX = 'index';

interface Options {
  readonly constants: ReadonlyMap<string, ConstantMatrix>;
  readonly seed: number;
  readonly timeoutSeconds: number | undefined;
}

interface Source {
  /** The file name in DIR (user text). */
  readonly name: string;
  readonly path: string;
  /** The sanitised base name of its outputs. */
  readonly stem: string;
}

interface Page {
  readonly source: Source;
  readonly proof: Proof;
  readonly report: ProofReport;
  readonly derivation: Derivation;
  readonly evidence: Evidence | null;
}

interface Output {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** `my proof.v2.proof` → `my_proof.v2`: only [A-Za-z0-9._-], so a name can never leave --out. */
export const outputStem = (fileName: string): string =>
  fileName.slice(0, -EXTENSION.length).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, MAX_STEM);

/** Options are checked per command in main.ts (args.ts COMMAND_OPTIONS). */
function validate(args: ParsedArgs): void {
  if (args.positional.length > 1) throw new KinkproofError('input', `build takes one folder of proof files, got ${args.positional.length} arguments`);
}

async function listSources(dir: string): Promise<Source[]> {
  const own = await stat(dir).catch(() => undefined);
  if (!own) throw new KinkproofError('input', `build: ${dir}: no such folder`);
  if (!own.isDirectory()) throw new KinkproofError('input', `build: ${dir} is not a folder (to check single files, use kinkproof prove FILE...)`);
  const names: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !entry.name.endsWith(EXTENSION)) continue;
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(join(dir, entry.name)).catch(() => undefined))?.isFile());
    if (isFile) names.push(entry.name);
  }
  if (names.length === 0) throw new KinkproofError('input', `build: no ${EXTENSION} files in ${dir}`);
  if (names.length > MAX_PROOF_FILES) throw new KinkproofError('limit', `build: more than ${MAX_PROOF_FILES} proof files in ${dir}`);
  // Code-unit order, not the locale's, so every machine lists the same index.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => ({ name, path: join(dir, name), stem: outputStem(name) }));
}

/** Two outputs whose names differ only in case would overwrite each other on macOS and Windows. */
function refuseCollisions(sources: readonly Source[]): void {
  const owner = new Map<string, string>([[INDEX, 'the index page']]);
  for (const s of sources) {
    const key = s.stem.toLowerCase();
    const other = owner.get(key);
    if (other !== undefined)
      throw new KinkproofError('input', `build: ${s.path} and ${other} would both be written as ${s.stem}.html/.md/.tex; rename one`);
    owner.set(key, s.path);
  }
}

async function read(path: string): Promise<string> {
  const unreadable = (e: NodeJS.ErrnoException): never => {
    throw new KinkproofError('input', `cannot read ${path} (${e.code ?? 'error'})`);
  };
  const { size } = await stat(path).catch(unreadable);
  if (size > MAX_PROOF_BYTES) throw new KinkproofError('limit', `${path}: larger than ${MAX_PROOF_BYTES} bytes`);
  return readFile(path, 'utf8').catch(unreadable);
}

/** The function's derivation, or why there is none; the numeric evidence rides along for the exit code. */
async function functionDerivation(proof: Proof, title: string, options: Options, io: Io): Promise<{ fn: FunctionDerivation; evidence: Evidence | null }> {
  const statement = proof.statements.find((s) => s.kind === 'function');
  if (statement?.kind !== 'function') return { fn: { missing: 'It has no function: line, so there is no derivation.' }, evidence: null };
  let analysis: SymbolicAnalysis;
  try {
    analysis = analyze(statement.expr, { constants: options.constants, timeoutSeconds: options.timeoutSeconds });
  } catch (e) {
    if (!(e instanceof KinkproofError)) throw e;
    return { fn: { missing: `Its function could not be analysed: ${e.message}` }, evidence: null };
  }
  let evidence: Evidence | null = null;
  try {
    evidence = await crossCheckWithProgress(analysis, { seed: options.seed }, io);
  } catch (e) {
    if (!(e instanceof KinkproofError)) throw e;
    io.stderr(`kinkproof: ${proof.file}: no numeric cross-check: ${e.message}\n`);
  }
  return { fn: { derivation: narrate(analysis, evidence, { title }) }, evidence };
}

async function parseSource(source: Source, constants: ReadonlyMap<string, ConstantMatrix>): Promise<Proof> {
  const text = await read(source.path);
  await loadFrontEndFor([text], undefined); // each expression's language is detected
  return parseProof(text, source.path, constants);
}

async function checkSource(source: Source, proof: Proof, options: Options, io: Io): Promise<Page> {
  const report = checkProof(proof, options);
  const { fn, evidence } = await functionDerivation(proof, proof.title ?? source.name, options, io);
  return { source, proof, report, derivation: proofDerivation(proof, report, source.name, fn), evidence };
}

async function renderPage(page: Page, mathCache: MathCache): Promise<Output[]> {
  const { stem } = page.source;
  const { renderLatex } = await import('../report/latex.js');
  const { renderHtml } = await import('../report/html.js');
  const { markdownWithPlotFiles } = await import('../report/markdownPlots.js');
  const { markdown, plots } = markdownWithPlotFiles(page.derivation, stem);
  return [
    { name: `${stem}.tex`, content: renderLatex(page.derivation, { fragment: false }) },
    { name: `${stem}.html`, content: await renderHtml(page.derivation, { mathCache }) },
    { name: `${stem}.md`, content: markdown },
    ...plots,
  ];
}

/** Is pdflatex there for --pdf? Without it the build goes on, with a note. */
async function canCompile(io: Io): Promise<boolean> {
  if ((await import('../report/pdf.js')).pdflatexAvailable()) return true;
  io.stderr('kinkproof: pdflatex is not installed, so no PDFs were written (Debian: texlive-latex-base texlive-latex-recommended texlive-pictures lmodern)\n');
  return false;
}

async function compile(name: string, tex: string): Promise<Output> {
  const { compilePdf, PdfCompileError } = await import('../report/pdf.js');
  try {
    return { name: `${name.slice(0, -'.tex'.length)}.pdf`, content: (await compilePdf(tex)).pdf };
  } catch (e) {
    if (!(e instanceof PdfCompileError)) throw e;
    throw new KinkproofError(e.reason === 'timeout' || e.reason === 'output-limit' ? 'limit' : 'input', `--pdf: ${name}: ${e.message}`);
  }
}

/**
 * name.pdf for each name.tex handed in, compiled by up to one pdflatex per
 * core at once (os.availableParallelism) while the next pages are checked.
 * All or nothing: after a failure nothing more starts, and `all` waits for
 * every run under way, then throws the failure of the earliest .tex in the
 * order they were handed in (the one a build compiling one file at a time
 * would have stopped at), so no PDF is staged and no pdflatex outlives the build.
 */
class PdfCompiler {
  private readonly slots = Math.max(1, availableParallelism());
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly results: Promise<Output | undefined>[] = [];
  private failure: { readonly index: number; readonly error: unknown } | undefined;

  get failed(): boolean {
    return this.failure !== undefined;
  }

  add(outputs: readonly Output[]): void {
    for (const o of outputs) if (o.name.endsWith('.tex')) this.results.push(this.run(this.results.length, o.name, String(o.content)));
  }

  /** Every PDF in the order handed in, once all are written; or the earliest failure. */
  async all(): Promise<Output[]> {
    const pdfs = await Promise.all(this.results);
    if (this.failure) throw this.failure.error;
    return pdfs.filter((p): p is Output => p !== undefined);
  }

  /** Waits for the runs under way (and lets none start) when the build fails elsewhere. */
  async settle(): Promise<void> {
    this.failure ??= { index: -1, error: undefined };
    await Promise.all(this.results);
  }

  private async run(index: number, name: string, tex: string): Promise<Output | undefined> {
    await this.slot();
    try {
      if (this.failure) return undefined;
      return await compile(name, tex);
    } catch (e) {
      if (!this.failure || index < this.failure.index) this.failure = { index, error: e };
      return undefined;
    } finally {
      this.release();
    }
  }

  private slot(): Promise<void> {
    if (this.active < this.slots) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resume) => this.waiting.push(resume));
  }

  /** The slot passes to the next run waiting, in the order handed in. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

function indexEntry(page: Page, pdf: boolean): IndexEntry {
  const { stem } = page.source;
  const labels: [string, string][] = [['HTML', 'html'], ['Markdown', 'md'], ['LaTeX', 'tex'], ...(pdf ? [['PDF', 'pdf'] as [string, string]] : [])];
  const fn = page.proof.statements.find((s) => s.kind === 'function');
  return {
    source: page.source.name,
    title: page.proof.title,
    fn: fn?.kind === 'function' ? fn.expr : null,
    status: proofStatus(page.report),
    counts: passedOf(page.report),
    links: labels.map(([label, ext]) => ({ label, href: `${stem}.${ext}` })),
  };
}

const indexOutputs = (entries: readonly IndexEntry[]): Output[] => [
  { name: `${INDEX}.tex`, content: renderIndexLatex(entries) },
  { name: `${INDEX}.html`, content: renderIndexHtml(entries) },
  { name: `${INDEX}.md`, content: renderIndexMarkdown(entries) },
];

/** Create --out (and its parents) if needed; returns the first folder created, to remove on failure. */
async function prepareOut(out: string): Promise<string | undefined> {
  const own = await stat(out).catch(() => undefined);
  if (own && !own.isDirectory()) throw new KinkproofError('input', `--out ${out} is a file, not a folder`);
  if (own) return undefined;
  try {
    return await mkdir(out, { recursive: true });
  } catch (e) {
    throw new KinkproofError('input', `--out ${out}: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

const MARK = { passed: '✓', failed: '✗', undecided: '?', 'bad input': '✗' } as const;

interface Build {
  readonly options: Options;
  readonly pdf: boolean;
  readonly out: string;
  readonly files: StagedFiles;
  readonly io: Io;
}

/** Check, derive, render and stage every proof (one at a time, so memory stays flat), then the index; PDFs compile alongside. */
async function build(sources: readonly Source[], proofs: readonly Proof[], b: Build): Promise<Page[]> {
  const pdfs = b.pdf ? new PdfCompiler() : undefined;
  const mathCache: MathCache = new Map();
  const stage = async (outputs: readonly Output[]): Promise<void> => {
    for (const o of outputs) await b.files.stage(join(b.out, o.name), o.content);
    pdfs?.add(outputs);
  };
  const pages: Page[] = [];
  try {
    for (const [i, source] of sources.entries()) {
      if (pdfs?.failed) break; // its error is thrown below
      const page = await checkSource(source, proofs[i]!, b.options, b.io);
      await stage(await renderPage(page, mathCache));
      pages.push(page);
    }
    if (!pdfs?.failed) await stage(indexOutputs(pages.map((p) => indexEntry(p, b.pdf))));
    for (const pdf of (await pdfs?.all()) ?? []) await b.files.stage(join(b.out, pdf.name), pdf.content);
  } catch (e) {
    await pdfs?.settle();
    throw e;
  }
  return pages;
}

export async function buildCommand(args: ParsedArgs, io: Io): Promise<number> {
  validate(args);
  const dir = args.positional[0] ?? DEFAULT_PROOF_DIR;
  const out = args.flags.get('out')?.at(-1) ?? DEFAULT_OUT_DIR;
  if (out === '') throw new KinkproofError('input', '--out needs a folder name');
  const options: Options = {
    constants: parseConstants(args.flags.get('const') ?? []),
    seed: parseSeed(args.flags.get('seed')?.at(-1)),
    timeoutSeconds: parseTimeout(args.flags.get('timeout')?.at(-1)),
  };
  const sources = await listSources(dir);
  refuseCollisions(sources);
  // Syntax errors first, before anything is created.
  const proofs: Proof[] = [];
  for (const source of sources) proofs.push(await parseSource(source, options.constants));
  const pdf = args.switches.has('pdf') && (await canCompile(io));

  const created = await prepareOut(out);
  const files = new StagedFiles();
  let pages: Page[];
  try {
    pages = await build(sources, proofs, { options, pdf, out, files, io });
    await files.commit();
  } catch (e) {
    await files.discard();
    if (created !== undefined) await rm(created, { recursive: true, force: true });
    throw e;
  }

  // File names and titles are user text: no control characters reach the terminal.
  for (const { source, proof, report } of pages)
    io.stdout(`${cleanText(`${MARK[proofStatus(report)]} ${source.path}${proof.title ? `: ${proof.title}` : ''} (${proofCounts(report)})`)}\n`);
  io.stderr(`kinkproof: wrote ${files.count} files to ${out} (start at ${join(out, `${INDEX}.html`)})\n`);
  return exitCode(pages, io);
}

/** As `prove` (2 bad statement, 1 failed, 3 undecided), and 1 if a derivation's numeric cross-check failed. */
function exitCode(pages: readonly Page[], io: Io): number {
  const code = proveExitCode(tally(pages.map((p) => p.report)));
  const crossCheck = pages.filter((p) => p.evidence?.status === 'failed');
  for (const p of crossCheck) io.stderr(`kinkproof: ${p.source.path}: the numeric cross-check disagrees with the derivation (see its page)\n`);
  const worst = code === 0 && crossCheck.length ? 1 : code;
  if (worst !== 0) io.stderr('kinkproof: not every proof passed; the reports were written anyway and show each verdict\n');
  return worst;
}
