/** The global statements of a structured analysis: differentiability and class, ∇f, convexity, the set at non-smooth points. */
import { exactLatex, exactText, P, printLatex, printText, Q, SCALAR } from '../../../symbolic/index.js';
import { bmatrix, fitsOnALine } from '../matrixLayout.js';
import type { StructuredAnalysis, StructuredClaim } from '../../../symbolic/index.js';
import type { Block, Established, Inline, Step } from '../../model.js';
import { display, math, paragraph, text } from '../../model.js';
import { CITE_SHAPIRO, safeMathOrText } from './structure.js';

const CITE_LINEAR = 'a locally Lipschitz f is Fréchet differentiable at X iff f′(X; ·) is linear';
const CITE_DANSKIN = 'Danskin; Clarke 1983, Prop. 2.3.12 (maxima of smooth functions)';
const CITE_DCP = 'Grant, Boyd & Ye 2006 (disciplined convex programming composition rules)';
const CITE_ROCKAFELLAR = 'Rockafellar, Convex Analysis, 1970, Thms 23.8 and 23.9';

export const basisOf = (c: StructuredClaim<unknown>): Established => (c.value === null || c.basis === null ? 'unknown' : c.basis);

/** `f ∈ C¹ \ C²` from 'C1', 'Cinf', 'C0', 'discontinuous'. */
export function classInlines(value: string | null): Inline[] {
  if (value === null) return [text('its smoothness class is not decided')];
  if (value === 'Cinf') return [math('f \\in C^{\\infty}')];
  if (value === 'discontinuous') return [math('f'), text(' is not continuous')];
  const k = Number(value.slice(1));
  return Number.isInteger(k) ? [math(`f \\in C^{${k}} \\setminus C^{${k + 1}}`)] : [text(value)];
}

const hasPart = (a: StructuredAnalysis, kind: string): boolean => a.model.parts.some((p) => p.kind === kind || (p.kind === 'outer' && p.inner.kind === kind));

/** Split a condition joined with ",\ " at the top level into lines, so a long condition does not run off the page. */
function conditionLines(latex: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && latex.startsWith(',\\ ', i) && !/^[a-z]/.test(latex.slice(i + 3))) {
      out.push(latex.slice(start, i));
      start = i + 3;
    }
  }
  out.push(latex.slice(start));
  return out;
}

/** The reason f is not differentiable everywhere, with the point where that was decided exactly typeset. */
function notDifferentiableWhy(a: StructuredAnalysis): Inline[] {
  const X = a.facts.witnesses.notDifferentiableAt;
  const entries = X?.map((r) => r.map((q) => exactLatex(P.constant(q))));
  if (!entries || !fitsOnALine(entries)) return [text(a.json.differentiable.reason)];
  const zero = X!.every((r) => r.every((q) => Q.isZero(q)));
  return [text('it is not differentiable at '), math(zero ? 'X = 0' : `X = ${bmatrix(entries)}`), text(' (decided exactly there)')];
}

