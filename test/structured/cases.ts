/**
 * Hand-derived answers for functions that are not separable (issue 12,
 * ../shared/NONSMOOTH.md): every row of the §3 table, the kink cancellations,
 * and further cases across the three tiers. Every expected value was derived
 * by hand (the `why` line) and is checked against an independent mathjs
 * evaluator in cases.selfcheck.test.ts; handDerived.test.ts runs kinkproof on
 * them.
 *
 * Conventions
 * - X is m×n; `shape` is always given and matches every point.
 * - Numbers are exact decimals (kinkproof reads 0.5 as 1/2); a gradient entry
 *   such as 1/3 or Math.cos(1) is the nearest double of the exact value.
 * - A set is described by its support function h(D) = max_{G ∈ S} ⟨G, D⟩.
 *   kind 'convex' is used exactly when f is convex (then ∂f = ∂_C f and
 *   f'(X; D) = h(D)); otherwise 'clarke'. Every set here is exact
 *   (relation 'equal'): convex calculus (Rockafellar Thms 23.8, 23.9; the
 *   monotone outer rule), Danskin / Clarke Prop. 2.3.12 for maxima, or, for the
 *   piecewise-C¹ non-convex cases, Scholtes' ∂_C f = co{∇f_i essentially active}
 *   (equivalently Clarke's chain rule with an onto linear map plus the sum rule
 *   with strictly differentiable terms).
 * - smoothness is the class of f on all of R^{m×n} for the given shape.
 */

export type Matrix = number[][];
export type Smoothness = 'C^0' | 'C^1' | 'C^2' | 'C^inf';
export type Support = (D: Matrix) => number;

export interface ExpectedSet {
  readonly kind: 'convex' | 'clarke';
  readonly relation: 'equal' | 'subset';
  /** h(D) = max over the set of ⟨G, D⟩. */
  readonly support: Support;
  /** The set in words (for failure messages). */
  readonly text: string;
}

export interface ExpectedPoint {
  readonly X: Matrix;
  readonly differentiable: boolean;
  /** Where differentiable: ∇f(X). */
  readonly gradient?: Matrix;
  /** Where not differentiable: ∂f(X) or ∂_C f(X). */
  readonly set?: ExpectedSet;
}

export interface Case {
  readonly name: string;
  /** 'table': a row of NONSMOOTH.md §3; 1, 2, 3: the tiers of issue 12. */
  readonly tier: 'table' | 1 | 2 | 3;
  /** The case is about kinks that cancel (or that look as if they might and do not). */
  readonly cancellation?: boolean;
  readonly expr: string;
  readonly consts: Record<string, Matrix>;
  readonly shape: [number, number];
  readonly expected: {
    readonly differentiableEverywhere: boolean | null;
    readonly smoothness?: Smoothness;
    readonly convex?: boolean;
    readonly points: readonly ExpectedPoint[];
  };
  readonly why: string;
}

// ---------- helpers for gradients and support functions ----------

const ip = (A: Matrix, B: Matrix): number => {
  let s = 0;
  A.forEach((r, i) => r.forEach((a, j) => (s += a * B[i]![j]!)));
  return s;
};
const relu = (t: number): number => Math.max(t, 0);
/** m×n zeros. */
const Z = (m: number, n: number): Matrix => Array.from({ length: m }, () => Array<number>(n).fill(0));
/** m×n constant. */
const K = (m: number, n: number, c: number): Matrix => Array.from({ length: m }, () => Array<number>(n).fill(c));
/** The unit matrix E_ij (1-based) of shape m×n, times c. */
const E = (m: number, n: number, i: number, j: number, c = 1): Matrix => {
  const M = Z(m, n);
  M[i - 1]![j - 1] = c;
  return M;
};
const scale = (c: number, A: Matrix): Matrix => A.map((r) => r.map((x) => c * x));
const d = (D: Matrix, i: number, j: number): number => D[i - 1]![j - 1]!;
const frob = (D: Matrix): number => Math.sqrt(ip(D, D));

const convexSet = (text: string, support: Support): ExpectedSet => ({ kind: 'convex', relation: 'equal', support, text });
const clarkeSet = (text: string, support: Support): ExpectedSet => ({ kind: 'clarke', relation: 'equal', support, text });
const diffAt = (X: Matrix, gradient: Matrix): ExpectedPoint => ({ X, differentiable: true, gradient });
const kinkAt = (X: Matrix, set: ExpectedSet): ExpectedPoint => ({ X, differentiable: false, set });

// ---------- recurring data ----------

/** 3×2, rows pairwise non-parallel. */
const A3 = [[1, 2], [-1, 1], [0.5, -1]];
const B3 = [[0, 1], [-1, 0.5], [0.25, 0]];
/** 2×3. */
const W23 = [[1, -1, 0], [2, 0.5, -1]];
const A22 = [[0.5, -1], [0, 2]];
const Amx = [[0, 1], [-1, 0.5]];
const I2 = [[1, 0], [0, 1]];
const e = Math.E;
/** sigmoid'(t) = e^t/(1 + e^t)^2. */
const dsig = (t: number): number => Math.exp(t) / (1 + Math.exp(t)) ** 2;

// ---------- the table ----------

