/** The `derive --json` contract (README, "JSON output"), also what the library's `derive` returns: plain JSON-safe data. Formatting only: no mathematics here. */
import { approximate, discontinuityOf, exactText, MATRIX, printLatex, printText } from '../symbolic/index.js';
import type { Convexity, Discontinuity, PointResult, Poly, StructuredAnalysis, StructuredJson, SymbolicAnalysis } from '../symbolic/index.js';
import type { Evidence } from '../numeric/verify.js';
import { printedRecord } from '../numeric/checkText.js';
import type { PrintedRecord } from '../numeric/checkText.js';
import { classText, DISCONTINUITY_VERB, limitText, pieceEndsText } from '../analysisText.js';
import { gradientCases, subdifferentialNotation } from '../report/setNotation.js';

/** An exact constant: its exact text and its nearest double. */
export interface ExactJson {
  readonly exact: string;
  readonly value: number;
}

export interface PieceJson {
  readonly from: string;
  readonly to: string;
  readonly expr: string;
  readonly derivative: string;
}

export interface BreakpointJson extends ExactJson {
  readonly phi: string;
  readonly leftLimit: string | null;
  readonly rightLimit: string | null;
  readonly leftDerivative: string | null;
  readonly rightDerivative: string | null;
  readonly continuous: boolean | null;
  /** Where φ is not continuous: how (different one-sided limits, equal ones with another value, an infinite one); null elsewhere. */
  readonly discontinuity: Discontinuity | null;
  readonly differentiable: boolean | null;
  readonly smoothness: string | null;
}

export type ConvexWitnessJson =
  | { readonly kind: 'discontinuity'; readonly at: string; readonly reason: string }
  | { readonly kind: 'curvature'; readonly at: string; readonly secondDerivative: string; readonly reason: string }
  | { readonly kind: 'slopes'; readonly at: string; readonly left: string | null; readonly right: string | null; readonly reason: string };

export type SubdifferentialJson =
  | { readonly kind: null; readonly text: string; readonly latex: null; readonly reason: string; readonly at: string | null }
  | { readonly kind: 'convex' | 'clarke'; readonly text: string; readonly latex: string; readonly frechetEmptyAt: string[] };

export type PointJson = Pick<PointResult, 'X' | 'value' | 'differentiable' | 'gradient' | 'subdifferential' | 'subdifferentialKind' | 'reason'>;

export type VerificationJson = Pick<Evidence, 'status' | 'checks' | 'maxRelError' | 'seed'> & { readonly worst: PrintedRecord | null };

/** The JSON of `derive --json`, field by field in the order printed. */
export interface DeriveJson {
  readonly input: string;
  readonly separable: true;
  readonly entryFunction: string;
  readonly offset: string;
  /** φ's period P, present only when φ is periodic: each breakpoint (and kink) stands for at + k·P, k ∈ ℤ, and the pieces repeat. */
  readonly period?: ExactJson;
  readonly pieces: PieceJson[];
  readonly breakpoints: BreakpointJson[];
  readonly kinks: ExactJson[];
  readonly continuous: boolean | null;
  readonly differentiable: boolean | null;
  readonly smoothness: string | null;
  readonly convex: boolean | null;
  readonly convexWitness: ConvexWitnessJson | null;
  readonly subdifferential: SubdifferentialJson;
  readonly gradient: string | null;
  readonly gradientLatex: string | null;
  readonly gradientAwayFromKinks: string | null;
  readonly at: PointJson[];
  /** Absent when verification was skipped. */
  readonly verification?: VerificationJson;
}

const exactJson = (c: Poly): ExactJson => ({ exact: exactText(c), value: approximate(c) });

