/**
 * Math in running text (issue 13: nothing into the margin). `\left…\right`
 * pairs become plain delimiters, which TeX and KaTeX may break inside; in a
 * paragraph, math with a stretch too long for a line, or longer than most of
 * one, is displayed instead (broken by mathBreak.ts), taking the punctuation
 * after it.
 */
import { atomsWidth, scanMath, TALL_CONTENT } from './mathAtoms.js';
import type { Atom } from './mathAtoms.js';
import { breakDisplay, displayWidth, LINE_EM } from './mathBreak.js';
import { assertSafeMath } from './mathGuard.js';
import { math, text } from './model.js';
import type { Inline, Inlines } from './model.js';

/** A `\left` or `\right` delimiter as a plain one, or `\bigl`/`\bigr` when it encloses something tall. */
function plainDelimiter(d: string, side: 'l' | 'r', big: boolean): string {
  const bare = d.replace(/^\\(left|right)/, '');
  const symbol = bare.replace(/[_^].*$/, '');
  const script = bare.slice(symbol.length);
  if (big) return `\\big${side}${symbol}${script}`;
  if (symbol !== '.') return `${symbol}${script}`;
  return script ? `{}${script}` : '';
}

/**
 * `\left…\right` pairs as plain delimiters (brace groups around them dropped, with the
 * negative space that tightened them), so TeX and KaTeX may break inside them in a line of text.
 */
function breakable(atoms: readonly Atom[]): string {
  const out: string[] = [];
  atoms.forEach((a, i) => {
    const next = atoms[i + 1];
    if (a.src === '\\!' && (next?.group || next?.braced?.some((x) => x.group))) return;
    if (a.braced?.some((x) => x.group)) out.push(breakable(a.braced));
    else if (a.group) {
      const big = TALL_CONTENT.test(a.src);
      out.push(plainDelimiter(a.group.open, 'l', big), breakable(a.group.atoms), plainDelimiter(a.group.close, 'r', big));
    } else out.push(a.src);
  });
  return out.filter(Boolean).join(' ');
}

/** The widest stretch TeX cannot break: in a paragraph it breaks math after any binary operator, relation or comma outside braces, whatever the parentheses. */
export function longestUnbreakable(atoms: readonly Atom[]): number {
  let longest = 0;
  let run = 0;
  for (const a of atoms) {
    if (a.role === 'bin' || a.role === 'rel') run = 0;
    run += a.width;
    longest = Math.max(longest, run);
    if (a.role === 'punct' || a.role === 'sep') run = 0;
  }
  return longest;
}

interface InlineMath {
  /** For a line of text: `\left…\right` made breakable. */
  readonly inline: string;
  /** For a paragraph: set as a display (broken to fit) when a piece of it would not fit a line, else undefined. */
  readonly display: string | undefined;
}

/** Inline math with its `\left…\right` groups made breakable. */
function breakableInline(latex: string): string {
  const scanned = scanMath(assertSafeMath(latex));
  return scanned.some((a) => a.group || a.braced) ? breakable(scanned) : latex;
}

/** Inline math laid out for text `line` em wide. */
function inlineMath(latex: string, line = LINE_EM): InlineMath {
  const inline = breakableInline(latex);
  const atoms = scanMath(inline);
  const tooLong = longestUnbreakable(atoms) > 0.45 * line || atomsWidth(atoms) > 0.6 * line;
  return { inline, display: tooLong ? breakDisplay(latex, displayWidth(line)) : undefined };
}

/** A run of text laid out: text, inline math, or math displayed on its own lines. */
export type Run = Inline | { readonly kind: 'display'; readonly latex: string };

/** Text and math for a line of text (a heading, a table cell): math made breakable. */
export const lineRuns = (parts: Inlines): Run[] => parts.map((p) => (p.kind === 'math' ? math(breakableInline(p.latex)) : p));

/**
 * A paragraph's runs for lines `line` em wide: math breakable, or displayed when it is too long for
 * a line of text; a display takes the punctuation that follows it (a period alone on a line reads
 * as a stray mark).
 */
export function paragraphRuns(parts: Inlines, line = LINE_EM): Run[] {
  const runs: Run[] = [];
  for (const p of parts) {
    const before = runs.at(-1);
    if (p.kind === 'text' && before?.kind === 'display') {
      const mark = /^[.,;:]/.exec(p.text)?.[0];
      if (mark) {
        runs[runs.length - 1] = { kind: 'display', latex: punctuate(before.latex, mark) };
        if (p.text.length > 1) runs.push(text(p.text.slice(1)));
        continue;
      }
    }
    if (p.kind === 'text') runs.push(p);
    else {
      const { inline, display } = inlineMath(p.latex, line);
      runs.push(display === undefined ? math(inline) : { kind: 'display', latex: display });
    }
  }
  return runs;
}

/** `mark` at the end of a display, on its last line. */
const punctuate = (display: string, mark: string): string =>
  display.endsWith(' \\end{aligned}') ? `${display.slice(0, -' \\end{aligned}'.length)}${mark} \\end{aligned}` : `${display}${mark}`;
