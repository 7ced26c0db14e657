/**
 * `kinkproof render IN.md [-o OUT.md]`: a Markdown page with its ```kinkproof
 * fences rewritten as Markdown with `$…$` / `$$…$$` math, for site generators
 * that are not JavaScript (MkDocs, mdBook, Quarto, Sphinx/MyST) as a pre-build
 * step. A false claim or a failed verification names file:line and exits 1.
 */
import { readFileSync } from 'node:fs';
import { KinkproofError } from '../diagnostics.js';
import { rewriteFences } from '../docs/markdownFences.js';
import { writeAtomically } from './atomicWrite.js';
import { loadFrontEndFor } from './inputLanguage.js';
import type { ParsedArgs } from './args.js';
import type { Io } from './main.js';
import { parseSeed, parseTimeout } from './optionValues.js';

export const MAX_PAGE_BYTES = 1_000_000;
/** Derivations sit under the page's own headings: ### title, #### steps. */
const HEADING_DEPTH = 3;

function read(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new KinkproofError('input', `cannot read ${file}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : ''}`);
  }
  if (text.length > MAX_PAGE_BYTES) throw new KinkproofError('limit', `${file}: larger than ${MAX_PAGE_BYTES} bytes`);
  return text;
}

export async function renderCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [file, ...more] = args.positional;
  if (file === undefined || more.length > 0) throw new KinkproofError('input', 'render takes one Markdown file: kinkproof render IN.md [-o OUT.md]');
  const out = args.flags.get('out')?.at(-1);
  const options = { seed: parseSeed(args.flags.get('seed')?.at(-1)), timeoutSeconds: parseTimeout(args.flags.get('timeout')?.at(-1)), headingDepth: HEADING_DEPTH };
  const source = read(file);
  await loadFrontEndFor([source], undefined); // a fence may hold LaTeX
  const result = rewriteFences(source, options);
  if (!result.ok) {
    io.stderr(`kinkproof: ${file}:${result.line}: ${result.failure.message}\n`);
    return result.failure.kind === 'check' ? 1 : 2;
  }
  for (const w of result.warnings) io.stderr(`kinkproof: ${file}:${w.line}: warning: ${w.message}\n`);
  if (out === undefined) io.stdout(result.text);
  else await writeAtomically([{ path: out, content: result.text }]);
  return 0;
}
