/**
 * The sentences issue 13 found wrong, as readers see them: a jump is a
 * discontinuity (not a kink) and f is discontinuous exactly where an entry
 * sits on it; inequality rows say they are inequalities; where φ′ samples come
 * from is said once per kind of row; a numeric refutation is not "exact".
 */
import { describe, expect, it } from 'vitest';
import { parseProof } from '../../src/check/proofs/parseProof.js';
import { checkProof } from '../../src/check/proofs/checkProof.js';
import { summary } from '../../src/cli/summary.js';
import type { Block, Inlines, Step, StepKind } from '../../src/report/model.js';
import { narrate } from '../../src/report/narrate.js';
import { proofStep } from '../../src/report/narrate/proof.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { verifyAnalysis } from '../../src/numeric/verifyAnalysis.js';
import { analyzeAny, analyzeSymbolic } from '../../src/symbolic/derive.js';
import { narrateStructured } from '../../src/report/narrate/structured/index.js';

const words = (parts: Inlines): string => parts.map((p) => (p.kind === 'text' ? p.text : `$${p.latex}$`)).join('');
const blockWords = (b: Block): string[] =>
  b.kind === 'paragraph' ? [words(b.parts)] : b.kind === 'table' ? [words(b.caption ?? []), ...b.rows.map((r) => r.map(words).join(' | '))] : b.kind === 'math' ? [`$$${b.latex}$$`] : [];
const stepText = (s: Step): string => s.blocks.flatMap(blockWords).join('\n');

function report(f: string, verify = false) {
  const a = analyzeSymbolic(f);
  const evidence = verify ? verifyAnalysis(a, [3, 4], 1) : null;
  const d = narrate(a, evidence);
  const of = (kind: StepKind): string => d.steps.filter((s) => s.kind === kind).map(stepText).join('\n');
  return { a, evidence, d, of };
}

describe('jumps are discontinuities, said precisely', () => {
  it('sum(heaviside(X)): f is discontinuous at every X with an entry 0, and continuous elsewhere (not "at some of those X")', () => {
    const conclusion = report('sum(heaviside(X))').of('conclusion');
    expect(conclusion).toContain('$f$ is not continuous at any $X$ with an entry equal to $0$, where $\\varphi$ jumps, and continuous at every other $X$.');
    expect(conclusion).not.toContain('some of those');
  });

  it('sum(heaviside(X-1)): the jump at 1', () => {
    expect(report('sum(heaviside(X-1))').of('conclusion')).toContain('not continuous at any $X$ with an entry equal to $1$, where $\\varphi$ jumps');
  });

  it('a continuous f (|t|, Huber) has no discontinuity sentence', () => {
    expect(report('sum(abs(X))').of('conclusion')).not.toContain('continuous at any');
  });

  it('the class step says where φ jumps, not only that it is "not continuous on R"', () => {
    expect(report('sum(heaviside(X-1))').of('continuity')).toContain('Altogether, $\\varphi$ is continuous except at $1$, where it jumps.');
  });

  it('the CLI summary lists a jump on its own line, not under kinks', () => {
    const { a } = report('sum(heaviside(X)) + sum(abs(X-2))');
    const text = summary(a, null);
    expect(text).toContain('kinks:          2\n');
    expect(text).toContain('jumps:          0  (phi is not continuous there)');
    expect(text).toContain('t = 0:  phi(0) = 2.5;  one-sided derivatives inf (left), inf (right): jump (not continuous, so not differentiable)');
    expect(text).toContain('t = 2:  phi(2) = 1;  one-sided derivatives -1 (left), 1 (right): kink (continuous, not differentiable); C0 here');
    expect(text).toContain('subdifferential: no subdifferential where some x_ij = 0: f is discontinuous there');
    expect(summary(analyzeSymbolic('sum(abs(X))'), null)).not.toContain('jumps:');
  });

  it('no subdifferential at a jump or an infinite slope: one sentence each, with the reason', () => {
    expect(report('sum(heaviside(X))').of('subdifferential')).toContain(
      '$f$ has no subdifferential in the convex or Clarke sense at an $X$ with an entry equal to $0$: $f$ is not continuous there, hence not locally Lipschitz, and Clarke’s generalized gradient is defined only for locally Lipschitz functions; nor is $f$ convex.',
    );
    expect(report('sum(sqrt(abs(X)))').of('subdifferential')).toContain(
      'at an $X$ with an entry equal to $0$: a one-sided derivative of $\\varphi$ is infinite there, so $f$ is not locally Lipschitz near $X$, and Clarke’s generalized gradient',
    );
  });
});

describe('infinite slopes are never compared', () => {
  it('the summary and a failed convex: claim say a one-sided slope is infinite, not "-inf exceeds inf"', () => {
    expect(summary(analyzeSymbolic('sum(sqrt(abs(X)))'), null)).toContain('convex:         no (at 0 a one-sided slope is infinite (left -inf, right inf))');
    expect(summary(analyzeSymbolic('sum(-abs(X))'), null)).toContain('convex:         no (at 0 the left slope 1 exceeds the right slope -1)');
    const proof = parseProof('function: sum(sqrt(abs(X)))\nconvex: yes\n', 'p.proof');
    const step = checkProof(proof, { seed: 1 }).steps.find((s) => s.text === 'convex: yes')!;
    expect(step.explanation).toBe('f is not convex: at 0 a one-sided slope is infinite (left -inf, right inf)');
  });
});

