/** The words of a structured analysis: how f was decomposed, where it is differentiable, what the set is at the other points. */
import { isTotal } from '../scalar/build.js';
import type { Scalar } from '../scalar/expr.js';
import { printLatex, printText } from '../scalar/print.js';
import { hasKinkedCall } from './univariate.js';
import type { Model, Part } from './model.js';
import type { GlobalFacts } from './globalFacts.js';
import type { StructuredJson } from './result.js';

const PART_NAMES: Record<Part['kind'], string> = {
  compose: 'an outer function of a sum',
  norm: 'a Frobenius norm',
  extremum: 'a maximum over entries',
  outer: 'an outer function of a norm or maximum',
};

/** One line per step of the reduction. */
export function describeStructure(model: Model): string[] {
  const [m, n] = model.shape;
  const k = model.ridge.atoms.length;
  const ridge = k ? [`sum_d psi_d(<d, X>) over ${k} pairwise non-parallel direction${k === 1 ? '' : 's'}`] : [];
  const lines = [`X is ${m}x${n}; f = ${['c', ...ridge, ...model.parts.map((p) => PART_NAMES[p.kind])].join(' + ')}`];
  const combined = [...model.origins.values()].filter((o) => o.length > 1);
  if (combined.length) {
    const o = combined[0]!;
    lines.push(
      `terms on one surface were added before deciding kinks (${combined.length} surface${combined.length === 1 ? '' : 's'}), e.g. ${o.map((x) => `(${x.label})_${x.i + 1},${x.j + 1}`).join(' with ')}`,
    );
  }
  for (const p of model.parts) lines.push(partLine(p));
  return lines;
}

function partLine(p: Part): string {
  switch (p.kind) {
    case 'compose':
      return `outer function h(s) = ${printText(p.h)} of s(X) = a sum of ${p.inner.atoms.length} ridge function${p.inner.atoms.length === 1 ? '' : 's'}: chain rule, with one-sided derivatives at kinks of h`;
    case 'norm':
      return `Frobenius norm of ${p.components.length} entries, each one ridge function: sqrt is not differentiable where all entries vanish`;
    case 'extremum':
      return `${p.which} over ${p.components.length} entries: differentiable where the attaining entries have one gradient (Danskin; Clarke Prop. 2.3.12)`;
    case 'outer':
      return `outer function h(T) = ${printText(p.h, OUTER_T)} of ${partLine(p.inner)}`;
  }
}

const OUTER_T = { variable: 'T', matrix: false } as const;

const OUTER = { variable: 's', matrix: false } as const;

/** Where f is differentiable, as a condition on X. */
export function whereText(model: Model, facts: GlobalFacts): StructuredJson['differentiableWhere'] {
  if (facts.differentiable.value === true) return { text: 'everywhere', latex: '\\text{everywhere}', exact: true };
  const texts: string[] = [];
  const latex: string[] = [];
  // With outer parts, a ridge kink's class is not stated (a part may cancel it): such surfaces are listed as candidates.
  const kinks = facts.surfaces.filter((s) => s.smoothness === 'C0' || s.smoothness === 'discontinuous' || (s.smoothness === null && model.parts.length > 0));
  if (kinks.length) {
    texts.push(`X on none of the non-smooth surfaces ${kinks.map((s) => s.text).join('; ')}${model.parts.length ? ' (unless another term cancels the kink there)' : ''}`);
    latex.push(`X \\notin ${kinks.map((s) => `\\{${s.latex}\\}`).join(' \\cup ')}`);
  }
  for (const p of model.parts) {
    switch (p.kind) {
      case 'compose':
        texts.push(`s(X) differentiable at X or h'(s(X)) = 0, and h differentiable at s(X), where h(s) = ${printText(p.h, OUTER)}`);
        latex.push(`s \\text{ differentiable at } X \\text{ or } h'(s(X)) = 0,\\ h(s) = ${printLatex(p.h, OUTER)}`);
        break;
      case 'norm':
        texts.push('R(X) != 0 with sum_k R_k^2 differentiable at X, or R(X) = 0 with every entry of R flat at X (one-sided slopes 0)');
        latex.push('R(X) \\neq 0 \\text{ or all one-sided slopes of } R \\text{ vanish at } X');
        break;
      case 'extremum':
        texts.push(`the entries attaining the ${p.which} have one gradient at X (e.g. the ${p.which} is attained once)`);
        latex.push(`\\text{the entries attaining the ${p.which} have one gradient}`);
        break;
      case 'outer':
        texts.push(`T(X) differentiable at X or h'(T(X)) = 0, and h differentiable at T(X), where h(T) = ${printText(p.h, OUTER_T)}`);
        latex.push(`T \\text{ differentiable at } X \\text{ or } h'(T(X)) = 0,\\ h(T) = ${printLatex(p.h, OUTER_T)}`);
        break;
    }
  }
  const nonsmooth = texts.length;
  return {
    text: texts.join('; and ') || 'not decided',
    latex: latex.join(',\\ ') || '\\text{not decided}',
    // With one non-smooth part the rest is C¹ and cannot cancel its kinks; with several, points decide.
    exact: nonsmooth <= 1 && model.parts.every(conditionExact),
  };
}

