/**
 * Escaping of user-provided plain text for each output format (DESIGN.md,
 * "Security of generated documents"). Text never becomes markup: after
 * escaping, a LaTeX string holds no `\` `{` `}` `$` `&` `#` `_` `%` `^` `~` of
 * its own, so neither `\input{…}` nor `^^5cinput` (TeX's hex notation for a
 * backslash) can form a command.
 */
import { CONTROL_CHARACTERS, KinkproofError } from '../diagnostics.js';

/** Strip control characters; tabs become spaces, CR/CRLF newlines, runs of blank lines one newline. */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL_CHARACTERS, '')
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

/**
 * Characters typeset in math mode, with the command that draws them. Greek
 * letters and mathematical symbols have no glyph in T1 text fonts.
 */
const MATH_SYMBOL_NAMES =
  'α alpha β beta γ gamma δ delta ε varepsilon ϵ epsilon ζ zeta η eta θ theta ϑ vartheta ι iota κ kappa λ lambda ' +
  'μ mu ν nu ξ xi π pi ϖ varpi ρ rho ϱ varrho σ sigma ς varsigma τ tau υ upsilon φ varphi ϕ phi χ chi ψ psi ω omega ' +
  'Γ Gamma Δ Delta Θ Theta Λ Lambda Ξ Xi Π Pi Σ Sigma Υ Upsilon Φ Phi Ψ Psi Ω Omega ' +
  '‖ | ∇ nabla ∂ partial ∈ in ∉ notin ∋ ni ∑ sum ∏ prod ∫ int ≤ leq ≥ geq ≠ neq ≈ approx ≡ equiv ∼ sim ≃ simeq ≅ cong ' +
  '∝ propto ≪ ll ≫ gg ≺ prec ≻ succ ⪯ preceq ⪰ succeq → to ← leftarrow ↔ leftrightarrow ⇒ Rightarrow ⇐ Leftarrow ' +
  '⇔ Leftrightarrow ↦ mapsto ↑ uparrow ↓ downarrow ∞ infty ⊙ odot ∘ circ ⊗ otimes ⊕ oplus ∓ mp ∗ ast ⋅ cdot ∙ bullet ' +
  '∖ setminus ∪ cup ∩ cap ⊂ subset ⊆ subseteq ⊃ supset ⊇ supseteq ∅ emptyset ∀ forall ∃ exists ∄ nexists ∧ wedge ∨ vee ' +
  '⟨ langle ⟩ rangle ⌊ lfloor ⌋ rfloor ⌈ lceil ⌉ rceil ∣ mid ∥ parallel ⊥ perp ⊤ top ℓ ell ℏ hbar ℘ wp ℑ Im ℜ Re ' +
  'ℵ aleph √ surd ⋯ cdots ⋮ vdots ⋱ ddots ∠ angle △ triangle ◦ circ ⋆ star ⊢ vdash ⊨ models';

/** Math-mode LaTeX for one character of user text (a fixed table: user characters never reach TeX as commands). */
const MATH_CHARS: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...MATH_SYMBOL_NAMES.matchAll(/(\S) (\S+)/gu)].map(([, c, name]) => [c, `\\${name} `])),
  '−': '-',
  '∕': '/',
  '⁄': '/',
  ℝ: '\\mathbb{R}',
  ℕ: '\\mathbb{N}',
  ℤ: '\\mathbb{Z}',
  ℚ: '\\mathbb{Q}',
  ℂ: '\\mathbb{C}',
  '𝟙': '\\mathbf{1}',
};

/** The character a math command draws (`varphi` → φ), from the same table: for plain text of generated math. */
const COMMAND_CHARS: ReadonlyMap<string, string> = new Map([...MATH_SYMBOL_NAMES.matchAll(/(\S) (\S+)/gu)].map(([, c, name]) => [name!, c!]));
export const mathCommandChar = (name: string): string | undefined => COMMAND_CHARS.get(name);

/** Primes, raised like superscripts. */
const PRIMES: Readonly<Record<string, string>> = { '′': '\\prime ', '″': '\\prime\\prime ', '‴': '\\prime\\prime\\prime ' };

/** Greek capitals and omicron drawn like Latin letters (LaTeX has no command for them). */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X', ο: 'o',
};

const scripts = (from: string, to: string): Readonly<Record<string, string>> =>
  Object.fromEntries([...from].map((c, i) => [c, [...to][i]!]));
/** Unicode superscripts and subscripts, as what they raise or lower. */
const SUPERSCRIPTS = scripts('⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ', '0123456789+-=()in');
const SUBSCRIPTS = scripts('₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ', '0123456789+-=()aeoxhklmnpstijruv');

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

/** What LaTeX cannot typeset and has no look-alike for: a visible placeholder. */
export const UNTYPESETTABLE = '\\textbf{?}';

/** One character of escaped text: text-mode source, a math atom, or a raised / lowered part of a math run. */
type Piece = { readonly mode: 'text' | 'math' | 'sup' | 'sub'; readonly latex: string };