export function deriveJson(a: SymbolicAnalysis, verification: Evidence | null): DeriveJson {
  const { entry } = a;
  const { breakpoints: bps, period } = entry.piecewise;
  const differentiable = entry.differentiable;
  // A verified matrix formula, else φ′ case by case (every f has one away from its kinks).
  const cases = a.gradient ? null : gradientCases(entry);
  const gradientText = a.gradient ? printText(a.gradient, MATRIX) : cases!.text;
  const gradientLatex = a.gradient ? printLatex(a.gradient, MATRIX) : cases!.latex;
  return {
    input: a.input,
    separable: true,
    entryFunction: printText(a.separable.phi),
    offset: exactText(a.offset),
    ...(period && { period: exactJson(period) }),
    pieces: entry.piecewise.pieces.map((p, i) => {
      const [from, to] = pieceEndsText(bps, i, period);
      return { from, to, expr: printText(p.display), derivative: printText(entry.derivativePieces[i]!.display) };
    }),
    breakpoints: entry.breakpoints.map((b) => ({
      ...exactJson(b.at),
      phi: exactText(b.value),
      leftLimit: limitText(b.leftLimits[0]!),
      rightLimit: limitText(b.rightLimits[0]!),
      leftDerivative: limitText(b.leftDerivative),
      rightDerivative: limitText(b.rightDerivative),
      continuous: b.continuous,
      discontinuity: discontinuityOf(b),
      differentiable: b.differentiable,
      smoothness: classText(b.order),
    })),
    kinks: a.kinks.map(exactJson),
    continuous: entry.continuous,
    differentiable,
    smoothness: classText(entry.smoothness),
    convex: a.convexity.convex,
    convexWitness: witnessJson(a.convexity),
    subdifferential: subdifferentialJson(a),
    gradient: differentiable === true ? gradientText : null,
    gradientLatex: differentiable === true ? gradientLatex : null,
    gradientAwayFromKinks: differentiable === true ? null : gradientText,
    at: a.points.map((p) => ({
      X: p.X,
      value: p.value,
      differentiable: p.differentiable,
      gradient: p.gradient,
      subdifferential: p.subdifferential,
      subdifferentialKind: p.subdifferentialKind,
      reason: p.reason,
    })),
    ...(verification ? { verification: verificationJson(verification) } : {}),
  };
}

/** `derive --json` for an f that is not separable (README, "JSON output: functions that are not separable"). */
export type StructuredDeriveJson = StructuredJson & { readonly verification?: VerificationJson };

export const structuredJson = (a: StructuredAnalysis, verification: Evidence | null): StructuredDeriveJson => ({
  ...a.json,
  ...(verification ? { verification: verificationJson(verification) } : {}),
});

export const verificationJson = (v: Evidence): VerificationJson => ({
  status: v.status,
  checks: v.checks,
  maxRelError: v.maxRelError,
  worst: v.worst && printedRecord(v.worst),
  seed: v.seed,
});

function witnessJson(c: Convexity): ConvexWitnessJson | null {
  const w = c.witness;
  if (!w) return null;
  switch (w.kind) {
    case 'discontinuity':
      return { kind: w.kind, at: exactText(w.at), reason: `phi ${DISCONTINUITY_VERB[w.discontinuity]} here` };
    case 'curvature':
      return { kind: w.kind, at: exactText(w.at), secondDerivative: exactText(w.secondDerivative), reason: "phi'' < 0 here" };
    case 'slopes':
      return { kind: w.kind, at: exactText(w.at), left: limitText(w.left), right: limitText(w.right), reason: "phi'(c-) > phi'(c+) or a slope is infinite" };
  }
}

function subdifferentialJson(a: SymbolicAnalysis): SubdifferentialJson {
  const s = a.subdifferential;
  const notation = subdifferentialNotation(s, a.entry.piecewise);
  if (s.kind === null) return { kind: null, text: notation.text, latex: null, reason: s.reason, at: s.at && exactText(s.at) };
  return {
    kind: s.kind,
    text: notation.text,
    latex: notation.latex,
    frechetEmptyAt: s.breakpoints.filter((b) => b.frechetEmpty).map((b) => exactText(b.at)),
  };
}