describe('structured f: surfaces are not all kinks', () => {
  it('the step listing the surfaces is titled and captioned for kinks and jumps alike', () => {
    const a = analyzeAny("sum(heaviside(X)) + norm(X,'fro')", { shape: [2, 2] });
    if (a.kind !== 'structured') throw new Error('expected a structured analysis');
    const step = narrateStructured(a, null).steps.find((s) => s.kind === 'surfaces')!;
    expect(words(step.title)).toBe('Non-smooth surfaces and cancellation');
    expect(stepText(step)).toContain('a kink (continuous, not differentiable), a jump (not continuous)');
  });
});

describe('the numeric table says what each row tests', () => {
  it('sum(abs(X)): the subgradient inequality rows read "≥ holds", and the caption says they are inequalities', () => {
    const text = report('sum(abs(X))', true).of('verification');
    const rows = text.split('\n').filter((l) => l.includes('f(Y) - f(X)'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\| \$\\ge\$ holds$/);
    expect(text).toContain('Rows marked $\\ge$ or $\\le$ check an inequality');
  });

  it('one sentence per kind of row on where φ′ comes from, never two "Near the breakpoints" sentences', () => {
    const text = report('sum(abs(X))', true).of('verification');
    expect(text).not.toContain('Near the breakpoints');
    expect(text).toContain("In the rows on limits of $\\varphi'$, the samples of $\\varphi'$ are taken from the claimed gradient");
    expect(text).toContain('In the rows on the ends of a set $\\partial \\varphi(c)$, the one-sided slopes are taken from central differences of');
    const roots = report('sum(sqrt(abs(X)))', true).of('verification');
    expect(roots).toContain('taken from the derivative of the piece on the side of the limit (');
  });

  it('a sequence test (smoothness inside Huber’s middle piece) reads "confirmed", not a relative error of 0', () => {
    const text = report('sum(min(abs(X),1).*(abs(X) - min(abs(X),1)/2))', true).of('verification');
    const row = text.split('\n').find((l) => l.includes('is differentiable at $t = 0$, inside the claimed piece'));
    expect(row).toMatch(/\| confirmed$/);
    expect(text).toContain('Rows marked confirmed are decided by how a sequence behaves');
  });
});

describe('the derivation reads without repetition', () => {
  it('sign(t)·t²: φ′ continuous at 0 is written lim = 0 = lim, not "0 = 0"', () => {
    const text = report('sum(sign(X).*X.^2)').of('continuity');
    expect(text).toContain("$$\\lim_{t \\to 0^{-}} \\varphi'(t) = 0 = \\lim_{t \\to 0^{+}} \\varphi'(t),$$");
    expect(report('sum(sign(X).*X.^2)').of('gradient')).toContain('on every open piece and at every breakpoint.');
  });

  it('√|t|: the quotient √(−h)/h is not written twice', () => {
    const text = report('sum(sqrt(abs(X)))').of('breakpoint-limits');
    expect(text).not.toContain('\\frac{\\sqrt{-h}}{h} = \\lim_{h \\to 0^{-}} \\frac{\\sqrt{-h}}{h}');
  });

  it('the cases step does not call sign or heaviside "kinked"', () => {
    expect(report('sum(heaviside(X))').of('cases')).toContain('Splitting every piecewise-defined function (such as abs, max, sign) where its case changes');
  });
});

describe('a proof page labels a numeric refutation numeric', () => {
  const check = (text: string) => {
    const proof = parseProof(text, 'p.proof');
    return proofStep(proof, checkProof(proof, { seed: 1 }), 'p.proof');
  };

  it("refute gradient: X*X' for sum(X.^2) is refuted by a point search: numeric, not exact", () => {
    const s = check("function: sum(X.^2)\nrefute gradient: X*X'\n");
    expect(stepText(s)).toContain('(refuted, numeric)');
    expect(s.established).toBe('numeric');
    expect(renderMarkdown({ title: [], steps: [s] })).toContain('*Established: numeric (evidence, not a proof).*');
  });

  it('an exact refutation stays exact', () => {
    const s = check('function: sum(abs(X))\nrefute gradient: 2*sign(X)\n');
    expect(stepText(s)).toContain('(refuted, exact)');
    expect(s.established).toBe('exact');
  });

  it('a refuted identity names its two sides "left side" and "right side", never "left"/"right" beside a (t > 0)', () => {
    const text = stepText(check('function: sum(abs(X))\nrefute: abs(X) = X\n'));
    expect(text).toContain('Counterexample: $X = \\begin{bmatrix} -1 \\end{bmatrix}$ ($t < 0$): left side $\\begin{bmatrix} 1 \\end{bmatrix}$, right side $\\begin{bmatrix} -1 \\end{bmatrix}$.');
  });
});
