/**
 * The verifier's wording (numeric/checkText.ts) as report inlines: its words
 * stay text, its formulas become math. A formula without LaTeX, or whose
 * LaTeX the guard refuses, stays text, which every renderer escapes.
 */
import type { Phrase } from '../../numeric/checkText.js';
import type { Inline, Inlines } from '../model.js';
import { math, text } from '../model.js';
import { assertSafeMath, UnsafeMathError } from '../mathGuard.js';

function formulaInline(latex: string | undefined, plain: string): Inline {
  if (latex === undefined) return text(plain);
  try {
    return math(assertSafeMath(latex));
  } catch (e) {
    if (e instanceof UnsafeMathError) return text(plain);
    throw e;
  }
}

export function verifierInlines(p: Phrase): Inlines {
  const out: Inline[] = [];
  for (const part of p) {
    const inline = part.kind === 'words' ? text(part.text) : formulaInline(part.latex, part.text);
    const last = out[out.length - 1];
    // Neighbouring text is one run, as the renderers expect.
    if (inline.kind === 'text' && last?.kind === 'text') out[out.length - 1] = text(last.text + inline.text);
    else out.push(inline);
  }
  return out;
}
