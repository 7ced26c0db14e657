/** Checking a parsed proof, statement by statement. */
import { KinkproofError } from '../../diagnostics.js';
import { analyzeAny, printText } from '../../symbolic/index.js';
import type { AnyAnalysis, ConstantMatrix, SymbolicAnalysis } from '../../symbolic/index.js';
import { checkEqual } from '../claims/equal.js';
import { checkGradient } from '../claims/gradient.js';
import { isOutOfReach } from '../exact/side.js';
import { counterexampleLine } from '../result/checkResultText.js';
import type { CheckKind } from '../result/checkResultText.js';
import type { Proof, Statement } from './parseProof.js';
import { claimedClass, claimedConvex, claimedDifferentiable, claimedKinks } from './propertyClaims.js';
import { claimedSubdifferential } from './subdifferentialClaim.js';
import type { CheckOptions, CheckResult } from '../result/checkResult.js';
import type { Finding, ProofReport, StepReport, StepStatus } from './proofReport.js';

type Base = Pick<StepReport, 'file' | 'line' | 'text'>;

function fromCheck(base: Base, r: CheckResult, kind: CheckKind, expect: 'correct' | 'incorrect'): StepReport {
  const counterexample = r.counterexample && counterexampleLine(r.counterexample, kind);
  if (r.verdict === 'unknown')
    return { ...base, status: 'unknown', method: r.method, note: 'undecided', counterexample: null, explanation: r.explanation, result: r };
  const pass = r.verdict === expect;
  const note = expect === 'incorrect' ? (pass ? `refuted, ${r.method}` : `not refuted: it holds, ${r.method}`) : r.method;
  return { ...base, status: pass ? 'pass' : 'fail', method: r.method, note, counterexample, explanation: pass && expect === 'correct' ? null : r.explanation, result: r };
}

function gradientStep(base: Base, f: string, G: string, subgradient: boolean, options: CheckOptions): StepReport {
  const r = checkGradient(f, G, options);
  const step = fromCheck(base, r, 'gradient', 'correct');
  if (!subgradient || step.status !== 'pass' || r.subgradientSelection === true || r.kinks.length === 0) return step;
  const bad = r.kinks.find((k) => k.selects !== true);
  const where = bad ? ` at t = ${bad.at}` : '';
  return {
    ...step,
    status: r.subgradientSelection === false ? 'fail' : 'unknown',
    note: `gradient ${r.method}; subgradient${where}: ${r.subgradientSelection === false ? 'no' : 'undecided'}`,
    counterexample: bad ? `X = [[${bad.at}]]: claim [[${bad.claim ?? '?'}]], one-sided derivatives ${bad.left}, ${bad.right}` : null,
    explanation: r.explanation,
  };
}

const fromFinding = (base: Base, f: Finding): StepReport => ({
  ...base,
  ...f,
  method: f.status === 'pass' || f.status === 'fail' ? 'exact' : null,
  counterexample: null,
  result: null,
});

class ProofChecker {
  private analysis: AnyAnalysis | null = null;
  private analysisError: string | null = null;

  constructor(
    private readonly proof: Proof,
    private readonly options: CheckOptions,
  ) {}

  /** The separable analysis, for the statements only it answers (kinks of phi, class, convexity, sets at points). */
  private fn(): SymbolicAnalysis {
    const a = this.any();
    if (a.kind === 'separable') return a;
    throw new KinkproofError('unsupported', 'f is not separable; proof files check only gradient, subgradient and identity statements for such f');
  }

  private any(): AnyAnalysis {
    if (this.analysis) return this.analysis;
    throw new KinkproofError('unsupported', `the function could not be analysed (${this.analysisError ?? 'missing'})`);
  }

  private fnText(): string {
    return this.any().input;
  }

  statement(s: Statement): StepReport {
    const base: Base = { file: this.proof.file, line: s.line, text: s.text };
    const constants = this.options.constants ?? new Map<string, ConstantMatrix>();
    switch (s.kind) {
      case 'function': {
        try {
          this.analysis = analyzeAny(s.expr, { constants });
        } catch (e) {
          if (e instanceof KinkproofError) this.analysisError = e.message;
          throw e;
        }
        const pass = { ...base, status: 'pass', method: 'exact', counterexample: null, explanation: null, result: null } as const;
        if (this.analysis.kind !== 'separable') return { ...pass, note: `not separable: ${this.analysis.json.structure[0] ?? 'structured analysis'}` };
        const phi = printText(this.analysis.separable.phi);
        return { ...pass, note: `phi(t) = ${phi}`, entryFunction: phi };
      }
      case 'step': {
        const step = fromCheck(base, checkEqual(s.previous, s.expr, this.options), 'equal', 'correct');
        const context = `Left: ${s.previous} (line ${s.previousLine}); right: this line.`;
        return step.explanation ? { ...step, explanation: `${context} ${step.explanation}` } : step;
      }
      case 'identity':
        return fromCheck(base, checkEqual(s.lhs, s.rhs, this.options), 'equal', s.expect === 'holds' ? 'correct' : 'incorrect');
      case 'gradient': {
        const step = gradientStep(base, this.fnText(), s.expr, s.subgradient, this.options);
        const a = this.any();
        // Not separable: subgradients at the kinks are not checked, unless f has none (then ∂f = {∇f} everywhere).
        if (!s.subgradient || a.kind === 'separable' || step.status !== 'pass' || a.facts.differentiable.value === true) return step;
        return { ...step, status: 'unknown', note: `gradient ${step.method}; subgradient at the kinks: not checked (f is not separable)`, explanation: 'The claim is the gradient wherever f is differentiable; whether it picks a subgradient on the kink surfaces is not checked for f that is not separable.' };
      }
      case 'refuteGradient':
        return fromCheck(base, checkGradient(this.fnText(), s.expr, this.options), 'gradient', 'incorrect');
      case 'differentiable':
        return fromFinding(base, claimedDifferentiable(this.fn(), s.value));
      case 'class':
        return fromFinding(base, claimedClass(this.fn(), s.value));
      case 'kinks':
        return fromFinding(base, claimedKinks(this.fn(), s.points, constants));
      case 'convex':
        return fromFinding(base, claimedConvex(this.fn(), s.value));
      case 'subdifferential':
        return fromFinding(base, claimedSubdifferential(this.fn(), s.at, s.set));
    }
  }

  run(): ProofReport {
    const steps = this.proof.statements.map((s) => {
      try {
        return this.statement(s);
      } catch (e) {
        if (!(e instanceof KinkproofError)) throw e;
        const status: StepStatus = isOutOfReach(e) ? 'unknown' : 'error';
        return { file: this.proof.file, line: s.line, text: s.text, status, method: null, note: status === 'error' ? 'bad input' : e.kind === 'limit' ? 'limit reached' : 'not supported', counterexample: null, explanation: e.message, result: null };
      }
    });
    return { file: this.proof.file, title: this.proof.title, steps };
  }
}

export function checkProof(proof: Proof, options: CheckOptions = {}): ProofReport {
  return new ProofChecker(proof, options).run();
}