export const CASES: readonly Case[] = [
  // ===== NONSMOOTH.md §3, row by row =====
  {
    name: 'table: ||relu(X)||_F',
    tier: 'table',
    expr: "norm(relu(X),'fro')",
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[3, -1], [0, 4]], [[0.6, 0], [0, 0.8]]),
        diffAt([[1, 0], [0, 0]], [[1, 0], [0, 0]]),
        diffAt([[-1, -2], [-0.5, -3]], Z(2, 2)),
        kinkAt([[0, -1], [-2, 0]], convexSet('{G >= 0, supp G in {(1,1),(2,2)}, ||G||_F <= 1}', (D) => Math.hypot(relu(d(D, 1, 1)), relu(d(D, 2, 2))))),
        kinkAt([[0, 0], [0, 0]], convexSet('{G >= 0, ||G||_F <= 1}', (D) => frob(D.map((r) => r.map(relu))))),
        kinkAt([[0, -1], [-2, -3]], convexSet('[0,1]*E11', (D) => relu(d(D, 1, 1)))),
      ],
    },
    why: "f = sqrt(sum relu^2): grad relu(X)/f where relu(X) != 0 (zeros there are C1 since relu^2 is); X <= 0: f'(X;D) = ||relu(D_K)||_F on the zero set K, nonlinear iff K nonempty",
  },
  {
    name: 'table: sum(relu(X))^2',
    tier: 'table',
    expr: 'sum(relu(X))^2',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, -1], [2, 0.5]], [[7, 0], [7, 7]]),
        diffAt([[1, -1], [2, 3]], [[12, 0], [12, 12]]),
        diffAt([[0, -1], [0, -2]], Z(2, 2)),
        diffAt([[0, 0], [0, 0]], Z(2, 2)),
        kinkAt([[1, 0], [-1, 2]], convexSet('6*(E11 + E22) + [0,6]*E12', (D) => 6 * d(D, 1, 1) + 6 * d(D, 2, 2) + 6 * relu(d(D, 1, 2)))),
        kinkAt([[0.5, 0], [0, -1]], convexSet('E11 + [0,1]*E12 + [0,1]*E21', (D) => d(D, 1, 1) + relu(d(D, 1, 2)) + relu(d(D, 2, 1)))),
      ],
    },
    why: "s = sum relu >= 0, f = s^2 (u^2 convex nondecreasing on s's range): f'(X;D) = 2s*(sum_{x>0} d + sum_{x=0} relu(d)), linear iff s = 0 or no zero entry; grad 2s*H(X); set 2s*(box with [0,1] at zeros). (The table's 'differentiable at X <= 0 but not C1 near X with >= 2 zeros' also holds: perturb one zero up, another stays 0.)",
  },
  {
    name: 'table: ||relu(A*X+B)||_F^2, A 3x2',
    tier: 'table',
    expr: "norm(relu(A*X+B),'fro')^2",
    consts: { A: A3, B: B3 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^1',
      convex: true,
      points: [
        diffAt(I2, [[2.75, 3], [2.5, 15]]),
        diffAt([[0, 0], [0, 0]], [[0.25, 1], [-0.5, 5]]),
        diffAt([[2, -1], [-1, 0.5]], [[2.25, -2], [-4.5, 8]]),
      ],
    },
    why: 'relu^2 is C1 convex, so f = sum relu(z_ij)^2 is C1 convex with grad 2A\'*relu(AX+B); rows of A pairwise non-parallel: no cancellation, the second derivative jumps across each z_ij = 0: C1 not C2',
  },
  {
    name: 'table: ||relu(A*X+B) - Y||_F^2 with Y <= 0 (convex kinks)',
    tier: 'table',
    expr: "norm(relu(A*X+B)-Y,'fro')^2",
    consts: { A: A3, B: B3, Y: [[0, -1], [-0.5, 0], [0, -2]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt(I2, [[2.75, 5], [2.5, 19]]),
        kinkAt(
          [[0, 0], [0, 0]],
          convexSet('[[0.25,3],[-0.5,9]] + [0,4]*V with V = a3 in column 2', (D) => ip([[0.25, 3], [-0.5, 9]], D) + 4 * relu(0.5 * d(D, 1, 2) - d(D, 2, 2))),
        ),
      ],
    },
    why: "phi_y(z) = (relu(z) - y)^2 has slopes 0 | -2y at 0: convex kink for y < 0, smooth for y = 0; at X = 0, Z = B: z11 = 0 (y = 0, smooth), z32 = 0 (y = -2): segment [0,4] on d z32/dX; convex by DCP since every phi_y is convex",
  },
  {
    name: 'table: ||relu(A*X+B) - Y||_F^2 with y > 0 at zeros (concave kink)',
    tier: 'table',
    expr: "norm(relu(A*X+B)-Y,'fro')^2",
    consts: { A: A3, B: B3, Y: [[0.5, 0], [0, 1], [-1, 0]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [
        diffAt(I2, [[2.75, 5], [-1.5, 13]]),
        diffAt([[0.5, 0], [0, 0]], [[1.5, 3], [-3, 3]]),
        kinkAt(
          [[0, 0], [0, 0]],
          clarkeSet('[[1.25,3],[-2.5,3]] + [-1,0]*V, V = a1 in column 1 (y11 = 0.5: slopes 0 and -1)', (D) => ip([[1.25, 3], [-2.5, 3]], D) + relu(-(d(D, 1, 1) + 2 * d(D, 2, 1)))),
        ),
        kinkAt(
          [[0.5, 1], [0.5, 1]],
          clarkeSet('[[2,9],[4,15]] + [0,2]*V, V = a3 in column 1 (y31 = -1: convex kink, f not convex)', (D) => ip([[2, 9], [4, 15]], D) + 2 * relu(0.5 * d(D, 1, 1) - d(D, 2, 1))),
        ),
      ],
    },
    why: "grad 2A'((relu(Z)-Y).*H(Z)); z11 = 0 with y11 = 0.5 > 0: slopes 0 (left) and -1 (right), a concave kink (not convex), Clarke segment [-2y,0] on a1 in column 1; z32 = 0 with y32 = 0 is smooth",
  },
  {
    name: 'table: max(X) over all entries',
    tier: 'table',
    expr: 'max(X)',
    consts: {},
    shape: [2, 3],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, 2, 3], [0, -1, 2.5]], E(2, 3, 1, 3)),
        kinkAt([[3, 1, 3], [0, 3, -1]], convexSet('conv{E11, E13, E22}', (D) => Math.max(d(D, 1, 1), d(D, 1, 3), d(D, 2, 2)))),
        kinkAt(Z(2, 3), convexSet('conv{E_ij}', (D) => Math.max(...D.flat()))),
      ],
    },
    why: "Danskin: f'(X;D) = max over maximisers of d_ij; linear iff the maximiser is unique; set conv{E_ij : x_ij = max}",
  },
  {
    name: 'table: sum(relu(sin(X)))',
    tier: 'table',
    expr: 'sum(relu(sin(X)))',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [
        diffAt([[1, -1], [2, 0.5]], [[Math.cos(1), 0], [Math.cos(2), Math.cos(0.5)]]),
        diffAt([[3, 3.5], [-3, -3.5]], [[Math.cos(3), 0], [0, Math.cos(3.5)]]),
        kinkAt([[0, 1], [-1, 4]], clarkeSet('cos(1)*E12 + [0,1]*E11', (D) => Math.cos(1) * d(D, 1, 2) + relu(d(D, 1, 1)))),
      ],
    },
    why: 'grad H(sin X).*cos X; sin 3 > 0, sin 3.5 < 0, sin 4 < 0 (pi < 3.5, 4 < 2 pi); at x = 0: [0,1]*cos 0 (chain rule, sin\'(0) != 0); not convex (sin is concave on (0, pi))',
  },
  {
    name: 'table: ||X||_F',
    tier: 'table',
    expr: "norm(X,'fro')",
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, 2], [2, 4]], [[0.2, 0.4], [0.4, 0.8]]),
        diffAt([[0, 0], [0, -3]], [[0, 0], [0, -1]]),
        kinkAt(Z(2, 2), convexSet('unit Frobenius ball', frob)),
      ],
    },
    why: '||X||_F = 5 at [[1,2],[2,4]]: grad X/5; at 0 the subdifferential of a norm is its dual unit ball (the Frobenius ball)',
  },

  // ===== cancellation (and look-alikes that do not cancel) =====
  {
    name: 'cancel: ||relu(A*X)||_F^2, A = [1; -1] is ||X||_F^2',
    tier: 3,
    cancellation: true,
    expr: "norm(relu(A*X),'fro')^2",
    consts: { A: [[1], [-1]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt([[0, 0]], [[0, 0]]), diffAt([[0, 1.5]], [[0, 3]]), diffAt([[-2, 0.5]], [[-4, 1]])],
    },
    why: 'relu(x)^2 + relu(-x)^2 = x^2 for every column: f = ||X||_F^2, grad 2X',
  },
  {
    name: 'cancel?: ||relu(A*X)||_F^2, A = [1; 2] (same side: no cancellation)',
    tier: 3,
    cancellation: true,
    expr: "norm(relu(A*X),'fro')^2",
    consts: { A: [[1], [2]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^1',
      convex: true,
      points: [diffAt([[0, 0]], [[0, 0]]), diffAt([[0, 1.5]], [[0, 15]]), diffAt([[-2, 0.5]], [[0, 5]])],
    },
    why: 'relu(x)^2 + relu(2x)^2 = 5 relu(x)^2: C1 not C2, grad 10 relu(X)',
  },
  {
    name: 'cancel?: ||relu(A*X)||_F^2, A = [1; -2] (opposite, unequal: no cancellation)',
    tier: 3,
    cancellation: true,
    expr: "norm(relu(A*X),'fro')^2",
    consts: { A: [[1], [-2]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^1',
      convex: true,
      points: [diffAt([[0, 0]], [[0, 0]]), diffAt([[0, 1.5]], [[0, 3]]), diffAt([[-2, 0.5]], [[-16, 1]])],
    },
    why: 'relu(x)^2 + 4 relu(-x)^2 = 4x^2 - 3 relu(x)^2 (second derivative 8 | 2): C1 not C2; grad 2 relu(x) - 8 relu(-x)',
  },
  {
    name: 'cancel?: sum(relu(A*X)), A = [1; -1] is sum |x| (kinks add, never cancel)',
    tier: 3,
    cancellation: true,
    expr: 'sum(relu(A*X))',
    consts: { A: [[1], [-1]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[2, -1]], [[1, -1]]), kinkAt([[0, 1]], convexSet('E12 + [-1,1]*E11', (D) => Math.abs(d(D, 1, 1)) + d(D, 1, 2)))],
    },
    why: 'relu(x) + relu(-x) = |x|',
  },
  {
    name: 'cancel?: sum(relu(A*X)), A = [1; 2] is 3 sum relu',
    tier: 3,
    cancellation: true,
    expr: 'sum(relu(A*X))',
    consts: { A: [[1], [2]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[-1, 1]], [[0, 3]]), kinkAt([[0, 1]], convexSet('3*E12 + [0,3]*E11', (D) => 3 * relu(d(D, 1, 1)) + 3 * d(D, 1, 2)))],
    },
    why: 'relu(x) + relu(2x) = 3 relu(x)',
  },
  {
    name: 'cancel?: sum(relu(A*X)), A = [1; -2]',
    tier: 3,
    cancellation: true,
    expr: 'sum(relu(A*X))',
    consts: { A: [[1], [-2]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[1, 2]], [[1, 1]]), kinkAt([[0, -1]], convexSet('-2*E12 + [-2,1]*E11', (D) => -2 * d(D, 1, 2) + Math.max(d(D, 1, 1), -2 * d(D, 1, 1))))],
    },
    why: 'relu(x) + 2 relu(-x): slopes -2 | 1 at 0; at x = -1 slope -2',
  },
  {
    name: 'cancel: sum(relu(X) + min(X,0)) is sum(X)',
    tier: 1,
    cancellation: true,
    expr: 'sum(relu(X) + min(X,0))',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(Z(2, 2), K(2, 2, 1)), diffAt([[1, -1], [0, 2]], K(2, 2, 1))],
    },
    why: 'relu(t) + min(t,0) = t (the sum rule alone would give [0,2] at 0)',
  },
  {
    name: 'cancel: sum(relu(X-A) + min(X-A,0)) is sum(X-A)',
    tier: 1,
    cancellation: true,
    expr: 'sum(relu(X-A) + min(X-A,0))',
    consts: { A: A22 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(A22, K(2, 2, 1)), diffAt(Z(2, 2), K(2, 2, 1))],
    },
    why: 'relu(t) + min(t,0) = t entry by entry with t = x_ij - a_ij',
  },
  {
    name: 'cancel: sum(relu(A*X)) - sum(abs(X)) = 0, A = [1; -1]',
    tier: 3,
    cancellation: true,
    expr: 'sum(relu(A*X)) - sum(abs(X))',
    consts: { A: [[1], [-1]] },
    shape: [1, 3],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(Z(1, 3), Z(1, 3)), diffAt([[1, -2, 0]], Z(1, 3))],
    },
    why: 'relu(x) + relu(-x) - |x| = 0: f is the constant 0',
  },
  {
    name: 'cancel: sum(relu(A*X)) - 2*sum(relu(X)) = -sum(X), A = [1; -1]',
    tier: 3,
    cancellation: true,
    expr: 'sum(relu(A*X)) - 2*sum(relu(X))',
    consts: { A: [[1], [-1]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(Z(1, 2), K(1, 2, -1)), diffAt([[1, -1]], K(1, 2, -1))],
    },
    why: 'relu(x) + relu(-x) - 2 relu(x) = relu(-x) - relu(x) = -x',
  },
  {
    name: 'cancel: ||relu(A*X+B)||_F^2, A = [1; -1], B = [0.5 0; -0.5 0]',
    tier: 3,
    cancellation: true,
    expr: "norm(relu(A*X+B),'fro')^2",
    consts: { A: [[1], [-1]], B: [[0.5, 0], [-0.5, 0]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt([[-0.5, 0]], [[0, 0]]), diffAt([[1, -1]], [[3, -2]])],
    },
    why: 'column 1: relu(x+0.5)^2 + relu(-(x+0.5))^2 = (x+0.5)^2 (same surface, opposite sides); column 2: x^2',
  },
  {
    name: 'cancel?: ||relu(A*X+B)||_F^2, A = [1; -1], B = [0.5 0; 0.5 0] (different surfaces)',
    tier: 3,
    cancellation: true,
    expr: "norm(relu(A*X+B),'fro')^2",
    consts: { A: [[1], [-1]], B: [[0.5, 0], [0.5, 0]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^1',
      convex: true,
      points: [diffAt([[0, 0]], [[0, 0]]), diffAt([[1, -1]], [[3, -2]]), diffAt([[0.5, 2]], [[2, 4]])],
    },
    why: 'column 1: relu(x+0.5)^2 + relu(0.5-x)^2, kinks at x = -0.5 and x = 0.5 do not meet: C1 not C2; column 2: x^2',
  },
  {
    name: 'cancel: ||relu(X*W)||_F^2, W = [1 -1] is ||X||_F^2',
    tier: 3,
    cancellation: true,
    expr: "norm(relu(X*W),'fro')^2",
    consts: { W: [[1, -1]] },
    shape: [3, 1],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt([[0], [1], [-2]], [[0], [2], [-4]]), diffAt(Z(3, 1), Z(3, 1))],
    },
    why: 'X*W has rows (x_i, -x_i): relu(x)^2 + relu(-x)^2 = x^2',
  },
  {
    name: 'cancel?: sum(relu(X*W)), W = [1 -1] is sum |x|',
    tier: 3,
    cancellation: true,
    expr: 'sum(relu(X*W))',
    consts: { W: [[1, -1]] },
    shape: [3, 1],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[1], [-1], [2]], [[1], [-1], [1]]), kinkAt([[0], [1], [-2]], convexSet('E21 - E31 + [-1,1]*E11', (D) => Math.abs(d(D, 1, 1)) + d(D, 2, 1) - d(D, 3, 1)))],
    },
    why: 'relu(x) + relu(-x) = |x| per row',
  },
  {
    name: 'cancel: sum(relu(A*X+B)) - sum(relu(-A*X-B)) = sum(A*X+B)',
    tier: 3,
    cancellation: true,
    expr: 'sum(relu(A*X+B)) - sum(relu(-A*X-B))',
    consts: { A: A3, B: B3 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(Z(2, 2), [[0.5, 0.5], [2, 2]]), diffAt([[2, -1], [-1, 0.5]], [[0.5, 0.5], [2, 2]]), diffAt(I2, [[0.5, 0.5], [2, 2]])],
    },
    why: "relu(z) - relu(-z) = z on each of the six surfaces: f = sum(AX+B), grad A'*ones = column sums of A (0.5, 2) in every column; X = 0 and [[2,-1],[-1,0.5]] sit on two surfaces each",
  },
  {
    name: 'cancel: ||relu(A*X)||_F^2, A = [1 1; -1 -1] is (x1+x2)^2',
    tier: 3,
    cancellation: true,
    expr: "norm(relu(A*X),'fro')^2",
    consts: { A: [[1, 1], [-1, -1]] },
    shape: [2, 1],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt([[1], [-1]], [[0], [0]]), diffAt([[1], [0.5]], [[3], [3]])],
    },
    why: 'rows parallel with opposite sign: relu(u)^2 + relu(-u)^2 = u^2, u = x1 + x2; grad 2u*[1;1]',
  },
  {
    name: 'cancel: the square cancels, the norm does not: ||relu(A*X)||_F, A = [1; -1] is ||X||_F',
    tier: 3,
    cancellation: true,
    expr: "norm(relu(A*X),'fro')",
    consts: { A: [[1], [-1]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[3, -4]], [[0.6, -0.8]]), diffAt([[0, 2]], [[0, 1]]), kinkAt(Z(1, 2), convexSet('unit Frobenius ball', frob))],
    },
    why: 'sqrt(sum relu(x)^2 + relu(-x)^2) = sqrt(sum x^2) = ||X||_F: smooth off 0, the ball at 0 (not {G >= 0}: both signs occur)',
  },
  {
    name: 'cancel: sum(relu(X).^2 + relu(-X).^2) is ||X||_F^2',
    tier: 1,
    cancellation: true,
    expr: 'sum(relu(X).^2 + relu(-X).^2)',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(Z(2, 2), Z(2, 2)), diffAt([[1, -1], [0, 2]], [[2, -2], [0, 4]])],
    },
    why: 'relu(t)^2 + relu(-t)^2 = t^2',
  },
  {
    name: 'cancel: sum(relu(X-A).^2 + relu(A-X).^2) is ||X-A||_F^2',
    tier: 1,
    cancellation: true,
    expr: 'sum(relu(X-A).^2 + relu(A-X).^2)',
    consts: { A: A22 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(A22, Z(2, 2)), diffAt(Z(2, 2), [[-1, 2], [0, -4]])],
    },
    why: 'relu(t)^2 + relu(-t)^2 = t^2 with t = x - a: grad 2(X - A)',
  },
  {
    name: 'cancel: sum(abs(X-A) - 2*relu(X-A)) = sum(A-X)',
    tier: 1,
    cancellation: true,
    expr: 'sum(abs(X-A) - 2*relu(X-A))',
    consts: { A: A22 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(A22, K(2, 2, -1)), diffAt(Z(2, 2), K(2, 2, -1))],
    },
    why: '|t| - 2 relu(t) = -t',
  },
  {
    name: 'cancel per entry: sum(A.*relu(X) + B.*relu(-X)), A = [1 2], B = [-1 2]',
    tier: 1,
    cancellation: true,
    expr: 'sum(A.*relu(X) + B.*relu(-X))',
    consts: { A: [[1, 2]], B: [[-1, 2]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[0, 1]], [[1, 2]]), diffAt([[-1, -1]], [[1, -2]]), kinkAt([[1, 0]], convexSet('E11 + [-2,2]*E12', (D) => d(D, 1, 1) + 2 * Math.abs(d(D, 1, 2))))],
    },
    why: 'entry 1: relu(x) - relu(-x) = x (smooth); entry 2: 2 relu(x) + 2 relu(-x) = 2|x|',
  },

  // ===== tier 1: entry-wise with data =====
  {
    name: 'tier 1: sum(relu(X-A))',
    tier: 1,
    expr: 'sum(relu(X-A))',
    consts: { A: A22 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, 0], [-1, 3]], [[1, 1], [0, 1]]),
        kinkAt([[0.5, 0], [1, 2]], convexSet('E12 + E21 + [0,1]*(E11, E22)', (D) => d(D, 1, 2) + d(D, 2, 1) + relu(d(D, 1, 1)) + relu(d(D, 2, 2)))),
        kinkAt(A22, convexSet('[0,1] box', (D) => D.flat().reduce((s, x) => s + relu(x), 0))),
      ],
    },
    why: 'phi_ij(t) = relu(t - a_ij): grad H(X - A), [0,1] where x_ij = a_ij',
  },
  {
    name: 'tier 1: sum(A.*abs(X)) with a negative weight',
    tier: 1,
    expr: 'sum(A.*abs(X))',
    consts: { A: [[2, -1], [0.5, 0]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [
        diffAt([[1, -2], [-3, 0]], [[2, 1], [-0.5, 0]]),
        kinkAt([[0, 1], [1, 1]], clarkeSet('-E12 + 0.5 E21 + [-2,2]*E11', (D) => -d(D, 1, 2) + 0.5 * d(D, 2, 1) + 2 * Math.abs(d(D, 1, 1)))),
        kinkAt([[1, 0], [1, 1]], clarkeSet('2 E11 + 0.5 E21 + [-1,1]*E12 (concave kink)', (D) => 2 * d(D, 1, 1) + 0.5 * d(D, 2, 1) + Math.abs(d(D, 1, 2)))),
      ],
    },
    why: 'a|x|: grad A.*sign(X); x22 = 0 is harmless (a22 = 0); a12 = -1 gives -|x|, a concave kink: not convex; Clarke of a|.| at 0 is [-|a|,|a|]',
  },
  {
    name: "tier 1: trace(A'*relu(X)) with a negative weight",
    tier: 1,
    expr: "trace(A'*relu(X))",
    consts: { A: [[1, -2], [0, 3]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [
        diffAt([[1, 1], [-1, -1]], [[1, -2], [0, 0]]),
        diffAt([[1, -1], [0, 2]], [[1, 0], [0, 3]]),
        kinkAt([[0, 1], [5, -1]], clarkeSet('-2 E12 + [0,1]*E11', (D) => -2 * d(D, 1, 2) + relu(d(D, 1, 1)))),
        kinkAt([[1, 0], [1, 1]], clarkeSet('E11 + 3 E22 + [-2,0]*E12 (concave kink)', (D) => d(D, 1, 1) + 3 * d(D, 2, 2) + 2 * relu(-d(D, 1, 2)))),
      ],
    },
    why: "<A, relu(X)> = sum a_ij relu(x_ij): grad A.*H(X); a21 = 0 makes x21 = 0 harmless; a12 = -2 < 0: concave kink",
  },
  {
    name: "tier 1: trace(A'*relu(X)) with A >= 0",
    tier: 1,
    expr: "trace(A'*relu(X))",
    consts: { A: [[1, 0.5], [2, 0]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, -1], [2, 0]], [[1, 0], [2, 0]]),
        kinkAt(Z(2, 2), convexSet('box [0,1]x[0,0.5]x[0,2]x{0}', (D) => relu(d(D, 1, 1)) + 0.5 * relu(d(D, 1, 2)) + 2 * relu(d(D, 2, 1)))),
      ],
    },
    why: 'nonnegative weights of convex relu: convex; box [0, a_ij] at zeros',
  },
  {
    name: "tier 1: norm(X-A,'fro')^2, 2x3",
    tier: 1,
    expr: "norm(X-A,'fro')^2",
    consts: { A: [[1, -2, 0.5], [0, 3, -1]] },
    shape: [2, 3],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [
        diffAt(Z(2, 3), [[-2, 4, -1], [0, -6, 2]]),
        diffAt([[1, -2, 0.5], [0, 3, -1]], Z(2, 3)),
        diffAt([[1, 1, 1], [1, 1, 1]], [[0, 6, 1], [2, -4, 4]]),
      ],
    },
    why: 'grad 2(X - A)',
  },
  {
    name: 'tier 1: sum(A), a constant',
    tier: 1,
    expr: 'sum(A)',
    consts: { A: [[1, 2], [3, -4.5]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt([[1, 2], [3, 4]], Z(2, 2)), diffAt(Z(2, 2), Z(2, 2))],
    },
    why: 'f = 1.5 for every X: gradient 0',
  },
  {
    name: 'tier 1: sum(abs(X-A))',
    tier: 1,
    expr: 'sum(abs(X-A))',
    consts: { A: Amx },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt(I2, [[1, -1], [1, 1]]),
        kinkAt([[0, 0], [-1, 1]], convexSet('-E12 + E22 + [-1,1]*(E11, E21)', (D) => Math.abs(d(D, 1, 1)) - d(D, 1, 2) + Math.abs(d(D, 2, 1)) + d(D, 2, 2))),
      ],
    },
    why: 'grad sign(X - A), [-1,1] where x_ij = a_ij',
  },
  {
    name: 'tier 1: sum(max(X,A)) (entry-wise max)',
    tier: 1,
    expr: 'sum(max(X,A))',
    consts: { A: Amx },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt(I2, [[1, 0], [1, 1]]),
        kinkAt([[0, 1], [0, 0]], convexSet('E21 + [0,1]*(E11, E12)', (D) => relu(d(D, 1, 1)) + relu(d(D, 1, 2)) + d(D, 2, 1))),
      ],
    },
    why: 'max(x, a) has slope H(x - a), [0,1] at ties',
  },
  {
    name: 'tier 1: sum(min(X,A)) (concave)',
    tier: 1,
    expr: 'sum(min(X,A))',
    consts: { A: Amx },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [
        diffAt(I2, [[0, 1], [0, 0]]),
        kinkAt([[0, 1], [0, 0]], clarkeSet('E22 + [0,1]*(E11, E12)', (D) => d(D, 2, 2) + relu(d(D, 1, 1)) + relu(d(D, 1, 2)))),
      ],
    },
    why: 'min(x, a): slopes 1 | 0 at a tie, a concave kink; Clarke [0,1]',
  },
  {
    name: 'tier 1: sum(relu(X-A).^2)',
    tier: 1,
    expr: 'sum(relu(X-A).^2)',
    consts: { A: A22 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^1',
      convex: true,
      points: [diffAt(A22, Z(2, 2)), diffAt([[1, 0], [-1, 3]], [[1, 2], [0, 2]])],
    },
    why: 'grad 2 relu(X - A); relu^2 is C1 not C2',
  },
  {
    name: 'tier 1: sum(A.*X.^2) with a negative weight',
    tier: 1,
    expr: 'sum(A.*X.^2)',
    consts: { A: [[1, -1], [0.5, 2]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: false,
      points: [diffAt([[1, 1], [2, -1]], [[2, -2], [2, -4]])],
    },
    why: 'grad 2A.*X; a12 = -1: negative curvature',
  },
  {
    name: 'tier 1: sum(relu(X-A).^3)',
    tier: 1,
    expr: 'sum(relu(X-A).^3)',
    consts: { A: [[0, 1]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^2',
      convex: true,
      points: [diffAt([[2, 3]], [[12, 12]]), diffAt([[0, 1]], [[0, 0]])],
    },
    why: 'relu^3: C2 not C3, convex; grad 3 relu(X - A).^2',
  },
  {
    name: 'tier 1: sum(sqrt(X.^2 + A)), A = [1 0] (the second entry is |x|)',
    tier: 1,
    expr: 'sum(sqrt(X.^2 + A))',
    consts: { A: [[1, 0]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[0.75, -2]], [[0.6, -1]]), kinkAt([[0, 0]], convexSet('[-1,1]*E12', (D) => Math.abs(d(D, 1, 2))))],
    },
    why: 'sqrt(x^2 + 1) is smooth convex (0.75/1.25 = 0.6); sqrt(x^2 + 0) = |x|',
  },
  {
    name: 'tier 1: sum(exp(X-A))',
    tier: 1,
    expr: 'sum(exp(X-A))',
    consts: { A: Amx },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(Amx, K(2, 2, 1)), diffAt(Z(2, 2), [[1, 1 / e], [e, Math.exp(-0.5)]])],
    },
    why: 'grad exp(X - A)',
  },
  {
    name: "tier 1: trace(A'*abs(X-B))",
    tier: 1,
    expr: "trace(A'*abs(X-B))",
    consts: { A: [[1, 2], [3, 0.5]], B: Amx },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt(I2, [[1, -2], [3, 0.5]]),
        kinkAt(Amx, convexSet('box [-a_ij, a_ij]', (D) => Math.abs(d(D, 1, 1)) + 2 * Math.abs(d(D, 1, 2)) + 3 * Math.abs(d(D, 2, 1)) + 0.5 * Math.abs(d(D, 2, 2)))),
      ],
    },
    why: 'sum a_ij |x_ij - b_ij| with a > 0: grad A.*sign(X - B)',
  },
  {
    name: 'tier 1: sum(A.*X) + sum(B), affine',
    tier: 1,
    expr: 'sum(A.*X) + sum(B)',
    consts: { A: [[1, -2], [0.5, 0]], B: [[3]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(Z(2, 2), [[1, -2], [0.5, 0]])],
    },
    why: 'affine: grad A',
  },

  // ===== tier 2: outer functions of reductions =====
  {
    name: 'tier 2: sqrt(sum(X.^2)), 2x3',
    tier: 2,
    expr: 'sqrt(sum(X.^2))',
    consts: {},
    shape: [2, 3],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[1, 2, 2], [0, 0, 0]], [[1 / 3, 2 / 3, 2 / 3], [0, 0, 0]]), kinkAt(Z(2, 3), convexSet('unit Frobenius ball', frob))],
    },
    why: '= ||X||_F; norm 3 at the first point',
  },
  {
    name: 'tier 2: log(sum(exp(X)))',
    tier: 2,
    expr: 'log(sum(exp(X)))',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [
        diffAt(Z(2, 2), K(2, 2, 0.25)),
        diffAt([[1, 2], [3, 0]], scale(1 / (e + e * e + e * e * e + 1), [[e, e * e], [e * e * e, 1]])),
      ],
    },
    why: 'grad softmax(X) = exp(X)/sum(exp(X))',
  },
  {
    name: 'tier 2: min(X) over all entries',
    tier: 2,
    expr: 'min(X)',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [diffAt([[1, 2], [0.5, 3]], E(2, 2, 2, 1)), kinkAt([[1, 1], [2, 1]], clarkeSet('conv{E11, E12, E22}', (D) => Math.max(d(D, 1, 1), d(D, 1, 2), d(D, 2, 2))))],
    },
    why: "min = -max(-X): concave; Clarke conv{E_ij : x_ij = min}; f'(X;D) = min over minimisers",
  },
  {
    name: 'tier 2: abs(sum(X))',
    tier: 2,
    expr: 'abs(sum(X))',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, 2], [0, -1]], K(2, 2, 1)),
        diffAt([[-1, 0], [0, 0]], K(2, 2, -1)),
        kinkAt([[1, -1], [0.5, -0.5]], convexSet('[-1,1]*ones', (D) => Math.abs(D.flat().reduce((s, x) => s + x, 0)))),
      ],
    },
    why: '|s| with s = sum(X): sign(s)*ones, [-1,1]*ones at s = 0',
  },
  {
    name: 'tier 2: relu(sum(X)-1)',
    tier: 2,
    expr: 'relu(sum(X)-1)',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, 1], [0, 0]], K(2, 2, 1)),
        diffAt(Z(2, 2), Z(2, 2)),
        kinkAt([[0.5, 0.5], [0, 0]], convexSet('[0,1]*ones', (D) => relu(D.flat().reduce((s, x) => s + x, 0)))),
      ],
    },
    why: 'relu(s - 1): H(s - 1)*ones, [0,1]*ones at s = 1',
  },
  {
    name: 'tier 2: max(abs(X)) (largest |entry|)',
    tier: 2,
    expr: 'max(abs(X))',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, -3], [2, 0]], E(2, 2, 1, 2, -1)),
        kinkAt([[1, -3], [3, 0]], convexSet('conv{-E12, E21}', (D) => Math.max(-d(D, 1, 2), d(D, 2, 1)))),
        kinkAt([[2, 2], [-1, 0]], convexSet('conv{E11, E12}', (D) => Math.max(d(D, 1, 1), d(D, 1, 2)))),
        kinkAt(Z(2, 2), convexSet('conv{+-E_ij} (unit l1 ball)', (D) => Math.max(...D.flat().map(Math.abs)))),
      ],
    },
    why: "max of |x_ij| = max of the 2mn linear functions +-x_ij: conv{sign(x_ij)E_ij : |x_ij| = M} for M > 0, conv{+-E_ij} at X = 0",
  },
  {
    name: "tier 2: 3*norm(X,'fro') + norm(X,'fro')^2",
    tier: 2,
    expr: "3*norm(X,'fro') + norm(X,'fro')^2",
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[1, 2], [2, 4]], [[2.6, 5.2], [5.2, 10.4]]), kinkAt(Z(2, 2), convexSet('Frobenius ball of radius 3', (D) => 3 * frob(D)))],
    },
    why: 'grad 3X/||X|| + 2X (= 2.6 X at norm 5); at 0: 3*ball + {0}',
  },
  {
    name: 'tier 2: sum(X)^2, 2x3',
    tier: 2,
    expr: 'sum(X)^2',
    consts: {},
    shape: [2, 3],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt([[1, 2, 3], [-1, 0, 0.5]], K(2, 3, 11))],
    },
    why: 'grad 2 s ones, s = 5.5',
  },
  {
    name: 'tier 2: sqrt(sum(X.^2) + 1)',
    tier: 2,
    expr: 'sqrt(sum(X.^2) + 1)',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt([[2, 2], [0, 0]], [[2 / 3, 2 / 3], [0, 0]]), diffAt(Z(2, 2), Z(2, 2))],
    },
    why: 'sqrt(||X||^2 + 1) > 0: smooth, convex; grad X / 3 at ||X||^2 = 8',
  },
  {
    name: 'tier 2: sum(abs(X))^2',
    tier: 2,
    expr: 'sum(abs(X))^2',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt(Z(2, 2), Z(2, 2)),
        diffAt([[1, -2], [3, 0.5]], [[13, -13], [13, 13]]),
        kinkAt([[1, -2], [0, 0.5]], convexSet('7*(E11 - E12 + E22) + [-7,7]*E21', (D) => 7 * (d(D, 1, 1) - d(D, 1, 2) + Math.abs(d(D, 2, 1)) + d(D, 2, 2)))),
      ],
    },
    why: "s = ||X||_1, f = s^2 (nondecreasing on s >= 0): f'(X;D) = 2s*s'(X;D): differentiable at X = 0 (value 0) and where no entry is 0",
  },
  {
    name: 'tier 2: log(1 + sum(X.^2)) (smooth, not convex)',
    tier: 2,
    expr: 'log(1 + sum(X.^2))',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: false,
      points: [diffAt([[1, 1], [1, 0]], [[0.5, 0.5], [0.5, 0]]), diffAt([[2, 0], [0, 0]], [[0.8, 0], [0, 0]])],
    },
    why: 'grad 2X/(1 + ||X||^2); along a line through 0, log(1 + r^2) has second derivative 2(1 - r^2)/(1 + r^2)^2 < 0 for r > 1',
  },
  {
    name: 'tier 2: max(X) - min(X) (range)',
    tier: 2,
    expr: 'max(X) - min(X)',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, 2], [3, 0]], [[0, 0], [1, -1]]),
        kinkAt([[1, 1], [1, 1]], convexSet('conv{E_ij} - conv{E_kl}', (D) => Math.max(...D.flat()) - Math.min(...D.flat()))),
        kinkAt([[2, 2], [0, 1]], convexSet('conv{E11, E12} - E21', (D) => Math.max(d(D, 1, 1), d(D, 1, 2)) - d(D, 2, 1))),
      ],
    },
    why: 'max(X) + max(-X): a sum of convex functions, Rockafellar 23.8',
  },
  {
    name: 'tier 2: relu(max(X))',
    tier: 2,
    expr: 'relu(max(X))',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, 2], [0, -1]], E(2, 2, 1, 2)),
        diffAt([[-1, -2], [-3, -1]], Z(2, 2)),
        kinkAt([[0, 0], [-1, -2]], convexSet('conv{0, E11, E12}', (D) => relu(Math.max(d(D, 1, 1), d(D, 1, 2))))),
      ],
    },
    why: 'relu nondecreasing convex of convex max: [0,1]*conv{E_ij active} when max = 0',
  },
  {
    name: 'tier 2: max(X)^2 (not convex)',
    tier: 2,
    expr: 'max(X)^2',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [
        diffAt([[1, 2], [0, -1]], E(2, 2, 1, 2, 4)),
        diffAt([[0, 0], [-1, -1]], Z(2, 2)),
        kinkAt([[1, 1], [0, -1]], clarkeSet('2*conv{E11, E12}', (D) => 2 * Math.max(d(D, 1, 1), d(D, 1, 2)))),
        kinkAt([[-1, -1], [-2, -3]], clarkeSet('-2*conv{E11, E12}', (D) => Math.max(-2 * d(D, 1, 1), -2 * d(D, 1, 2)))),
      ],
    },
    why: "f'(X;D) = 2M*max_{active} d: differentiable iff M = 0 or one maximiser; u^2 with u = max(x, -1) has slopes -2 | 0 at u = -1 (concave kink): not convex; Clarke g'(M)*conv{E active}",
  },
  {
    name: 'tier 2: -max(X) (concave)',
    tier: 2,
    expr: '-max(X)',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [diffAt([[1, 0], [0, 0]], E(2, 2, 1, 1, -1)), kinkAt([[1, 1], [0, 0]], clarkeSet('-conv{E11, E12}', (D) => Math.max(-d(D, 1, 1), -d(D, 1, 2))))],
    },
    why: 'Clarke of -g is -Clarke of g',
  },
  {
    name: "tier 2: norm(X-A,'fro')",
    tier: 2,
    expr: "norm(X-A,'fro')",
    consts: { A: [[1, 0], [0, -1]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[4, 4], [0, -1]], [[0.6, 0.8], [0, 0]]), kinkAt([[1, 0], [0, -1]], convexSet('unit Frobenius ball', frob))],
    },
    why: '(X - A)/||X - A||_F, the unit ball at X = A',
  },
  {
    name: 'tier 2: sum(X.^2)^2',
    tier: 2,
    expr: 'sum(X.^2)^2',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt([[1, 0], [1, 1]], [[12, 0], [12, 12]])],
    },
    why: '||X||^4: grad 4||X||^2 X',
  },
  {
    name: 'tier 2: exp(max(X))',
    tier: 2,
    expr: 'exp(max(X))',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[1, 0], [0, 0]], E(2, 2, 1, 1, e)), kinkAt([[0, 0], [-1, -1]], convexSet('e^0*conv{E11, E12}', (D) => Math.max(d(D, 1, 1), d(D, 1, 2))))],
    },
    why: 'exp nondecreasing convex of max: exp(M)*conv{E active}',
  },
  {
    name: "tier 2: norm(relu(X),'fro'), 3x1",
    tier: 2,
    expr: "norm(relu(X),'fro')",
    consts: {},
    shape: [3, 1],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[3], [0], [4]], [[0.6], [0], [0.8]]),
        kinkAt([[0], [-1], [0]], convexSet('{G >= 0, supp G in {1,3}, ||G|| <= 1}', (D) => Math.hypot(relu(d(D, 1, 1)), relu(d(D, 3, 1))))),
      ],
    },
    why: 'as the table row, another shape',
  },
  {
    name: 'tier 2: sum(relu(X))^2, 1x3',
    tier: 2,
    expr: 'sum(relu(X))^2',
    consts: {},
    shape: [1, 3],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[0, 0, -1]], Z(1, 3)), diffAt([[2, 1, -1]], [[6, 6, 0]]), kinkAt([[2, 0, -1]], convexSet('4 E11 + [0,4]*E12', (D) => 4 * d(D, 1, 1) + 4 * relu(d(D, 1, 2))))],
    },
    why: 'as the table row, another shape: s = 2 at the kink point',
  },
  {
    name: "tier 2: norm(relu(X),'fro')^2 (separable)",
    tier: 2,
    expr: "norm(relu(X),'fro')^2",
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^1',
      convex: true,
      points: [diffAt([[2.5, -1], [0, 4]], [[5, 0], [0, 8]])],
    },
    why: 'grad 2 relu(X)',
  },
  {
    name: 'tier 2: sum(relu(X)) (separable)',
    tier: 2,
    expr: 'sum(relu(X))',
    consts: {},
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[1, -1], [2, -3]], [[1, 0], [1, 0]]), kinkAt([[0, 1], [-1, 0]], convexSet('E12 + [0,1]*(E11, E22)', (D) => relu(d(D, 1, 1)) + d(D, 1, 2) + relu(d(D, 2, 2))))],
    },
    why: 'H(X), [0,1] at zeros',
  },
  {
    name: 'tier 2: log(sum(exp(X-A)))',
    tier: 2,
    expr: 'log(sum(exp(X-A)))',
    consts: { A: Amx },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(Amx, K(2, 2, 0.25))],
    },
    why: 'softmax of X - A, uniform at X = A',
  },

  // ===== tier 3: linear maps =====
  {
    name: 'tier 3: sum(A*X), A 3x2',
    tier: 3,
    expr: 'sum(A*X)',
    consts: { A: A3 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(I2, [[0.5, 0.5], [2, 2]])],
    },
    why: "1'AX1: grad A'*ones(3,2), the column sums of A in each column",
  },
  {
    name: "tier 3: norm(A*X-Y,'fro')^2",
    tier: 3,
    expr: "norm(A*X-Y,'fro')^2",
    consts: { A: A3, Y: [[1, 0], [0, 1], [1, 1]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(I2, [[1.5, 2], [-1, 12]])],
    },
    why: "grad 2A'(AX - Y) with AX - Y = [[0,2],[-1,0],[-0.5,-2]]",
  },
  {
    name: 'tier 3: sum(abs(A*X-Y))',
    tier: 3,
    expr: 'sum(abs(A*X-Y))',
    consts: { A: A3, Y: [[1, 0], [0, 1], [1, 1]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[3, 0], [1, 3]], [[1.5, -0.5], [2, 4]]),
        kinkAt(I2, convexSet("A'sign(R) + [-1,1]*(a1 in col 1) + [-1,1]*(a2 in col 2)", (D) => ip([[0.5, 0.5], [0, 3]], D) + Math.abs(d(D, 1, 1) + 2 * d(D, 2, 1)) + Math.abs(-d(D, 1, 2) + d(D, 2, 2)))),
      ],
    },
    why: "Rockafellar 23.9: A' * (sign box of AX - Y); at X = I, R = [[0,2],[-1,0],[-0.5,-2]] has zeros at (1,1), (2,2)",
  },
  {
    name: 'tier 3: sum(relu(X*W)), W 2x3',
    tier: 3,
    expr: 'sum(relu(X*W))',
    consts: { W: W23 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, 1], [-1, 1]], [[1, 2], [0, 2.5]]),
        kinkAt(I2, convexSet("H(Z)W' + [0,1]*V, V = row 1 = (w13, w23) = (0, -1)", (D) => ip([[1, 2], [0, 2.5]], D) + relu(-d(D, 1, 2)))),
      ],
    },
    why: "grad H(XW)*W'; at X = I, Z = W has z13 = -x12 = 0",
  },
  {
    name: "tier 3: norm(relu(A*X+B),'fro')^2, A 2x3, X 3x1",
    tier: 3,
    expr: "norm(relu(A*X+B),'fro')^2",
    consts: { A: [[1, 0, -1], [2, 1, 0.5]], B: [[0], [-1]] },
    shape: [3, 1],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^1',
      convex: true,
      points: [diffAt([[1], [1], [1]], [[10], [5], [2.5]]), diffAt(Z(3, 1), Z(3, 1))],
    },
    why: "grad 2A'relu(AX+B); at X = ones: Z = (0, 2.5)",
  },
  {
    name: "tier 3: norm(relu(A*X+B)-Y,'fro')^2, A 2x3, concave kink",
    tier: 3,
    expr: "norm(relu(A*X+B)-Y,'fro')^2",
    consts: { A: [[1, 0, -1], [2, 1, 0.5]], B: [[0], [-1]], Y: [[1], [0]] },
    shape: [3, 1],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [
        diffAt([[2], [0], [0]], [[14], [6], [1]]),
        kinkAt([[1], [1], [1]], clarkeSet('[10;5;2.5] + [-2,0]*a1', (D) => ip([[10], [5], [2.5]], D) + 2 * relu(-(d(D, 1, 1) - d(D, 3, 1))))),
      ],
    },
    why: 'z1 = 0 with y1 = 1: slopes 0 | -2 (concave); grad 2A\'((relu(Z)-Y).*H(Z))',
  },
  {
    name: 'tier 3: sum(abs(X*W)), X 3x2',
    tier: 3,
    expr: 'sum(abs(X*W))',
    consts: { W: W23 },
    shape: [3, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, 1], [0, 1], [2, 1]], [[2, 2.5], [0, 3.5], [2, 2.5]]),
        kinkAt([[1, 0], [0, 1], [1, 1]], convexSet("sign(Z)W' + [-1,1]*V, V = -E12", (D) => ip([[2, 1.5], [0, 3.5], [2, 2.5]], D) + Math.abs(d(D, 1, 2)))),
      ],
    },
    why: "grad sign(XW)*W'; at the kink point z13 = -x12 = 0",
  },
  {
    name: 'tier 3: max(A*X) over all entries',
    tier: 3,
    expr: 'max(A*X)',
    consts: { A: A3 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt(I2, [[0, 1], [0, 2]]),
        kinkAt([[1, 0], [0.5, 1]], convexSet('conv{a1 in col 1, a1 in col 2}', (D) => Math.max(d(D, 1, 1) + 2 * d(D, 2, 1), d(D, 1, 2) + 2 * d(D, 2, 2)))),
      ],
    },
    why: 'max of the linear z_ij = a_i . x_j: unique max z12 = 2 at X = I; z11 = z12 = 2 at the kink point',
  },
  {
    name: "tier 3: norm(A*X,'fro'), A = [1 1] (a kernel)",
    tier: 3,
    expr: "norm(A*X,'fro')",
    consts: { A: [[1, 1]] },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[1, 2], [2, 2]], [[0.6, 0.8], [0.6, 0.8]]),
        kinkAt([[1, 0], [-1, 0]], convexSet("A'*ball: h(D) = ||A D||", (D) => Math.hypot(d(D, 1, 1) + d(D, 2, 1), d(D, 1, 2) + d(D, 2, 2)))),
      ],
    },
    why: "grad A'AX/||AX||; AX = 0 at X != 0 (kernel of A): subdifferential A'*(unit ball), Rockafellar 23.9",
  },
  {
    name: "tier 3: norm(A*X,'fro'), A 3x2 full column rank",
    tier: 3,
    expr: "norm(A*X,'fro')",
    consts: { A: A3 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[2, 0], [0, 0]], [[1.5, 0], [1 / 3, 0]]),
        kinkAt(Z(2, 2), convexSet("A'*ball: h(D) = ||A D||_F", (D) => {
          const AD = A3.map((a) => [a[0]! * d(D, 1, 1) + a[1]! * d(D, 2, 1), a[0]! * d(D, 1, 2) + a[1]! * d(D, 2, 2)]);
          return frob(AD);
        })),
      ],
    },
    why: "AX = [[2,0],[-2,0],[1,0]] has norm 3: grad A'AX/3",
  },
  {
    name: 'tier 3: sum(sigmoid(A*X)) (smooth, not convex)',
    tier: 3,
    expr: 'sum(sigmoid(A*X))',
    consts: { A: A3 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: false,
      points: [
        diffAt(Z(2, 2), [[0.125, 0.125], [0.5, 0.5]]),
        diffAt([[1, 0], [0, 0]], [[0.5 * dsig(0.5), 0.125], [3 * dsig(1) - dsig(0.5), 0.5]]),
      ],
    },
    why: "grad A'(s(1-s)): A'*(0.25 ones) at X = 0; at X = E11, column 1 of Z is (1, -1, 0.5) and s'(1) = s'(-1); sigmoid is concave on z > 0",
  },
  {
    name: 'tier 3: log(sum(exp(A*X)))',
    tier: 3,
    expr: 'log(sum(exp(A*X)))',
    consts: { A: A3 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt(Z(2, 2), [[1 / 12, 1 / 12], [1 / 3, 1 / 3]])],
    },
    why: "grad A'softmax(AX) = A'*(ones/6) at X = 0",
  },
  {
    name: 'tier 3: sum(max(A*X, B))',
    tier: 3,
    expr: 'sum(max(A*X, B))',
    consts: { A: A3, B: B3 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt([[2, 0], [0, 2]], [[1.5, 0], [1, 3]]),
        kinkAt(I2, convexSet("A'M + [0,1]*(a2 in col 1), tie z21 = b21 = -1", (D) => ip([[1.5, 0], [1, 3]], D) + relu(-d(D, 1, 1) + d(D, 2, 1)))),
      ],
    },
    why: "grad A'*H(AX - B); at X = I, (AX)21 = -1 = b21",
  },
  {
    name: "tier 3: trace(C'*relu(X*W)) with weights of both signs",
    tier: 3,
    expr: "trace(C'*relu(X*W))",
    consts: { C: [[1, -1, 0.5], [0, 2, -1]], W: W23 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [
        diffAt([[1, 1], [-1, 1]], [[1, 2], [-2, 1]]),
        kinkAt(I2, clarkeSet("(C.*H)W' + [0,0.5]*(-E12)", (D) => ip([[1, 2], [-2, 1]], D) + 0.5 * relu(-d(D, 1, 2)))),
        kinkAt([[1, 2], [0, 1]], clarkeSet("(C.*H)W' + [-1,0]*V, V = (-1, 0.5) in row 1 (concave kink)", (D) => ip([[1, 2], [-2, 1]], D) + relu(-(-d(D, 1, 1) + 0.5 * d(D, 1, 2))))),
      ],
    },
    why: "sum c_ij relu(z_ij): grad (C.*H(XW))W'; z13 = 0 with c13 = 0.5 (convex kink), z12 = 0 with c12 = -1 (concave kink)",
  },
  {
    name: "tier 3: ||relu(A*X+B)||_F^2 with parallel rows that cancel: (x1 + 2x2 + 0.5)^2",
    tier: 3,
    cancellation: true,
    expr: "norm(relu(A*X+B),'fro')^2",
    consts: { A: [[1, 2], [-1, -2]], B: [[0.5], [-0.5]] },
    shape: [2, 1],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^inf',
      convex: true,
      points: [diffAt([[-0.5], [0]], [[0], [0]]), diffAt([[1], [1]], [[7], [14]])],
    },
    why: 'z2 = -z1: relu(z1)^2 + relu(-z1)^2 = z1^2',
  },
  {
    name: "tier 3: ||relu(A*X+B)||_F^2, a cancelling pair plus a third row",
    tier: 3,
    cancellation: true,
    expr: "norm(relu(A*X+B),'fro')^2",
    consts: { A: [[1, 2], [-1, -2], [0.5, -1]], B: [[0.5], [-0.5], [0]] },
    shape: [2, 1],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^1',
      convex: true,
      points: [diffAt([[1], [1]], [[7], [14]]), diffAt([[2], [0]], [[6], [8]]), diffAt([[0], [0]], [[1], [2]])],
    },
    why: '(u + 0.5)^2 + relu(0.5 x1 - x2)^2: the pair cancels, the third kink keeps f C1 not C2',
  },
  {
    name: "tier 3: ||relu(A*X) - Y||_F^2, A = [1; -1], Y = 1: concave kink on a shared surface",
    tier: 3,
    cancellation: true,
    expr: "norm(relu(A*X)-Y,'fro')^2",
    consts: { A: [[1], [-1]], Y: [[1, 1], [1, 1]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [diffAt([[0.5, -2]], [[-1, -2]]), kinkAt([[0, 1]], clarkeSet('[-2,2]*E11', (D) => 2 * Math.abs(d(D, 1, 1))))],
    },
    why: '(relu(x) - 1)^2 + (relu(-x) - 1)^2 = x^2 - 2|x| + 2: combined slopes 2 | -2 at 0',
  },
  {
    name: "tier 3: ||relu(X*W+C)||_F^2, X 1x2, W 2x3",
    tier: 3,
    expr: "norm(relu(X*W+C),'fro')^2",
    consts: { W: W23, C: [[-3, 1, 0]] },
    shape: [1, 2],
    expected: {
      differentiableEverywhere: true,
      smoothness: 'C^1',
      convex: true,
      points: [diffAt([[1, 1]], [[-1, 0.5]]), diffAt([[0, 0]], [[-2, 1]])],
    },
    why: "grad 2 relu(XW + C) W'; at X = (1,1): Z = (0, 0.5, -1)",
  },
  {
    name: 'tier 3: sum(relu(A*X)), A = [1 1; 2 2] (parallel, same side)',
    tier: 3,
    cancellation: true,
    expr: 'sum(relu(A*X))',
    consts: { A: [[1, 1], [2, 2]] },
    shape: [2, 1],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [diffAt([[1], [1]], [[3], [3]]), kinkAt([[1], [-1]], convexSet('[0,3]*(1;1)', (D) => 3 * relu(d(D, 1, 1) + d(D, 2, 1))))],
    },
    why: 'relu(u) + relu(2u) = 3 relu(u), u = x1 + x2',
  },
  {
    name: 'tier 3: sum(relu(A*X+B)), two surfaces through X = 0',
    tier: 3,
    expr: 'sum(relu(A*X+B))',
    consts: { A: A3, B: B3 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: true,
      points: [
        diffAt(I2, [[1.5, 0], [1, 3]]),
        kinkAt(Z(2, 2), convexSet("A'H(B) + [0,1]*(a1 in col 1) + [0,1]*(a3 in col 2)", (D) => ip([[0.5, 0], [-1, 3]], D) + relu(d(D, 1, 1) + 2 * d(D, 2, 1)) + relu(0.5 * d(D, 1, 2) - d(D, 2, 2)))),
      ],
    },
    why: "grad A'H(AX+B); at X = 0, Z = B has z11 = z32 = 0",
  },
  {
    name: 'tier 3: -sum(relu(A*X+B)) (concave)',
    tier: 3,
    expr: '-sum(relu(A*X+B))',
    consts: { A: A3, B: B3 },
    shape: [2, 2],
    expected: {
      differentiableEverywhere: false,
      smoothness: 'C^0',
      convex: false,
      points: [
        diffAt(I2, [[-1.5, 0], [-1, -3]]),
        kinkAt(Z(2, 2), clarkeSet("-A'H(B) + [-1,0]*(a1 in col 1) + [-1,0]*(a3 in col 2)", (D) => -ip([[0.5, 0], [-1, 3]], D) + relu(-(d(D, 1, 1) + 2 * d(D, 2, 1))) + relu(-(0.5 * d(D, 1, 2) - d(D, 2, 2))))),
      ],
    },
    why: 'the negative of the previous case: Clarke set negated',
  },
  {
    name: "tier 3: norm(relu(A*X+B),'fro') where relu(A*X+B) never vanishes",
    tier: 3,
    expr: "norm(relu(A*X+B),'fro')",
    consts: { A: A3, B: [[0, 3], [-1, 0], [4, -1]] },
    shape: [2, 2],
    // The hand answer is: differentiable everywhere, C^1. kinkproof does not decide that R never
    // vanishes (a linear feasibility problem), so it answers `unknown` there; the point is still exact.
    expected: {
      differentiableEverywhere: null,
      convex: true,
      points: [diffAt(Z(2, 2), [[0.4, 0.6], [-0.8, 1.2]])],
    },
    why: "column 1 of AX+B <= 0 is infeasible (1*z11 + 4*z21 + 6*z31 = 20 for every X), so relu(Z) != 0 and f = sqrt(C1, > 0) is C1 everywhere, not C2 across z_ij = 0; at X = 0: A'relu(B)/5",
  },
];