function piece(c: string, decompose: boolean): Piece[] {
  if (c === '\n') return [{ mode: 'text', latex: ' ' }];
  if (c >= ' ' && c <= '~') return [{ mode: 'text', latex: LATEX_ASCII[c] ?? c }];
  const known =
    (Object.hasOwn(LATIN_LOOKALIKES, c) && { mode: 'text' as const, latex: LATIN_LOOKALIKES[c]! }) ||
    (Object.hasOwn(MATH_CHARS, c) && { mode: 'math' as const, latex: MATH_CHARS[c]! }) ||
    (Object.hasOwn(PRIMES, c) && { mode: 'sup' as const, latex: PRIMES[c]! }) ||
    (Object.hasOwn(SUPERSCRIPTS, c) && { mode: 'sup' as const, latex: SUPERSCRIPTS[c]! }) ||
    (Object.hasOwn(SUBSCRIPTS, c) && { mode: 'sub' as const, latex: SUBSCRIPTS[c]! }) ||
    (typesetAsIs(c) && { mode: 'text' as const, latex: c });
  if (known) return [known];
  if (!decompose) return [{ mode: 'text', latex: UNTYPESETTABLE }];
  // Its compatibility decomposition without accents (ﬁ → fi, ａ → a, ǎ → a), when all of that can be typeset.
  const decomposed = c.normalize('NFKD').replace(/\p{M}/gu, '');
  const pieces = decomposed === c ? [] : [...decomposed].flatMap((d) => piece(d, false));
  return pieces.length && pieces.every((p) => p.latex !== UNTYPESETTABLE) ? pieces : [{ mode: 'text', latex: UNTYPESETTABLE }];
}

/**
 * Consecutive math pieces as one `\ensuremath{…}`: "ℓ₁" is `\ell_{1}`, "φ′₊"
 * `\varphi^{\prime }_{+}`. Consecutive superscripts (subscripts) share one
 * group; a second superscript on the same atom gets an empty atom `{}` first,
 * so TeX never sees a double superscript.
 */
function mathRun(pieces: readonly Piece[]): string {
  let out = '';
  let open: 'sup' | 'sub' | undefined;
  let raised = false;
  let lowered = false;
  for (const p of pieces) {
    if (p.mode === open) {
      out += p.latex;
      continue;
    }
    if (open) out += '}';
    open = undefined;
    if (p.mode === 'math') {
      out += p.latex;
      raised = lowered = false;
    } else if (p.mode === 'sup' || p.mode === 'sub') {
      if (p.mode === 'sup' ? raised : lowered) {
        out += '{}';
        raised = lowered = false;
      }
      if (p.mode === 'sup') raised = true;
      else lowered = true;
      out += `${p.mode === 'sup' ? '^' : '_'}{${p.latex}`;
      open = p.mode;
    }
  }
  if (open) out += '}';
  return `\\ensuremath{${out.trimEnd()}}`;
}

/**
 * The first character of `s` that escapeLatexText could only draw as the bold "?" (CJK, emoji, …),
 * with its 1-based position in `s` (after NFC, which composes accents): the command line refuses
 * such a title for a LaTeX report rather than print a placeholder.
 */
export function firstUntypesettable(s: string): { readonly char: string; readonly position: number } | undefined {
  const chars = [...s.replace(CONTROL_CHARACTERS, '').normalize('NFC')];
  const i = chars.findIndex((c) => c !== '\t' && c !== '\r' && piece(c, true).some((p) => p.latex === UNTYPESETTABLE));
  return i < 0 ? undefined : { char: chars[i]!, position: i + 1 };
}

/**
 * Plain text for a PDF string (hyperref's bookmarks, through `\texorpdfstring`'s second argument,
 * which is never typeset): LaTeX's special ASCII characters escaped as in text, other characters as
 * they are (hyperref's Unicode bookmarks show them), controls dropped.
 */
export function escapePdfString(s: string): string {
  return [...cleanText(s).replace(/\s+/g, ' ')].map((c) => (c >= ' ' && c <= '~' ? (LATEX_ASCII[c] ?? c) : c)).join('');
}

/**
 * Plain text → LaTeX text-mode source that typesets it (with T1 fontenc and
 * amssymb). Newlines become spaces, so escaped text can never end a paragraph
 * (which would break a heading or table cell). Greek letters, mathematical
 * symbols and Unicode super-/subscripts are typeset in math mode from a fixed
 * table; a character T1 has no glyph for becomes its compatibility
 * decomposition, or a bold "?" — never TeX source the user chose.
 */
export function escapeLatexText(s: string): string {
  const pieces = [...cleanText(s).normalize('NFC')].flatMap((c) => piece(c, true));
  let out = '';
  for (let i = 0; i < pieces.length; ) {
    if (pieces[i]!.mode === 'text') {
      out += pieces[i++]!.latex;
      continue;
    }
    const start = i;
    while (i < pieces.length && pieces[i]!.mode !== 'text') i++;
    out += mathRun(pieces.slice(start, i));
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
