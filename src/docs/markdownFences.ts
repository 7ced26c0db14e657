/**
 * ```kinkproof fences in Markdown text, for `kinkproof render`: found by the
 * CommonMark fence rules (up to three spaces of indentation, three or more
 * backticks or tildes, closed by at least as many of the same), so a fence shown
 * inside another code block is left alone. Fences nested in lists or block
 * quotes are not looked for (the remark plugin handles those).
 */
import { renderMarkdown } from '../report/markdown.js';
import { FenceFailure, fenceDerivation } from './fenceDerivation.js';
import type { FenceOptions, FenceResult } from './fenceDerivation.js';

export interface FoundFence {
  /** Line of the opening fence, from 1. */
  readonly line: number;
  /** The lines it spans: [first, end) as indices into the text's lines. */
  readonly first: number;
  readonly end: number;
  readonly body: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Every fence at the top level of the text; `unclosed` is the line of a kinkproof fence left open. */
export function findFences(lines: readonly string[]): { fences: FoundFence[]; unclosed: number | null } {
  const fences: FoundFence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!;
    const marker = open[2]!;
    const info = open[3]!;
    if (marker[0] === '`' && info.includes('`')) continue; // not a fence: an inline code span
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let close = i + 1;
    while (close < lines.length && !closing.test(lines[close]!)) close++;
    const isKinkproof = info.trim().split(/\s+/)[0] === 'kinkproof'; // the language, as remark reads it (the rest is meta)
    if (isKinkproof && close === lines.length) return { fences, unclosed: i + 1 };
    if (isKinkproof) {
      const strip = new RegExp(`^ {0,${indent.length}}`);
      fences.push({ line: i + 1, first: i, end: close + 1, body: lines.slice(i + 1, close).map((l) => l.replace(strip, '')).join('\n') });
    }
    i = close;
  }
  return { fences, unclosed: null };
}

/** Where a fence stopped the rewrite: its line, and why. */
export interface FenceStop {
  readonly line: number;
  readonly failure: FenceFailure;
}

export type Rewrite =
  | { readonly ok: true; readonly text: string; readonly warnings: readonly { readonly line: number; readonly message: string }[] }
  | ({ readonly ok: false } & FenceStop);

/** The text with every kinkproof fence replaced by its derivation as Markdown (`$…$`, `$$…$$`, headings from `headingDepth`). */
export function rewriteFences(text: string, options: FenceOptions & { readonly headingDepth: number }): Rewrite {
  const lines = text.split(/\r?\n/);
  const { fences, unclosed } = findFences(lines);
  if (unclosed !== null) return { ok: false, line: unclosed, failure: new FenceFailure('the kinkproof fence is not closed', 'input') };
  const out: string[] = [];
  const warnings: { line: number; message: string }[] = [];
  let next = 0;
  for (const f of fences) {
    let result: FenceResult;
    try {
      result = fenceDerivation(f.body, options);
    } catch (e) {
      if (e instanceof FenceFailure) return { ok: false, line: f.line, failure: e };
      throw e;
    }
    warnings.push(...result.warnings.map((message) => ({ line: f.line, message })));
    out.push(...lines.slice(next, f.first), renderMarkdown(result.derivation, { headingDepth: options.headingDepth }).trimEnd());
    next = f.end;
  }
  out.push(...lines.slice(next));
  return { ok: true, text: out.join('\n'), warnings };
}