/** Where f is differentiable and its class; `brief` leaves out continuity and the criterion by which differentiability is decided. */
export function differentiabilityStep(a: StructuredAnalysis, brief = false): Step {
  const { json } = a;
  const d = json.differentiable;
  const where = json.differentiableWhere;
  const criterion: Inline[] = [
    text(' For a locally Lipschitz '),
    math('f'),
    text(', differentiability at '),
    math('X'),
    text(' is decided exactly by the one-sided directional derivative: '),
    math('f'),
    text(' is differentiable at '),
    math('X'),
    text(' if and only if '),
    math("E \\mapsto f'(X; E)"),
    text(' is linear.'),
  ];
  const continuity: Inline[] = [
    math('f'),
    text(json.continuous.value === true ? ' is continuous' : json.continuous.value === false ? ' is not continuous' : ': continuity is not decided'),
    text(` (${json.continuous.reason}).`),
  ];
  // The class at the end of the step says whether f is continuous.
  const blocks: Block[] = brief ? [] : [paragraph(...continuity, ...criterion)];
  if (d.value === true) blocks.push(paragraph(math('f'), text(` is differentiable everywhere: ${d.reason}.`)));
  else {
    blocks.push(
      paragraph(
        math('f'),
        ...(d.value === false ? [text(' is not differentiable everywhere: '), ...notDifferentiableWhy(a), text('. ')] : [text(` may fail to be differentiable somewhere (${d.reason}). `)]),
        text(where.exact ? 'It is differentiable exactly where' : 'It is differentiable where (a sufficient condition; each point given with --at is decided exactly below)'),
      ),
    );
    const kinks = a.model.parts.length === 0 ? json.surfaces.filter((x) => x.smoothness === 'C0' || x.smoothness === 'discontinuous') : [];
    const surfaceLines = kinks.map((x) => {
      const [, entries] = x.text.split(' at (i,j) = ');
      const list = (entries ?? '').replace(/, \.\.\.$/, '');
      const more = (entries ?? '').endsWith('...') ? ' \\text{ and others}' : '';
      return /^[(),\d ]+$/.test(list) && list ? `${x.latex.replace(/ = /, ' \\neq ')} \\text{ for } (i, j) \\in \\{${list}\\}${more}` : `X \\notin \\{${x.latex}\\}`;
    });
    const lines = (surfaceLines.length ? surfaceLines : conditionLines(where.latex)).map((l) => safeMathOrText(l, where.text));
    if (lines.every((l) => l.kind === 'math')) for (const l of lines) blocks.push(display(l.kind === 'math' ? l.latex : ''));
    else blocks.push(paragraph(text(where.text)));
  }
  // The brief conclusion states the class.
  if (!brief) blocks.push(paragraph(text('Globally '), ...classInlines(json.smoothness.value), text(` (${json.smoothness.reason}).`)));
  const established: Established = [basisOf(d), basisOf(json.smoothness)].includes('unknown') ? 'unknown' : d.basis === 'exact' || json.smoothness.basis === 'exact' ? 'exact' : 'theorem';
  const citation = [CITE_SHAPIRO, CITE_LINEAR, ...(hasPart(a, 'extremum') ? [CITE_DANSKIN] : [])].join('; ');
  return { kind: 'differentiability', title: [text('Where '), math('f'), text(' is differentiable')], established, citation, blocks };
}

/** Symbols a gradient formula may use that the statement did not define. */
function gradientNotes(latex: string): Inline[] {
  const notes: Inline[][] = [];
  if (latex.includes('H(')) notes.push([math('H'), text(' is the unit step (1 for positive, 0 for negative arguments; at 0 the formula is not claimed)')]);
  if (latex.includes('\\operatorname{sign}')) notes.push([math('\\operatorname{sign}'), text(' is applied entry-wise (at 0 the formula is not claimed)')]);
  for (const [symbol, which] of [['E_{i^{*}j^{*}}', 'maximum'], ['E_{i_{*}j_{*}}', 'minimum']] as const)
    if (latex.includes(symbol)) notes.push([math(symbol), text(` is the unit matrix of the entry attaining the ${which} (1 there, 0 elsewhere)`)]);
  if (latex.includes('\\odot')) notes.push([math('\\odot'), text(' is the entry-wise product')]);
  return notes.flatMap((n, i) => [text(i === 0 ? 'Here ' : '; '), ...n]).concat(notes.length ? [text('.')] : []);
}

/** ∇f in matrix notation; `brief` leaves out the rules of the chain rule it comes from. */
export function gradientStep(a: StructuredAnalysis, brief = false): Step {
  const g = a.json.gradient;
  const title = [text('The gradient in matrix notation')];
  if (!g)
    return {
      kind: 'gradient',
      title,
      established: 'unknown',
      blocks: [paragraph(text('No matrix formula for the gradient was derived for this input (the matrix calculus has no rule for a part of it); the gradient at each given point is still computed exactly below.'))],
    };
  const termsOnly = g.where === 'everyTermDifferentiable';
  const everywhere = !termsOnly && a.json.differentiable.value === true;
  const formula = safeMathOrText(`\\nabla f(X) = ${g.latex}`, `grad f(X) = ${g.text}`);
  const where: Inline[] = [
    math('X'),
    ...(everywhere ? [text(':')] : termsOnly ? [text(' off the kinks of the terms of '), math('f'), text(':')] : [text(' where '), math('f'), text(' is differentiable:')]),
  ];
  return {
    kind: 'gradient',
    title,
    established: 'theorem',
    citation: 'the chain rule for Fréchet derivatives, in reverse-mode matrix calculus',
    blocks: [
      ...(brief
        ? [paragraph(text(everywhere ? 'For every ' : 'At every '), ...where)]
        : [
            paragraph(text('Reverse-mode matrix calculus over the expression, that is the chain rule with')),
            display("\\nabla \\langle C, X \\rangle = C, \\qquad \\nabla_X\\, g(A X + B) = A^{\\top} \\nabla g(A X + B),"),
            paragraph(text(everywhere ? 'gives for every ' : 'gives at every '), ...where),
          ]),
      formula.kind === 'math' ? display(`${formula.latex}.`) : paragraph(formula),
      ...(gradientNotes(g.latex).length ? [paragraph(...gradientNotes(g.latex))] : []),
      ...(termsOnly && !brief
        ? [paragraph(text('On a kink of a term (an argument at its kink, a tie, a norm of 0) the chain rule does not apply: where kinks cancel, '), math('f'), text(' can be differentiable there with another gradient, which the exact point decisions give.'))]
        : []),
    ],
  };
}

