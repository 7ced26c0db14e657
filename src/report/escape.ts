/**
 * Escaping of user-provided plain text for each output format (DESIGN.md,
 * "Security of generated documents"). Text never becomes markup: after
 * escaping, a LaTeX string holds no `\` `{` `}` `$` `&` `#` `_` `%` `^` `~` of
 * its own, so neither `\input{…}` nor `^^5cinput` (TeX's hex notation for a
 * backslash) can form a command.
 */
import { KinkproofError } from '../diagnostics.js';

/** C0/C1 controls except tab and newline, DEL, and bidirectional overrides (which can disguise text). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Strip control characters; tabs become spaces, CR/CRLF newlines, runs of blank lines one newline. */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n');
}

const LATEX_ASCII: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  '%': '\\%',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '"': '\\textquotedbl{}',
  "'": '\\textquotesingle{}',
  '`': '\\textasciigrave{}',
  // Stop the ligatures -- and --- (and !` ?`), so text reads as typed.
  '-': '-{}',
};

const MATH_SYMBOL_NAMES =
  'α alpha β beta γ gamma δ delta ε varepsilon ζ zeta η eta θ theta ι iota κ kappa λ lambda μ mu ν nu ξ xi ' +
  'π pi ρ rho σ sigma ς varsigma τ tau υ upsilon φ varphi ϕ phi χ chi ψ psi ω omega Γ Gamma Δ Delta ' +
  'Θ Theta Λ Lambda Ξ Xi Π Pi Σ Sigma Υ Upsilon Φ Phi Ψ Psi Ω Omega ‖ | ∇ nabla ∂ partial ∈ in ∑ sum ≤ leq ' +
  '≥ geq ≠ neq → to ∞ infty ⊙ odot ∘ circ ′ prime';

/** Greek letters and symbols outside T1/TS1, which LaTeX would reject in text: typeset as math. */
const LATEX_SYMBOLS: Record<string, string> = {
  ...Object.fromEntries([...MATH_SYMBOL_NAMES.matchAll(/(\S) (\S+)/gu)].map(([, c, name]) => [c, `\\ensuremath{\\${name}}`])),
  '−': '\\ensuremath{-}',
  ο: 'o',
};

/** Latin Extended-A letters T1 has no glyph for (measured with TeX Live 2022). */
const LATIN_EXT_A_MISSING = new Set([0x126, 0x127, 0x138, 0x13f, 0x140, 0x149, 0x166, 0x167, 0x17f]);
const PUNCTUATION = new Set([...'‐‑‒–—―‘’‚“”„†‡•…‰‹›€™']);

/** Does pdflatex with T1 + lmodern typeset this non-ASCII character as it is? */
function typesetAsIs(c: string): boolean {
  const code = c.codePointAt(0)!;
  if (code >= 0xa0 && code <= 0xff) return true;
  if (code >= 0x100 && code <= 0x17f) return !LATIN_EXT_A_MISSING.has(code);
  return PUNCTUATION.has(c);
}

const codePointLabel = (c: string): string =>
  `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Plain text → LaTeX text-mode source that typesets it literally (with T1
 * fontenc). Newlines become spaces, so escaped text can never end a paragraph
 * (which would break a heading or table cell); characters LaTeX cannot typeset
 * appear as `[U+XXXX]`.
 */
export function escapeLatexText(s: string): string {
  let out = '';
  for (const c of cleanText(s)) {
    if (c === '\n') out += ' ';
    else if (c >= ' ' && c <= '~') out += LATEX_ASCII[c] ?? c;
    else out += LATEX_SYMBOLS[c] ?? (typesetAsIs(c) ? c : `[${codePointLabel(c)}]`);
  }
  return out;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text → HTML text or attribute value. */
export function escapeHtml(s: string): string {
  return cleanText(s).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Plain text → CommonMark/GFM inline text (also safe for MDX). Characters that
 * can open markup anywhere are backslash-escaped, so no emphasis, code, link,
 * raw HTML, entity, `$` math, `{…}` expression or table `|` can start; so are
 * those that open a block at the start (`#`, `-`, `+`, `=`, `1.`). Whitespace
 * becomes single spaces, so the text stays inside its paragraph or cell.
 */
export function escapeMarkdownText(s: string): string {
  return cleanText(s)
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>#|$~&{}^]/g, (c) => `\\${c}`)
    .replace(/^(\s?)([-+=])/, '$1\\$2')
    .replace(/^(\s?\d+)([.)])/, '$1\\$2');
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
const MAX_IDENTIFIER_LENGTH = 32;

/** A user-chosen name that may appear in generated math; anything else is refused. */
export function safeIdentifier(s: string): string {
  if (s.length > MAX_IDENTIFIER_LENGTH)
    throw new KinkproofError('input', `name is longer than ${MAX_IDENTIFIER_LENGTH} characters`);
  if (!IDENTIFIER.test(s))
    throw new KinkproofError('input', `name ${JSON.stringify(cleanText(s))} must be a letter followed by letters, digits or _`);
  return s;
}