/** Defined for every real t and built without kinked primitives: analytic, so C¹, everywhere. */
const smoothEverywhere = (s: Scalar): boolean => isTotal(s) && !hasKinkedCall(s);

/**
 * Is a part's condition above also necessary? For h∘s only when h is C¹ (|s| with
 * s = Σx² is differentiable at 0, where h is not); for a max only when every entry
 * is C¹ (Danskin: then f′(X; D) = max of the attaining gradients · D, linear iff they
 * are one; max(−|x|, 0) is differentiable where −|x| attains with a kink). The
 * norm's condition is necessary as it stands: ‖R′(X; D)‖ is linear in D only if it is 0.
 */
function conditionExact(p: Part): boolean {
  switch (p.kind) {
    case 'compose':
      return smoothEverywhere(p.h);
    case 'norm':
      return true;
    case 'extremum':
      return p.components.every((c) => c.atoms.every((a) => smoothEverywhere(a.phi)));
    case 'outer':
      return smoothEverywhere(p.h) && conditionExact(p.inner);
  }
}

/** The set at points where f is not differentiable, in general terms. */
export function generalSet(model: Model, facts: GlobalFacts): StructuredJson['subdifferential'] {
  // Where every non-smooth point is a jump or an infinite slope, f is nowhere locally Lipschitz near them: there is no set to state.
  if (facts.differentiable.value === true || (facts.lipschitz.value === false && !facts.finiteKinks)) return null;
  const convex = facts.convex.value === true;
  const terms = [
    model.ridge.atoms.length ? "sum over the kink surfaces through X of [psi'(c-), psi'(c+)] * d" : '',
    ...model.parts.map((p) =>
      p.kind === 'norm'
        ? "the norm part: {sum_k mu_k c_k V_k : ||mu|| <= w, c_k in [R_k'(-), R_k'(+)]} where R(X) = 0"
        : p.kind === 'extremum'
          ? `conv of the sets of the entries attaining the ${p.which}`
          : "h'(s) * (the set of the inner part), or the segment between the one-sided slopes at a kink of h",
    ),
  ].filter(Boolean);
  const where = convex || facts.lipschitz.value === true ? '' : ', at points X near which f is locally Lipschitz';
  const text = `G0 + ${terms.join(' + ')}, G0 the gradient of the smooth remainder${where}`;
  return convex
    ? { text, latex: 'G_0 + \\textstyle\\sum_{\\text{parts}} S_k', kind: 'convex', relation: 'equal', rule: 'f is convex: the subdifferential is the sum of the parts (Rockafellar, Convex Analysis, Thms 23.8 and 23.9)' }
    : {
        text,
        latex: 'G_0 + \\textstyle\\sum_{\\text{parts}} S_k',
        kind: 'clarke',
        relation: 'subset',
        rule: "Clarke's sum rule: an inclusion in general; each --at point states when equality is proved (Clarke 1983, Prop. 2.3.3)",
      };
}