const CITE_AFFINE = 'Boyd & Vandenberghe 2004, §3.2.1–3.2.2 (nonnegative sums; composition with an affine map)';

/** Why f is convex, from what was proved: convex ridge functions ψ_d (summed on each surface first), convex parts by the composition rules. */
function convexInlines(a: StructuredAnalysis): Inline[] {
  const { model } = a;
  const combinedKey = [...model.origins].find(([, os]) => os.length > 1)?.[0];
  const combined = combinedKey === undefined ? undefined : model.ridge.atoms.find((x) => x.dir.key === combinedKey);
  const out: Inline[] = [math('f'), text(' is convex: ')];
  if (!model.ridge.atoms.length && !model.parts.length) return [...out, text('it does not depend on '), math('X'), text(', and a constant is convex.')];
  if (model.ridge.atoms.length)
    out.push(
      text('each ridge function '),
      math('\\psi_d'),
      text(' is convex'),
      ...(combined
        ? [
            text(' (the terms on one surface are added first, and a single term need not be convex: on one surface the sum is '),
            safeMathOrText(`\\psi(t) = ${printLatex(combined.phi, SCALAR)}`, `psi(t) = ${printText(combined.phi)}`),
            text(', convex as a whole)'),
          ]
        : []),
      text(', so each '),
      math('\\psi_d(\\langle D_d, X \\rangle)'),
      text(' is convex, as a convex function of a linear map of '),
      math('X'),
      text('; '),
    );
  if (model.parts.length)
    out.push(text('each remaining part is convex by the composition rules (convex, nondecreasing outer functions of convex terms, convex functions of affine maps, norms of affine or nonnegative convex entries and maxima of convex entries are convex); '));
  out.push(text('and a sum of convex functions is convex.'));
  return out;
}

/** Why f is not convex: the ridge function with a concave kink, a jump or negative curvature, typeset; else the reason as words. */
function notConvexInlines(a: StructuredAnalysis): Inline[] {
  const w = a.facts.witnesses.notConvex;
  if (!w) return [math('f'), text(` is not convex: ${a.json.convex.reason}.`)];
  return [
    math('f'),
    text(' is not convex: the ridge function '),
    safeMathOrText(`\\psi(t) = ${printLatex(w.phi, SCALAR)}`, `psi(t) = ${printText(w.phi)}`),
    text(` has ${w.kind.startsWith('i') ? 'an' : 'a'} ${w.kind} at `),
    safeMathOrText(`t = ${exactLatex(w.at)}`, `t = ${exactText(w.at)}`),
    text(w.kind === 'negative second derivative' ? ', on directions that are linearly independent.' : '.'),
  ];
}

export function convexityStep(a: StructuredAnalysis): Step {
  const c = a.json.convex;
  const established = basisOf(c);
  const blocks: Block[] =
    c.value === true
      ? [paragraph(...convexInlines(a))]
      : c.value === false
        ? [paragraph(...notConvexInlines(a))]
        : [paragraph(text(`Whether f is convex was not decided: ${c.reason}.`))];
  const proved = a.model.parts.length ? `${CITE_AFFINE}; ${CITE_DCP}` : CITE_AFFINE;
  const citation = c.value === true ? proved : c.value === false && c.basis === 'theorem' ? 'a convex function has nondecreasing one-sided slopes along every line' : undefined;
  return { kind: 'convexity', title: [text('Convexity')], established, ...(citation ? { citation } : {}), blocks };
}

