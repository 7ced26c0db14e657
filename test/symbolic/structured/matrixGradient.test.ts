/**
 * ∇f in matrix notation (src/symbolic/structured/matrixGradient.ts): the printed
 * formula for the functions of issue 12, its text re-parsed and evaluated by
 * mathjs (with kinkproof's entry-wise functions), and its values checked
 * against central differences of f, evaluated independently by mathjs.
 */
import katex from 'katex';
import { all, create } from 'mathjs';
import type { Matrix as MathMatrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { matrixGradient, parse } from '../../../src/symbolic/index.js';
import type { ConstantMatrix } from '../../../src/symbolic/index.js';
import { matrixFromNumbers } from '../../../src/symbolic/shapes.js';
import { random as rng } from '../../../src/check/search/pointSearch.js';
import { cli } from '../../cli/inProcess.js';

const math = create(all);

// ---------------------------------------------------------------- an independent evaluator: mathjs with kinkproof's meanings

type MValue = number | MathMatrix;
const isMatrix = (v: unknown): v is MathMatrix => math.isMatrix(v);
const entrywise =
  (f: (x: number) => number) =>
  (v: MValue): MValue =>
    isMatrix(v) ? math.map(v, (x: number) => f(x)) : f(v);
/** Entry-wise with a scalar broadcast (kinkproof's max(a, b)). */
function zip(a: MValue, b: MValue, f: (x: number, y: number) => number): MValue {
  if (!isMatrix(a) && !isMatrix(b)) return f(a, b);
  if (isMatrix(a) && isMatrix(b)) {
    const bb = b.toArray() as number[][];
    return math.map(a, (x: number, index: number[]) => f(x, bb[index[0]!]![index[1]!]!));
  }
  return isMatrix(a) ? math.map(a, (x: number) => f(x, b as number)) : math.map(b as MathMatrix, (y: number) => f(a, y));
}
const reduceOrZip = (op: 'max' | 'min') => (...args: MValue[]): MValue => {
  if (args.length === 1) return isMatrix(args[0]) ? (math[op](args[0]) as number) : args[0]!;
  return zip(args[0]!, args[1]!, op === 'max' ? Math.max : Math.min);
};
const FUNCTIONS = {
  relu: entrywise((x) => Math.max(x, 0)),
  heaviside: entrywise((x) => (x > 0 ? 1 : x < 0 ? 0 : 0.5)),
  sigmoid: entrywise((x) => 1 / (1 + Math.exp(-x))),
  softplus: entrywise((x) => Math.log1p(Math.exp(x))),
  exp: entrywise(Math.exp),
  log: entrywise(Math.log),
  sin: entrywise(Math.sin),
  cos: entrywise(Math.cos),
  tanh: entrywise(Math.tanh),
  sqrt: entrywise(Math.sqrt),
  max: reduceOrZip('max'),
  min: reduceOrZip('min'),
};

const toRows = (v: unknown, m: number, n: number): number[][] => {
  if (typeof v === 'number') return Array.from({ length: m }, () => Array<number>(n).fill(v));
  if (isMatrix(v)) return v.toArray() as number[][];
  throw new Error(`unexpected mathjs value ${String(v)}`);
};

function scope(X: number[][], constants: ReadonlyMap<string, ConstantMatrix>): Record<string, unknown> {
  const s: Record<string, unknown> = { ...FUNCTIONS, X: math.matrix(X), m: X.length, n: X[0]!.length };
  for (const [name, c] of constants) s[name] = c.rows === 1 && c.cols === 1 ? c.data[0]![0]! : math.matrix(c.data.map((r) => [...r]));
  return s;
}

// ---------------------------------------------------------------- cases

const randomMatrix = (next: () => number, m: number, n: number, lo = -2, hi = 2): number[][] =>
  Array.from({ length: m }, () => Array.from({ length: n }, () => lo + (hi - lo) * next()));

// Exact decimals, as a user would write them: A 3x2, X 2x4, W 4x3.
const BASE = new Map<string, ConstantMatrix>([
  ['A', matrixFromNumbers([[1, -0.5], [0.25, 2], [-1.5, 0.75]])],
  ['B', matrixFromNumbers([[0.5, -1, 0.25, 1], [-0.75, 0.5, 1.25, -0.5], [1, 0.25, -1, 0.5]])],
  ['Y', matrixFromNumbers([[0.2, 0.4, -0.3, 0.1], [0.6, -0.2, 0.3, 0.5], [-0.1, 0.7, 0.2, -0.4]])],
  ['W', matrixFromNumbers([[1, 0.5, -1], [0, -0.25, 2], [0.75, 1, 0.5], [-0.5, 1.5, 0]])],
  ['V', matrixFromNumbers([[1, 0.5], [-0.25, 2], [0.75, 1], [-0.5, 1.5]])],
  ['S', matrixFromNumbers([[0.5, -1, 0.25, 1.5], [1, 0.2, -0.75, 0.3]])],
  ['c', matrixFromNumbers([[1.5]])],
]);
/** The brief's spelling where A has the shape of X (2x4). */
const SAME_SHAPE = new Map<string, ConstantMatrix>([['A', BASE.get('S')!]]);

interface Case {
  readonly f: string;
  readonly text?: string;
  readonly latex?: string;
  readonly constants?: ReadonlyMap<string, ConstantMatrix>;
  /** X's shape (2x4 unless given). */
  readonly shape?: readonly [number, number];
  /** Entries of X drawn from [lo, hi] (domains of log, sqrt). */
  readonly range?: readonly [number, number];
}

const CASES: readonly Case[] = [
  { f: "norm(relu(A*X+B),'fro')^2", text: "2*A'*relu(A*X+B)", latex: '2 A^{\\top} \\sigma(A X + B)' },
  {
    f: "norm(relu(A*X+B)-Y,'fro')^2",
    text: "2*A'*((relu(A*X+B)-Y).*heaviside(A*X+B))",
    latex: '2 A^{\\top} ((\\sigma(A X + B) - Y) \\odot H(A X + B))',
  },
  { f: "norm(relu(X),'fro')", text: "relu(X)/norm(relu(X),'fro')", latex: '\\frac{\\sigma(X)}{\\lVert \\sigma(X) \\rVert_F}' },
  { f: 'sum(relu(X))^2', text: '2*sum(relu(X))*heaviside(X)', latex: '2 {\\left(\\sum_{i,j} \\sigma(x_{ij})\\right)} H(X)' },
  { f: 'log(sum(exp(X)))', text: 'exp(X)/sum(exp(X))', latex: '\\frac{\\exp(X)}{\\sum_{i,j} \\exp(x_{ij})}' },
  { f: 'sum(abs(A*X-Y))', text: "A'*sign(A*X-Y)", latex: 'A^{\\top} \\operatorname{sign}(A X - Y)' },
  { f: "trace(A'*relu(X))", text: 'A.*heaviside(X)', latex: 'A \\odot H(X)', constants: SAME_SHAPE },
  { f: 'sum(relu(X*W))', text: "heaviside(X*W)*W'", latex: 'H(X W) W^{\\top}' },
  { f: 'max(X)', text: '1-sign(max(X)-X)', latex: 'E_{i^{*}j^{*}}' },
  { f: "norm(X-A,'fro')^2", text: '2*(X-A)', latex: '2 (X - A)', constants: SAME_SHAPE },
  { f: 'sum(A)', text: '0', latex: '0' },
  { f: 'sqrt(sum(X.^2))', text: 'X/sqrt(sum(X.^2))' },
  { f: "norm(X,'fro')", text: "X/norm(X,'fro')", latex: '\\frac{X}{\\lVert X \\rVert_F}' },
  { f: "norm(X,'fro')^3", text: "3*norm(X,'fro')*X" },
  { f: 'sum(X)', text: 'ones(m,n)', latex: '\\mathbf{1}_{m \\times n}' },
  { f: 'sum(X)*sum(X)', text: '2*sum(X)*ones(m,n)' },
  { f: 'trace(X*V)', text: "V'", latex: 'V^{\\top}' },
  { f: 'trace(relu(X*V))', text: "(identity(2).*heaviside(X*V))*V'" },
  { f: 'min(A*X)', text: "A'*(1-sign(A*X-min(A*X)))", latex: 'A^{\\top} E_{\\operatorname{arg\\,min} (A X)}' },
  { f: 'sum(max(X,0))', text: 'heaviside(X)' },
  { f: 'sum(min(X,S))', text: 'heaviside(S-X)' },
  { f: 'sum(max(A*X,B))', text: "A'*heaviside(A*X-B)" },
  { f: 'sum(abs(X).^2)', text: '2*X', latex: '2 X' },
  { f: 'sum(sigmoid(X))', text: 'sigmoid(X).*(1-sigmoid(X))' },
  { f: 'sum(tanh(X))', text: '1-tanh(X).^2' },
  { f: 'sum(softplus(A*X))', text: "A'*sigmoid(A*X)" },
  { f: 'sum(cos(X))', text: '-sin(X)' },
  { f: 'sum(sin(X.*S))', text: 'cos(X.*S).*S' },
  { f: 'sum(log(X))', text: '1./X', range: [0.5, 3] },
  { f: 'sum(sqrt(X))', text: '1./sqrt(X)/2', latex: '\\frac{1}{2} \\mathbf{1} \\oslash \\sqrt{X}', range: [0.5, 3] },
  { f: 'sum(X./(1+X.^2))', text: '1./(1+X.^2)-2*X.^2./(1+X.^2).^2' },
  { f: "sum(relu(X'))", text: "heaviside(X')'" },
  { f: 'c*sum(X)/c^2', text: 'c*ones(m,n)/c^2' },
  { f: "sum(relu(A*X+B).*relu(A*X+B))/2 - trace(Y'*(A*X))", text: "A'*relu(A*X+B)-A'*Y" },
  { f: 'sum(exp(-X))', text: '-exp(-X)' },
  { f: "0.5*norm(A*X-Y,'fro')^2 + 0.1*sum(abs(X))", text: "A'*(A*X-Y)+sign(X)/10" },
  { f: "norm(relu(sin(X)),'fro')^2", text: '2*relu(sin(X)).*cos(X)' },
  { f: "log(1+norm(relu(X*W),'fro')^2)", text: "2*relu(X*W)*W'/(1+norm(relu(X*W),'fro')^2)" },
  { f: 'sum(X*W)^2', text: "2*sum(X*W)*ones(m,3)*W'" },
  { f: 'max(sum(X)*X)', shape: [2, 3] },
];

const H = 1e-6;

describe('matrixGradient', () => {
  it('covers at least 25 expressions', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of CASES) {
    const constants = c.constants ? new Map([...BASE, ...c.constants]) : BASE;
    const [m, n] = c.shape ?? [2, 4];
    describe(c.f, () => {
      const g = matrixGradient(parse(c.f), c.f, constants);

      if (c.text !== undefined || c.latex !== undefined)
        it('prints the hand-derived formula', () => {
          if (c.text !== undefined) expect(g.text).toBe(c.text);
          if (c.latex !== undefined) expect(g.latex).toBe(c.latex);
        });

      it('its LaTeX renders (KaTeX, strict)', () => {
        expect(() => katex.renderToString(g.latex, { throwOnError: true, strict: 'error' })).not.toThrow();
      });

      it('its text re-parses and evaluates (mathjs) to evaluate(X); evaluate(X) matches central differences of f', () => {
        expect(() => parse(g.text)).not.toThrow();
        const formula = math.compile(g.text);
        const f = math.compile(c.f);
        const next = rng(0x5eed + c.f.length * 7919 + c.f.charCodeAt(0));
        const [lo, hi] = c.range ?? [-2, 2];
        let checked = 0;
        for (let trial = 0; trial < 3; trial++) {
          const X = randomMatrix(next, m, n, lo, hi);
          const G = g.evaluate(X);
          expect(G).not.toBeNull();
          const fromText = toRows(formula.evaluate(scope(X, constants)), m, n);
          const value = (Y: number[][]): number => {
            const v: unknown = f.evaluate(scope(Y, constants));
            if (typeof v !== 'number') throw new Error(`f is not a number: ${String(v)}`);
            return v;
          };
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++) {
              const gij = G![i]![j]!;
              expect(fromText[i]![j]!).toBeCloseTo(gij, 10);
              const h = H * Math.max(1, Math.abs(X[i]![j]!));
              const plus = X.map((r) => [...r]);
              const minus = X.map((r) => [...r]);
              plus[i]![j]! += h;
              minus[i]![j]! -= h;
              const fd = (value(plus) - value(minus)) / (2 * h);
              expect(Math.abs(fd - gij)).toBeLessThan(1e-5 * (1 + Math.abs(gij)));
              checked++;
            }
        }
        expect(checked).toBe(3 * m * n);
      });
    });
  }
});

