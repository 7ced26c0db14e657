/**
 * narrate: SymbolicAnalysis (+ numeric Evidence) → Derivation, the ordered
 * argument every report renders (DESIGN.md pipeline). All mathematics comes
 * from the analysis; this layer only chooses words and notation, and marks each
 * step exact / theorem / numeric, or unknown where the analysis did not decide.
 */
import { nameRoots, withRootNames } from '../symbolic/index.js';
import type { RootNames, SymbolicAnalysis } from '../symbolic/index.js';
import type { Evidence } from '../numeric/verify.js';
import type { Derivation, Step } from './model.js';
import { math, text } from './model.js';
import { breakpointStep } from './narrate/breakpoints.js';
import { casesStep, pieceDerivativesStep, statementInCasesStep } from './narrate/cases.js';
import { conclusionStep } from './narrate/conclusion.js';
import { gradientStep } from './narrate/gradient.js';
import { liftingStep } from './narrate/lifting.js';
import { domainLatex } from './narrate/notation.js';
import { pointSteps } from './narrate/points.js';
import { continuityStep } from './narrate/smoothness.js';
import { reductionStep, statementLatex, statementStep } from './narrate/statement.js';
import { subdifferentialStep, subdifferentialSummaryStep } from './narrate/subdifferential.js';
import { verificationStep } from './narrate/verification.js';

/** Longest LaTeX of f(X) = … put in the title (about 45 characters once typeset). */
const TITLE_FORMULA_LENGTH = 64;

export interface NarrateOptions {
  /** Free text from the user; renderers escape it. */
  readonly title?: string;
  /** Statement, cases, results and the cross-check in one sentence: about one page, for a paper. */
  readonly brief?: boolean;
}

const fullSteps = (analysis: SymbolicAnalysis, evidence: Evidence | null, names: RootNames): Step[] => {
  const { entry } = analysis;
  return [
    statementStep(analysis),
    reductionStep(analysis),
    casesStep(entry, names),
    pieceDerivativesStep(entry),
    ...entry.breakpoints.map((_, i) => breakpointStep(entry, i)),
    continuityStep(entry, analysis.gradient),
    liftingStep(analysis),
    gradientStep(analysis),
    subdifferentialStep(analysis),
    ...pointSteps(analysis.points),
    verificationStep(analysis, evidence),
    conclusionStep(analysis, evidence),
  ];
};

/** What a paper needs on one page: f in cases, ∇f, the sets at the kinks, the points the user asked for with --at, and the class, convexity and cross-check in one sentence each. */
const briefSteps = (analysis: SymbolicAnalysis, evidence: Evidence | null, names: RootNames): Step[] => [
  statementInCasesStep(analysis, names),
  gradientStep(analysis, true),
  ...[subdifferentialSummaryStep(analysis)].filter((s): s is Step => s !== null),
  ...pointSteps(analysis.points),
  conclusionStep(analysis, evidence, true),
];

/** The algebraic breakpoints print as r_1, r_2, … throughout, defined once with the cases. */
export function narrate(analysis: SymbolicAnalysis, evidence: Evidence | null, options: NarrateOptions = {}): Derivation {
  const names = nameRoots(analysis.entry.piecewise.breakpoints);
  return withRootNames(names, () => narrateNamed(analysis, evidence, options, names));
}

function narrateNamed(analysis: SymbolicAnalysis, evidence: Evidence | null, options: NarrateOptions, names: RootNames): Derivation {
  const steps = options.brief ? briefSteps(analysis, evidence, names) : fullSteps(analysis, evidence, names);
  const f = math(statementLatex(analysis));
  const domain = math(`X \\in ${domainLatex(analysis.dims)}`);
  const subtitle = [text('For '), domain, text(' and '), f, text(', derived case by case and checked numerically by kinkproof.')];
  if (options.title !== undefined) return { title: [text(options.title)], subtitle, steps };
  // A heading cannot break a long formula: beyond this length f moves to the subtitle.
  if (statementLatex(analysis).length > TITLE_FORMULA_LENGTH) return { title: [text('Differentiability of '), math('f')], subtitle, steps };
  return { title: [text('Differentiability of '), f], subtitle: [text('For '), domain, text(', derived case by case and checked numerically by kinkproof.')], steps };
}
