export const VERSION = 'kinkproof 0.1.0';

export const HELP = `kinkproof — exact differentiability, gradients and subdifferentials of
non-smooth matrix functions: entry-wise sums f(X) = sum_ij phi(x_ij), and functions
that are not separable (data matrices, layers relu(A*X+B), norms, max over entries).

usage:
  kinkproof derive EXPR [options]          analyse f case by case
  kinkproof check EXPR --claim G [--json]  is G the gradient of f wherever f is differentiable?
  kinkproof check --equal A B [--json]     does A = B hold for every X (any shape)?
  kinkproof prove FILE... [--json]         check proof files (docs/proof-format.md)
  kinkproof build [DIR] [--out DIR] [--pdf]
                                           render DIR's proof files (default proofs) and an index to
                                           .tex/.html/.md in --out (default out/proofs)
  kinkproof render IN.md [-o OUT.md]       rewrite IN.md's kinkproof fences as Markdown with $$...$$ math
                                           (stdout without -o); exit 1 with file:line on a false claim
  kinkproof render DIR -o OUTDIR           the same for every .md under DIR, other files copied; all or nothing
  kinkproof --help | --version

derive options:
  --json                 print one JSON object (the documented contract)
  --input latex|ascii    the input language (default: LaTeX if the text has a backslash)
  --at MATRIX            also evaluate at X = MATRIX (JSON rows, e.g. '[[1,-2],[0,3]]'); repeatable
  --shape m,n            fix the shape of X (default: free; a separable f is verified
                         at 3x4, a non-separable one is stated for 2 per free dimension)
  --const NAME=MATRIX    a named constant matrix; repeatable
  --no-verify            skip the numeric cross-check
  --seed N               seed of the numeric cross-check (default 1)
  --timeout S            budget in seconds for symbolic work (default 20)
  --tex FILE             write the derivation as a LaTeX article
  --tex-fragment         write --tex FILE as a fragment to \\input into a paper (its first
                         lines list the preamble it needs)
  --section-level section|subsection|none
                         the fragment's title is a \\section (default) or \\subsection and
                         its steps one level below; none: bold run-in headings
  --label-prefix P       the fragment labels its steps P:statement, P:gradient, ...
                         (default kp; letters, digits and : . _ -)
  --html FILE            write it as one self-contained HTML page (KaTeX)
  --md FILE              write it as Markdown with $...$ math (plots beside it: a.md -> a-plot-1.svg)
  --pdf                  also compile the .tex with pdflatex (sandboxed)
  --title TEXT           title of the report (for --tex/--pdf: Latin, Greek and math characters;
                         CJK or emoji only in --html and --md)
  --brief                shorter reports: f in cases, the gradient, the sets at the kinks
                         and the conclusion (one page in a paper for most f)

check options: --claim G, --equal, --json, --input latex|ascii, --const NAME=MATRIX, --seed N, --timeout S
prove options: --json, --const NAME=MATRIX, --seed N, --timeout S
build options: --out DIR, --pdf, --const NAME=MATRIX, --seed N, --timeout S
render options: --out FILE|DIR (-o), --seed N, --timeout S
A command refuses options it does not take, and a one-value option given twice
(--at and --const repeat). A value never starts with --
(--at --json is an error); write --title=--x for such a value. Numbers in
--at and --const are exact decimals (0.1 is 1/10), as in expressions.

expressions (ASCII, mathjs-style):
  X  numbers  + - * /  .* ./ .^  ^ (scalars)  '  ( )
  relu (pos, sigma)  max(a,b)  min(a,b)  abs  sign  heaviside  sqrt  exp  log (ln)
  sin  cos  tanh  sigmoid (logistic)  softplus  pi (the constant)
  sum  trace  norm(.,'fro')  max(M) min(M) (over entries)   (entry-wise l1 norm: sum(abs(.)))
  A*X  X*B  X'  with --const A=[[..]]: matrix products, e.g. norm(relu(A*X+B)-Y,'fro')^2
  norm(.), norm(.,1), norm(.,'inf') keep mathjs's meanings (spectral norm,
  largest column sum, largest row sum): refused
  e.g.  kinkproof derive "norm(relu(X),'fro')^2"

expressions (LaTeX, read when the text has a backslash, or with --input latex):
  \\cdot \\times (or juxtaposition) as *   \\odot \\circ as .*   \\oslash \\frac{a}{b} as ./
  X^{2} as ^   X^{\\circ 2} as .^   X^\\top X^T X' transpose   \\sqrt{x}  \\sqrt[n]{x}
  ( ) \\left( \\right) \\bigl( \\bigr) [ ] { }   |x| \\lvert x \\rvert as abs
  \\|R\\|_F (norm(R,'fro')); \\|R\\|, \\|R\\|_2, \\|R\\|_1, \\|R\\|_\\infty keep mathjs's meanings: refused
  \\sigma(X) (relu)  \\max  \\min  \\exp  \\log  \\ln  \\sin  \\cos  \\tanh  \\pi  H(X) (heaviside)
  \\operatorname{NAME}(X) or \\mathrm{NAME}(X) for any function above; \\operatorname{tr} (trace)
  \\sum_{i,j} over an entry-wise summand (x_{ij} is an entry of X)
  e.g.  kinkproof derive '\\left\\|\\max(X,0)\\right\\|_F^2'

exit codes: 0 success/correct, 1 a check failed/incorrect, 2 bad input or unsupported, 3 undecided
`;
