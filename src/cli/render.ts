/**
 * `kinkproof render IN.md [-o OUT.md]`: a Markdown page with its ```kinkproof
 * fences rewritten as Markdown with `$…$` / `$$…$$` math, for site generators
 * that are not JavaScript (MkDocs, mdBook, Quarto, Sphinx/MyST) as a pre-build
 * step. A false claim or a failed verification names file:line and exits 1.
 * `kinkproof render DIR -o OUTDIR` does the same for a docs folder: every .md
 * file rewritten, every other file copied, at the same relative paths — all
 * written or, if a page fails, none.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { KinkproofError } from '../diagnostics.js';
import { rewriteFences } from '../docs/markdownFences.js';
import { writeAtomically } from './atomicWrite.js';
import { loadFrontEndFor } from './inputLanguage.js';
import type { ParsedArgs } from './args.js';
import type { Io } from './main.js';
import { parseSeed, parseTimeout } from './optionValues.js';
import { readTextFile } from './readText.js';

export const MAX_PAGE_BYTES = 1_000_000;
/** Derivations sit under the page's own headings: ### title, #### steps. */
const HEADING_DEPTH = 3;

const read = (file: string): string => readTextFile(file, MAX_PAGE_BYTES);

/** Files and folders under a docs folder at most: a pre-build step over a site, not a disk. */
export const MAX_FOLDER_FILES = 5000;

type RenderOptions = Parameters<typeof rewriteFences>[1];

/** Every file under dir (recursively; dot files and symbolic links skipped), in name order. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) out.push(path);
      if (out.length > MAX_FOLDER_FILES) throw new KinkproofError('limit', `render: more than ${MAX_FOLDER_FILES} files under ${dir}`);
    }
  };
  visit(dir);
  return out;
}

/** One page rewritten; its failure reported as file:line with the exit code, its warnings printed. */
function renderPage(file: string, source: string, options: RenderOptions, io: Io): string | number {
  const result = rewriteFences(source, options);
  if (!result.ok) {
    io.stderr(`kinkproof: ${file}:${result.line}: ${result.failure.message}\n`);
    return result.failure.kind === 'check' ? 1 : 2;
  }
  for (const w of result.warnings) io.stderr(`kinkproof: ${file}:${w.line}: warning: ${w.message}\n`);
  return result.text;
}

async function renderFolder(dir: string, out: string | undefined, options: RenderOptions, io: Io): Promise<number> {
  if (out === undefined) throw new KinkproofError('input', `render ${dir}: a folder needs -o OUTDIR (its pages are written there, never over the sources)`);
  const inside = relative(resolve(dir), resolve(out));
  if (!inside.startsWith('..') && !isAbsolute(inside))
    throw new KinkproofError('input', `render ${dir}: -o ${out} is inside the folder it renders; write it elsewhere`);
  const files = filesUnder(dir);
  const pages = files.filter((f) => f.endsWith('.md'));
  const sources = new Map(pages.map((f) => [f, read(f)]));
  await loadFrontEndFor([...sources.values()], undefined);
  const outputs: { path: string; content: string | Uint8Array }[] = [];
  for (const file of files) {
    const source = sources.get(file);
    const content = source === undefined ? readFileSync(file) : renderPage(file, source, options, io);
    if (typeof content === 'number') return content; // nothing written
    outputs.push({ path: join(out, relative(dir, file)), content });
  }
  // Folders are made only once every page has rendered: a failing page leaves nothing behind.
  for (const o of outputs) mkdirSync(dirname(o.path), { recursive: true });
  await writeAtomically(outputs);
  io.stderr(`kinkproof: rendered ${pages.length} page${pages.length === 1 ? '' : 's'} and copied ${files.length - pages.length} other file${files.length - pages.length === 1 ? '' : 's'} into ${out}\n`);
  return 0;
}

export async function renderCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [file, ...more] = args.positional;
  if (file === undefined || more.length > 0) throw new KinkproofError('input', 'render takes one Markdown file or one folder: kinkproof render IN.md [-o OUT.md], kinkproof render DIR -o OUTDIR');
  const out = args.flags.get('out')?.at(-1);
  const options = { seed: parseSeed(args.flags.get('seed')?.at(-1)), timeoutSeconds: parseTimeout(args.flags.get('timeout')?.at(-1)), headingDepth: HEADING_DEPTH };
  if (isFolder(file)) return renderFolder(file, out, options, io);
  const source = read(file);
  await loadFrontEndFor([source], undefined); // a fence may hold LaTeX
  const text = renderPage(file, source, options, io);
  if (typeof text === 'number') return text;
  if (out === undefined) io.stdout(text);
  else await writeAtomically([{ path: out, content: text }]);
  return 0;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // read() names the problem
  }
}
