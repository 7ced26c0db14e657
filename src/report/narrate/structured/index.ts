/**
 * narrateStructured: a structured analysis (f not separable: data matrices,
 * linear layers, norms, maxima; NONSMOOTH.md) → Derivation, rendered by the
 * same LaTeX, HTML and Markdown renderers as the separable case. All
 * mathematics comes from the analysis; each step is marked exact / theorem /
 * numeric, or unknown where the analysis did not decide.
 */
import type { StructuredAnalysis } from '../../../symbolic/index.js';
import type { Evidence } from '../../../numeric/verify.js';
import type { Block, Derivation, Inline, Step } from '../../model.js';
import { math, paragraph, text } from '../../model.js';
import { domainLatex } from '../notation.js';
import { basisOf, classInlines, convexityStep, differentiabilityStep, generalSetStep, gradientStep } from './facts.js';
import { pointSteps } from './points.js';
import { decompositionStep, kinksStep, statementLatex, statementStep } from './structure.js';
import { structuredVerificationStep } from './verification.js';

/** Longest LaTeX of f(X) = … put in the title (as for separable f). */
const TITLE_FORMULA_LENGTH = 64;

export interface NarrateStructuredOptions {
  /** Free text from the user; renderers escape it. */
  readonly title?: string;
  /** Statement, structure, results and the cross-check in one sentence (as for separable f). */
  readonly brief?: boolean;
}

/** `brief`: the class, convexity and the cross-check (the brief report's previous steps say where f is differentiable). */
function conclusionStep(a: StructuredAnalysis, evidence: Evidence | null, brief = false): Step {
  const { json } = a;
  const d = json.differentiable.value;
  const differentiability: Inline[] =
    d === true
      ? [math('f'), text(' is differentiable everywhere')]
      : d === false
        ? [math('f'), text(' is not differentiable everywhere; it is differentiable '), text(json.differentiableWhere.exact ? 'exactly where stated above' : 'at least where stated above')]
        : [text('whether '), math('f'), text(' is differentiable everywhere was not decided')];
  const convex: Inline[] = json.convex.value === null ? [text('convexity was not decided')] : [math('f'), text(json.convex.value ? ' is convex' : ' is not convex')];
  const numeric: Inline[] = !evidence
    ? [text('No numeric cross-check was run.')]
    : evidence.status === 'passed'
      ? [text(`All ${evidence.checks} numeric checks agree with these results.`)]
      : evidence.status === 'inconclusive'
        ? [text('The numeric cross-check was inconclusive.')]
        : [text('WARNING: the numeric cross-check contradicts a symbolic claim (see the previous step); treat the results above with suspicion.')];
  const blocks: Block[] = [
    brief ? paragraph(...classInlines(json.smoothness.value), text(', and '), ...convex, text('. '), ...numeric) : paragraph(...differentiability, text(', '), ...classInlines(json.smoothness.value), text(', and '), ...convex, text('. '), ...numeric),
  ];
  const claims = (brief ? [json.smoothness, json.convex] : [json.differentiable, json.smoothness, json.convex]).map(basisOf);
  const established = claims.includes('unknown') ? 'unknown' : claims.includes('theorem') ? 'theorem' : 'exact';
  return { kind: 'conclusion', title: [text('Conclusion')], established, ...(established === 'theorem' ? { citation: 'the theorems cited in the steps above' } : {}), blocks };
}

const fullSteps = (a: StructuredAnalysis, evidence: Evidence | null): Step[] => [
  statementStep(a),
  decompositionStep(a),
  kinksStep(a),
  differentiabilityStep(a),
  gradientStep(a),
  convexityStep(a),
  ...[generalSetStep(a)].filter((s): s is Step => s !== null),
  ...pointSteps(a),
  structuredVerificationStep(evidence),
  conclusionStep(a, evidence),
];

/** The statement and the decomposition that names the parts (both exact) under one heading. */
function statementWithDecomposition(a: StructuredAnalysis): Step {
  const statement = statementStep(a, true);
  return { ...statement, blocks: [...statement.blocks, ...decompositionStep(a, true).blocks] };
}

/** Without the kink-cancellation argument, the sets at the kinks, convexity and the cross-check (the last two summed up in the conclusion); the points the user asked for with --at stay. */
const briefSteps = (a: StructuredAnalysis, evidence: Evidence | null): Step[] => [
  statementWithDecomposition(a),
  differentiabilityStep(a, true),
  gradientStep(a, true),
  ...pointSteps(a),
  conclusionStep(a, evidence, true),
];

export function narrateStructured(a: StructuredAnalysis, evidence: Evidence | null, options: NarrateStructuredOptions = {}): Derivation {
  const steps = options.brief ? briefSteps(a, evidence) : fullSteps(a, evidence);
  const [m, n] = a.json.shape;
  const f = math(statementLatex(a));
  const domain = math(`X \\in ${domainLatex({ m, n })}`);
  const tail = text(', decided exactly where a theorem allows and checked numerically by kinkproof.');
  if (options.title !== undefined) return { title: [text(options.title)], subtitle: [text('For '), domain, text(' and '), f, tail], steps };
  if (statementLatex(a).length > TITLE_FORMULA_LENGTH) return { title: [text('Differentiability of '), math('f')], subtitle: [text('For '), domain, text(' and '), f, tail], steps };
  return { title: [text('Differentiability of '), f], subtitle: [text('For '), domain, tail], steps };
}
