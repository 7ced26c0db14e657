import { describe, expect, it } from 'vitest';
import { KinkproofError } from '../../src/diagnostics.js';
import { cleanText, escapeHtml, escapeLatexText, escapeMarkdownText, escapePdfString, firstUntypesettable, safeIdentifier } from '../../src/report/escape.js';

describe('cleanText', () => {
  it('strips control characters and bidi overrides, keeps tabs as spaces and single newlines', () => {
    expect(cleanText('a\u0007b\u001b[31mc\u007f\u0085d\u202ee\tf')).toBe('ab[31mcde f');
    expect(cleanText('a\r\n\r\n  \n\nb\rc')).toBe('a\nb\nc');
  });
});

describe('escapeLatexText', () => {
  it('escapes every special character of TeX', () => {
    expect(escapeLatexText('\\ { } $ & # _ % ^ ~ < > | " \' `')).toBe(
      '\\textbackslash{} \\{ \\} \\$ \\& \\# \\_ \\% \\textasciicircum{} \\textasciitilde{} \\textless{} \\textgreater{} \\textbar{} \\textquotedbl{} \\textquotesingle{} \\textasciigrave{}',
    );
  });

  it('leaves no character that could start a command, a comment, a parameter or ^^ notation', () => {
    const hostile = '\\input{/etc/hostname} ^^5cinput{x} ^^M }\\end{document} %#&$~_^ \\csname\\endcsname';
    const out = escapeLatexText(hostile).replace(/\\(textbackslash|textasciicircum|textasciitilde)\{\}|\\[{}$&#_%]/g, '');
    expect(out).not.toMatch(/[\\{}$&#_%^~]/);
  });

  it('never ends a paragraph and stops dash ligatures', () => {
    expect(escapeLatexText('a\n\n\nb\nc')).toBe('a b c');
    expect(escapeLatexText('a--b---c')).toBe('a-{}-{}b-{}-{}-{}c');
  });

  it('typesets Greek and common symbols as math, Latin-1 and Latin Extended-A as is', () => {
    expect(escapeLatexText('σ‖∇')).toBe('\\ensuremath{\\sigma \\| \\nabla}');
    expect(escapeLatexText('Fréchet – Łódź')).toBe('Fréchet – Łódź');
    expect(escapeLatexText('α ≤ β')).toBe('\\ensuremath{\\alpha} \\ensuremath{\\leq} \\ensuremath{\\beta}');
    expect(escapeLatexText('⟨G, D⟩ ∈ ∂f')).toBe('\\ensuremath{\\langle}G, D\\ensuremath{\\rangle} \\ensuremath{\\in} \\ensuremath{\\partial}f');
    expect(escapeLatexText('ℝⁿ → ℝ, x ≥ 0, −∞')).toBe(
      '\\ensuremath{\\mathbb{R}^{n}} \\ensuremath{\\to} \\ensuremath{\\mathbb{R}}, x \\ensuremath{\\geq} 0, \\ensuremath{-\\infty}',
    );
  });

  it('joins a symbol and its Unicode sub- and superscripts and primes into one math run', () => {
    expect(escapeLatexText('ℓ₁ and ℓ₂² penalties')).toBe('\\ensuremath{\\ell _{1}} and \\ensuremath{\\ell _{2}^{2}} penalties');
    expect(escapeLatexText('φ′₊(0), φ″')).toBe('\\ensuremath{\\varphi ^{\\prime }_{+}}(0), \\ensuremath{\\varphi ^{\\prime\\prime }}');
    expect(escapeLatexText('x₁₂ y²³')).toBe('x\\ensuremath{_{12}} y\\ensuremath{^{23}}');
    // A second superscript on one atom would be a TeX error ("Double superscript"): it gets an empty atom.
    expect(escapeLatexText('₁²₃')).toBe('\\ensuremath{_{1}^{2}{}_{3}}');
  });

  it('never writes a code point: decompositions where they can be typeset, else a visible placeholder', () => {
    expect(escapeLatexText('ﬁle ａｂ ǎ Ω Α')).toBe('file ab a \\ensuremath{\\Omega} A');
    expect(escapeLatexText('漢😀')).toBe('\\textbf{?}\\textbf{?}');
    expect(escapeLatexText('e\u0301')).toBe('é');
    const sample = [...Array(0x3000).keys()].map((i) => String.fromCodePoint(i + 0xa0)).join('') + '𝟙𝔸🙂';
    expect(escapeLatexText(sample)).not.toMatch(/U\+|\[U/);
  });

  it('turns look-alikes of TeX specials into their escapes, not into TeX (fullwidth backslash, braces, percent)', () => {
    expect(escapeLatexText('＼input｛x｝％＄')).toBe('\\textbackslash{}input\\{x\\}\\%\\$');
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
});

describe('escapeMarkdownText', () => {
  it('escapes what opens inline markup, math, HTML, MDX expressions and table cells', () => {
    expect(escapeMarkdownText('*a* _b_ `c` [d](e) <f> $g$ h|i &amp; {j} ~k~ ^l^ #m \\n')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\$g\\$ h\\|i \\&amp; \\{j\\} \\~k\\~ \\^l\\^ \\#m \\\\n',
    );
  });

  it('escapes what opens a block at the start, and keeps text on one line', () => {
    expect(escapeMarkdownText('- item')).toBe('\\- item');
    expect(escapeMarkdownText('12. item')).toBe('12\\. item');
    expect(escapeMarkdownText('+ a\n\n---\n=== ')).toBe('\\+ a --- === ');
  });
});

describe('safeIdentifier', () => {
  it('accepts short identifiers', () => {
    expect(safeIdentifier('X')).toBe('X');
    expect(safeIdentifier('weight_2')).toBe('weight_2');
  });

  it('refuses anything else with an input error', () => {
    for (const bad of ['', '2x', '_x', 'a b', 'x\\input', 'σ', 'a'.repeat(33), 'x^^5c'])
      expect(() => safeIdentifier(bad)).toThrow(KinkproofError);
    expect(safeIdentifier('a'.repeat(32))).toHaveLength(32);
  });
});

describe('firstUntypesettable', () => {
  it('finds the first character LaTeX could only draw as "?", by its position after NFC', () => {
    expect(firstUntypesettable('Loss 中文 🙂')).toEqual({ char: '中', position: 6 });
    expect(firstUntypesettable('ok 🙂')).toEqual({ char: '🙂', position: 4 });
    expect(firstUntypesettable('cafe\u0301 中')).toEqual({ char: '中', position: 6 });
    expect(firstUntypesettable('café ℓ₁ ‖X‖ α ﬁ\tline\u0007')).toBeUndefined();
  });
});

describe('escapePdfString', () => {
  it('escapes TeX specials and keeps other characters for Unicode bookmarks', () => {
    expect(escapePdfString('‖σ(X)‖_F^2 {a} 50% \\x')).toBe('‖σ(X)‖\\_F\\textasciicircum{}2 \\{a\\} 50\\% \\textbackslash{}x');
  });
});