describe('matrixGradient: where the formula does not apply', () => {
  const at = (f: string, X: number[][], constants: ReadonlyMap<string, ConstantMatrix> = BASE): number[][] | null =>
    matrixGradient(parse(f), f, constants).evaluate(X);
  const X0 = [
    [1, -2, 0.5, 3],
    [-1, 2, 0.25, -0.5],
  ];

  it('is null on a kink: a switch argument exactly 0, a tie of max/min, a non-unique maximum', () => {
    const X = X0.map((r) => [...r]);
    X[0]![1] = 0;
    expect(at('sum(relu(X))', X)).toBeNull();
    expect(at('sum(abs(X))', X)).toBeNull();
    expect(at('sum(heaviside(X))', X)).toBeNull();
    expect(at('sum(max(X,0))', X)).toBeNull();
    expect(at('max(X)', [[3, 1], [3, 2]])).toBeNull();
    expect(at('max(X)', [[3, 1], [2.5, 2]])).toEqual([[1, 0], [0, 0]]);
    expect(at('min(X)', [[3, 1], [1, 2]])).toBeNull();
  });

  it('is null where Z = AX + B has a zero entry (the conservative reading of a switch)', () => {
    // Choose X so that (AX + B)_11 = 0: a11 x11 + a12 x21 + b11 = x11 - x21/2 + 1/2.
    const X = X0.map((r) => [...r]);
    X[0]![0] = -0.5;
    X[1]![0] = 0;
    expect(at("norm(relu(A*X+B),'fro')^2", X)).toBeNull();
    expect(at("norm(relu(A*X+B),'fro')^2", X0)).not.toBeNull();
  });

  it('is null at a zero norm, outside a domain, and at the kink of the square root', () => {
    const zero = [
      [0, 0],
      [0, 0],
    ];
    const negative = [
      [-1, -2],
      [-3, -0.5],
    ];
    expect(at("norm(X,'fro')", zero)).toBeNull();
    expect(at("norm(relu(X),'fro')", negative)).toBeNull();
    expect(at("norm(X,'fro')^2", zero)).toEqual(zero); // 2X needs no norm in a denominator
    expect(at('sqrt(sum(X.^2))', zero)).toBeNull();
    expect(at('sum(log(X))', negative)).toBeNull();
    expect(at('sum(sqrt(X))', negative)).toBeNull();
    expect(at('sum(1./X)', [[1, 0]])).toBeNull();
  });

  it('gives 0 for f without X, at every point', () => {
    expect(at('sum(A)+3', X0)).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('refuses what has no rule here, and matrix-valued f', () => {
    expect(() => matrixGradient(parse('sum(X.^sum(X))'), 'sum(X.^sum(X))', BASE)).toThrow(/rational constant/);
    expect(() => matrixGradient(parse('norm(X)'), 'norm(X)', BASE)).toThrow(/Frobenius/);
    expect(() => matrixGradient(parse('relu(X)'), 'relu(X)', BASE)).toThrow(/scalar-valued/);
    expect(() => matrixGradient(parse('sum(A*X+X)'), 'sum(A*X+X)', BASE)).toThrow(/shape mismatch/);
  });

  it('is fast enough at layer sizes (A 200x200, X 200x50), and agrees with the small formula', () => {
    const next = rng(42);
    const m = 200;
    const k = 50;
    const constants = new Map<string, ConstantMatrix>([
      ['A', matrixFromNumbers(randomMatrix(next, m, m))],
      ['B', matrixFromNumbers(randomMatrix(next, m, k))],
      ['Y', matrixFromNumbers(randomMatrix(next, m, k))],
    ]);
    const f = "norm(relu(A*X+B)-Y,'fro')^2";
    const g = matrixGradient(parse(f), f, constants);
    const X = randomMatrix(next, m, k);
    const G = g.evaluate(X);
    expect(G).not.toBeNull();
    expect(G!.length).toBe(m);
    expect(G![0]!.length).toBe(k);
    // One entry against mathjs's evaluation of the same formula text.
    const fromText = toRows(math.compile(g.text).evaluate(scope(X, constants)), m, k);
    expect(fromText[17]![23]!).toBeCloseTo(G![17]![23]!, 8);
  });
});

describe('matrixGradient: continuous, which decides whether the formula is ∇f wherever f is differentiable', () => {
  // Hand-decided: a unit step, a sign, an attaining entry or a division by a function that can vanish is a switch.
  it.each([
    ["norm(relu(X),'fro')^2", true], // 2 relu(X): σ ⊙ H = σ
    ['log(sum(exp(X)))', true], // exp(X) / Σ exp(X), a positive denominator
    ['log(sum(exp(A*X+B)))', true],
    ['sum(sigmoid(X))/2+tanh(sum(X))', true],
    ['sum(softplus(A*X))', true],
    ['sum(X.^3)+sum(relu(X).^3)', true],
    ['sum(relu(X))', false], // H(X)
    ['sum(abs(X))', false], // sign(X)
    ["norm(X,'fro')", false], // X / ‖X‖
    ["norm(relu(X),'fro')-sum(relu(X))", false],
    ['max(X)', false], // the attaining entry
    ['sum(1./(X.^2+1))', true], // -2X ./ (X.^2 + 1).^2: never 0 below
    ['sum(1./X)', false],
  ])('%s: %s', (f, continuous) => {
    expect(matrixGradient(parse(f), f, BASE).continuous).toBe(continuous);
  });
});

describe("derive's gradient formula is claimed only where it is ∇f", () => {
  interface WhereCase {
    readonly f: string;
    readonly constants?: Record<string, number[][]>;
    readonly shape: string;
    readonly where: 'differentiable' | 'everyTermDifferentiable';
    /** Points on kinks of the terms, some where the kinks cancel. */
    readonly points: readonly number[][][];
    /**
     * For f differentiable everywhere, ∇f by hand: the printed formula, evaluated by mathjs
     * (H(0) = 1/2, sign(0) = 0), is wrong at one of the points, so the weaker claim is needed.
     */
    readonly byHand?: (X: number[][]) => number[][];
  }
  const CASES: readonly WhereCase[] = [
    // f ≡ 0 (1×1): relu(x)/|relu(x)| - H(x) is 0/0 for x < 0 and -1/2 at 0.
    { f: "norm(relu(X),'fro')-sum(relu(X))", shape: '1,1', where: 'everyTermDifferentiable', points: [[[0]], [[-1]], [[2]]], byHand: () => [[0]] },
    // x1 + x2: the max and min formulas give weight 1 to both tied entries.
    { f: 'max(X)+min(X)', shape: '1,2', where: 'everyTermDifferentiable', points: [[[0, 0]], [[1, 1]], [[1, 2]]], byHand: () => [[1, 1]] },
    // x2 (for x1 - x2 >= 0 relu(x1 - x2) takes the rest of the max).
    { f: 'max(X)-sum(relu(X*W))', constants: { W: [[1], [-1]] }, shape: '1,2', where: 'everyTermDifferentiable', points: [[[0, 0]], [[3, 3]]], byHand: () => [[0, 1]] },
    // relu(s) on one ridge: 0/0 on the half-plane s < 0, where f is differentiable.
    { f: "norm(relu(A*X+B),'fro')", constants: { A: [[1, 2]], B: [[1]] }, shape: '2,1', where: 'everyTermDifferentiable', points: [[[0], [-1]], [[1], [1]]] },
    // Smooth with a continuous formula: claimed wherever f is differentiable, which is everywhere.
    { f: 'log(sum(exp(A*X+B)))', constants: { A: [[1, 2], [3, 4]], B: [[1], [2]] }, shape: '2,1', where: 'differentiable', points: [[[0], [0]], [[-1], [0.5]]] },
    { f: 'sum(softplus(A*X))+sum(relu(A*X).^3)', constants: { A: [[1, 2], [3, 4]] }, shape: '2,1', where: 'differentiable', points: [[[0], [0]], [[-2], [1]]] },
  ];
  const close = (G: number[][], T: number[][]): boolean => G.every((r, i) => r.every((g, j) => Math.abs(g - T[i]![j]!) <= 1e-12 * (1 + Math.abs(T[i]![j]!))));

  it.each(CASES)('$f', async ({ f, constants = {}, shape, where, points, byHand }) => {
    const flags = Object.entries(constants).map(([k, v]) => `--const=${k}=${JSON.stringify(v)}`);
    const out = await cli(['derive', f, ...flags, '--shape', shape, ...points.map((X) => `--at=${JSON.stringify(X)}`), '--json', '--no-verify']);
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout) as { gradient: { text: string; where: string }; at: { X: number[][]; differentiable: boolean | null; gradient: number[][] | null }[] };
    expect(json.gradient.where).toBe(where);
    const consts = new Map(Object.entries(constants).map(([k, v]) => [k, matrixFromNumbers(v)] as const));
    const formula = math.compile(json.gradient.text);
    const printed = (X: number[][]): number[][] => toRows(formula.evaluate({ ...scope(X, consts), sign: entrywise(Math.sign) }), X.length, X[0]!.length);
    const exact = json.at.filter((q) => q.differentiable === true);
    // Claimed wherever f is differentiable: right at every point the exact decision calls differentiable.
    if (where === 'differentiable') {
      expect(exact.length).toBeGreaterThan(0);
      for (const p of exact) expect(close(printed(p.X), p.gradient!), `at ${JSON.stringify(p.X)}`).toBe(true);
    } else {
      const wrongAt = [...exact.map((p) => ({ X: p.X, truth: p.gradient! })), ...(byHand ? points.map((X) => ({ X, truth: byHand(X) })) : [])].filter(
        ({ X, truth }) => !close(printed(X), truth),
      );
      expect(wrongAt.length, 'a point where f is differentiable and the formula is wrong').toBeGreaterThan(0);
    }
  });
});
