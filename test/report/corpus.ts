/**
 * The report corpus (issue 13): one `derive` report for each kind of function
 * kinkproof decides, chosen for what their documents have to typeset — kinks,
 * jumps, cusps, infinite slopes, Huber, convex and Clarke sets, periodic
 * families, data matrices, LaTeX input, long gradients that no simplifier
 * shortens, long Unicode titles. The proofs/ pages of `build` join them in
 * corpus.test.ts.
 */

export interface CorpusEntry {
  /** A file-name-safe name the test reports failures by. */
  readonly name: string;
  /** The arguments after `derive EXPR` (constants, points, a title). */
  readonly expr: string;
  readonly options?: readonly string[];
}

const A = '--const=A=[[1,-2],[0.5,3]]';
const B = '--const=B=[[0,1],[-1,0.5]]';
const Y = '--const=Y=[[1,0],[2,-1]]';

export const CORPUS: readonly CorpusEntry[] = [
  // Separable: kinks, jumps, cusps, slopes, smoothness classes.
  { name: 'founding', expr: "norm(relu(X),'fro')^2", options: ['--at=[[0,1],[-2,0.5]]'] },
  { name: 'relu-sum', expr: 'sum(relu(X))', options: ['--title=σ-ReLU: ½‖X‖² ≤ α·β, x ↦ max(x, 0), naïve café – “quoted” ≥ 3 × 4 ∈ ℝ'] },
  { name: 'l1', expr: 'sum(abs(X))', options: ['--at=[[0,3],[-2,0]]'] },
  { name: 'heaviside-jump', expr: 'sum(heaviside(X-1))' },
  { name: 'sign-jump', expr: 'sum(sign(X))' },
  { name: 'cubic-c2', expr: 'sum(abs(X-1).^3)' },
  { name: 'sqrt-slope', expr: 'sum(sqrt(relu(X)))' },
  { name: 'sqrt-cusp', expr: 'sum(sqrt(abs(X)))' },
  { name: 'concave-kink', expr: 'sum(-relu(X))' },
  { name: 'leaky', expr: 'sum(max(X,0.2*X))' },
  { name: 'two-kinks', expr: 'sum(abs(X) - 2*relu(X-1) + 3*min(X+2,0))' },
  // Huber in two spellings, and gradients that stay long whatever is simplified.
  { name: 'huber', expr: 'sum(min(abs(X),1).*(abs(X) - min(abs(X),1)/2))' },
  { name: 'huber-min', expr: 'sum(min(X.^2/2, abs(X)-1/2))' },
  { name: 'relu-cubic-squared', expr: 'sum(relu(X.^3-X).^2)' },
  { name: 'long-gradient', expr: 'sum(relu(X.^3-2*X).^3 + abs(X-1).*X.^2)' },
  { name: 'long-gradient-brief', expr: 'sum(relu(X.^3-2*X).^3 + abs(X-1).*X.^2)', options: ['--brief'] },
  // Breakpoints that are roots of cubics with no radical form: named r_1, r_2, … once, the names everywhere else.
  { name: 'algebraic-roots', expr: 'sum(max(X.^4 - 3*X.^2 + 2*X, abs(2*X - 1).*X.^2 - X/3))' },
  { name: 'algebraic-roots-brief', expr: 'sum(max(X.^4 - 3*X.^2 + 2*X, abs(2*X - 1).*X.^2 - X/3))', options: ['--brief'] },
  { name: 'smooth-mix', expr: 'sum(softplus(X) + abs(X).*sigmoid(X) + tanh(X).^2)' },
  // Breakpoints through transcendental functions and periodic families.
  { name: 'exp-kink', expr: 'sum(relu(exp(X) - 2))' },
  { name: 'tanh-kink', expr: 'sum(relu(tanh(X) - 1/2))' },
  { name: 'periodic-relu', expr: 'sum(relu(sin(X)))', options: ['--at=[[0,1]]'] },
  { name: 'periodic-max', expr: 'sum(max(sin(X), cos(X)))' },
  { name: 'periodic-abs', expr: 'sum(abs(sin(X) - sin(2*X)))' },
  // LaTeX input.
  { name: 'latex-founding', expr: '\\left\\|\\max(X,0)\\right\\|_F^2' },
  { name: 'latex-sum', expr: '\\sum_{i,j} \\left( \\left| x_{ij} - 1 \\right| + \\frac{1}{2} \\max(x_{ij}, 0)^2 \\right)' },
  // Long titles with Unicode.
  {
    name: 'unicode-title',
    expr: 'sum(abs(X))',
    options: ['--title=Das ℓ₁-Problem für große Matrizen — eine lange Überschrift mit ∇f, ∂f und ‖X‖_F, die umbrechen muss'],
  },
  // A 70-letter word in the title, and raw input of 80 characters without a space.
  {
    name: 'long-words',
    expr: 'sum(abs(X-1)+abs(X-2)+abs(X-3)+abs(X-4)+abs(X-5)+abs(X-6)+abs(X-7)+abs(X-8))',
    options: ['--title=Subgradientsofthepiecewiselinearlossfunctionwithmanykinksinonelongword'],
  },
  // Not separable: data, linear maps, norms, maxima, convex and Clarke sets at points.
  { name: 'relu-layer', expr: "norm(relu(A*X+B)-Y,'fro')^2", options: [A, B, Y, '--at=[[0,0],[0,0]]'] },
  { name: 'relu-layer-brief', expr: "norm(relu(A*X+B)-Y,'fro')^2", options: [A, B, Y, '--brief'] },
  { name: 'max-entry', expr: 'max(X)', options: ['--at=[[1,1],[0,1]]'] },
  { name: 'frobenius', expr: "norm(X,'fro')", options: ['--at=[[0,0],[0,0]]'] },
  { name: 'frobenius-relu', expr: "norm(relu(X),'fro')", options: ['--at=[[0,0],[0,0]]'] },
  { name: 'abs-product', expr: 'sum(abs(X*A))', options: [A, '--at=[[0,0],[1,2]]'] },
  { name: 'log-sum-exp', expr: 'log(sum(exp(X)))' },
  { name: 'max-abs', expr: 'max(abs(X))', options: ['--at=[[1,-1],[0,1]]'] },
  { name: 'relu-of-sum', expr: 'relu(sum(X)-1)', options: ['--at=[[1,0],[0,0]]'] },
  { name: 'clarke-difference', expr: 'sum(abs(A*X)) - sum(abs(X))', options: [A, '--at=[[0,0],[0,0]]'] },
];