/** What each non-smooth term contributes to the set, in formulas. */
function setParts(a: StructuredAnalysis): Block[] {
  const out: Block[] = [];
  if (a.facts.kinkAtoms.length && a.model.ridge.atoms.length)
    out.push(
      paragraph(
        text('Each kink surface '),
        math('\\langle D_d, X \\rangle = c'),
        text(' through '),
        math('X'),
        text(' contributes the segment between the one-sided slopes,'),
      ),
      display("\\left\\{ t D_d : t \\in \\left[\\psi_d'(c^-), \\psi_d'(c^+)\\right] \\right\\}."),
    );
  for (const p of a.model.parts) {
    const inner = p.kind === 'outer' ? p.inner : p;
    if (inner.kind === 'norm')
      out.push(
        paragraph(
          text('A norm '),
          math('w \\lVert R(X) \\rVert_F'),
          text(' at a zero of '),
          math('R'),
          text(' contributes'),
        ),
        display('\\left\\{ \\textstyle\\sum_l \\mu_l c_l D_l : \\lVert \\mu \\rVert_2 \\le w,\\ c_l \\in [r_l^{\\prime -}, r_l^{\\prime +}] \\right\\},'),
        paragraph(
          text('with '),
          math('c_l'),
          text(' between the one-sided slopes of the entry '),
          math('r_l = \\psi_l(\\langle D_l, X \\rangle)'),
          text(' (and '),
          math('\\mu_l \\ge 0'),
          text(' where these slopes have opposite signs); where '),
          math('R \\neq 0'),
          text(' it is smooth.'),
        ),
      );
    else if (inner.kind === 'extremum')
      out.push(
        paragraph(
          text(`A ${inner.which} over entries contributes the convex hull of the gradients of the entries attaining it,`),
        ),
        display(`\\operatorname{conv}\\left\\{ \\nabla r_l(X) : r_l(X) = \\${inner.which}_k r_k(X) \\right\\}.`),
      );
    if (p.kind === 'compose' || p.kind === 'outer')
      out.push(
        paragraph(
          text('An outer function '),
          math('h(s(X))'),
          text(' contributes '),
          math("h'(s(X))"),
          text(' times the set of its inner part where '),
          math('h'),
          text(' is differentiable, and the segment between '),
          math("h'(s^-)\\, \\nabla s"),
          text(' and '),
          math("h'(s^+)\\, \\nabla s"),
          text(' at a kink of '),
          math('h'),
          text('.'),
        ),
      );
  }
  return out;
}

export function generalSetStep(a: StructuredAnalysis): Step | null {
  const s = a.json.subdifferential;
  if (!s) return null;
  const symbol = s.kind === 'convex' ? '\\partial f(X)' : '\\partial_C f(X)';
  const relation = s.relation === 'equal' ? '=' : '\\subseteq';
  const blocks: Block[] = [
    paragraph(
      ...(s.kind === 'convex'
        ? [text('Since '), math('f'), text(' is convex, the subdifferential ')]
        : a.facts.lipschitz.value === true
          ? [math('f'), text(' is locally Lipschitz, and its Clarke generalized gradient ')]
          : [
              text('Where '),
              math('f'),
              text(' is locally Lipschitz near '),
              math('X'),
              text(a.facts.lipschitz.value === false ? ` (not near the surfaces where ${a.facts.lipschitz.reason}: there it has no Clarke generalized gradient)` : ' (each point below says whether it is)'),
              text(', its Clarke generalized gradient '),
            ]),
      math(symbol),
      text(' at a point where it is not differentiable is the sum of the sets of its parts: '),
      math('G_0'),
      text(', the gradient of the terms that are smooth at '),
      math('X'),
      text(', plus one set per non-smooth term.'),
    ),
    display(`${symbol} ${relation} G_0 + \\textstyle\\sum_{k} S_k`),
    ...setParts(a),
    paragraph(text(s.relation === 'equal' ? `Equality holds: ${s.rule}.` : `Rule: ${s.rule}. Each point below states which relation holds there.`)),
  ];
  return {
    kind: 'subdifferential',
    title: [text(s.kind === 'convex' ? 'The subdifferential' : 'The Clarke generalized gradient')],
    established: 'theorem',
    citation: s.relation === 'equal' && s.kind === 'convex' ? CITE_ROCKAFELLAR : 'Clarke 1983, Prop. 2.3.3 (sum rule: an inclusion, equality under regularity)',
    blocks,
  };
}
