/**
 * The wording of every check record, written once from its typed claim and
 * point: as a phrase of words and formulas, whose plain text is what the CLI
 * and the JSON output print ("φ'₊(0) = 0", "t = 0 + δ, δ = 2^-6 … 2^-17") and
 * whose formulas carry the LaTeX the report typesets. The report takes the
 * sub-phrases it needs (a matrix, a δ range, the notes of a sequence) from
 * here too, so the two can never drift apart.
 */
import type {
  Check,
  CheckKind,
  CheckRecord,
  ClaimedLimit,
  Claim,
  DivergenceEvidence,
  NamedSet,
  NamedSets,
  OpenInterval,
  Outcome,
  Point,
  SequencePoint,
  Side,
  SlopeSource,
  StepRange,
  ProbeRef,
  StructuredDirection,
  StructuredMatrix,
  SubgradientMatrix,
  TestMatrix,
} from './checkRecord.js';
import { nameRootsIn } from '../symbolic/index.js';
import { notationLatex } from './notationLatex.js';

/** Words are prose; a formula has its plain text and its LaTeX (undefined: shown as text). */
export type PhrasePart =
  | { readonly kind: 'words'; readonly text: string }
  | { readonly kind: 'formula'; readonly text: string; readonly latex: string | undefined };
export type Phrase = readonly PhrasePart[];

const words = (text: string): PhrasePart => ({ kind: 'words', text });
/** A formula; inside a report or summary that names algebraic roots (r1, r2, …), with their names. */
function formula(printed: string): PhrasePart {
  const text = nameRootsIn(printed);
  return { kind: 'formula', text, latex: notationLatex(text) };
}

/** Joins parts and phrases, merging neighbouring words. */
function phrase(...items: (PhrasePart | Phrase)[]): Phrase {
  const out: PhrasePart[] = [];
  for (const part of items.flat()) {
    const last = out[out.length - 1];
    if (part.kind === 'words' && last?.kind === 'words') out[out.length - 1] = words(last.text + part.text);
    else if (part.text !== '') out.push(part);
  }
  return out;
}

/** The phrases one after another, `separator` between them. */
const joined = (phrases: readonly Phrase[], separator: string): Phrase => phrase(...phrases.flatMap((p, i) => (i > 0 ? [[words(separator)], p] : [p])));

export const phraseText = (p: Phrase): string => p.map((part) => part.text).join('');

// ---------------------------------------------------------------- pieces of wording

const approach = (s: Side): string => (s < 0 ? '⁻' : '⁺');
const sideIndex = (s: Side): string => (s < 0 ? '₋' : '₊');
const minusOrPlus = (s: Side): string => (s < 0 ? '−' : '+');
const limitText = (l: ClaimedLimit): string => (l.kind === 'finite' ? l.value : l.sign > 0 ? '+∞' : '−∞');
const power = (x: number): string => `2^${Math.log2(x)}`;
const range = (r: StepRange): string => `${power(r.first)} … ${power(r.last)}`;
const intervalText = (i: OpenInterval): string => `${i.lo ?? '−∞'} < t < ${i.hi ?? '∞'}${i.period ? ` (mod ${i.period})` : ''}`;
const setText = (s: NamedSet): string => `∂φ(${s.at}) = ${s.lo === s.hi ? `{${s.lo}}` : `[${s.lo}, ${s.hi}]`}`;

/** "t = c" for a breakpoint c. */
export const atPhrase = (at: string): Phrase => [formula(`t = ${at}`)];

/** "δ = 2^-6 … 2^-17". */
export const deltaRangePhrase = (steps: StepRange): Phrase => [formula(`δ = ${range(steps)}`)];

/** A test matrix of the gradient checks after its name X: "~ N(0, 1²) 3x4". */
export function testMatrixPhrase(m: TestMatrix): Phrase {
  const shape = `${m.rows}x${m.cols}`;
  if (m.kind === 'gaussian') return [formula(`~ N(0, ${m.sigma}²) ${shape}`)];
  return phrase(words('with each entry on a breakpoint, '), formula(`± ${m.offset}`), words(' from one, or drawn from '), formula(`N(0, 1) ${shape}`));
}

const namedMatrix = (m: TestMatrix): Phrase =>
  m.kind === 'gaussian' ? [formula(`X ${phraseText(testMatrixPhrase(m))}`)] : phrase(formula('X'), words(' '), testMatrixPhrase(m));

function subgradientMatrixPhrase(m: SubgradientMatrix): Phrase {
  const block = m.block === undefined ? [] : phrase(words(`, its first ${m.block} entries (`), formula('D'), words(' and '), formula('Y − X'), words(' vanish on the rest)'));
  const near = phrase(words('at a breakpoint '), formula(`c ± (${m.room} + |N(0, 1)|)·max(1, |c|)`));
  const entries =
    m.entries === 'on' ? [words(', every entry on a breakpoint')] : m.entries === 'near' ? phrase(words(', entries '), near) : phrase(words(', entries on breakpoints or '), near);
  return phrase(formula(`X ${m.rows}x${m.cols}`), block, entries);
}

/** Where φ′ came from, without φ′: "the claimed gradient 2*relu(t)", "central differences of φ with step δ/8". */
export const slopeOriginPhrase = (source: SlopeSource): Phrase =>
  source.kind === 'claimed-gradient'
    ? phrase(words('the claimed gradient '), formula(source.formula))
    : source.kind === 'piece-derivative'
      ? phrase(words("the piece's derivative "), formula(source.formula))
      : phrase(words('central differences of '), formula('φ'), words(' with step '), formula('δ/8'));

/** A formula of the verifier on its own ("0.5/sqrt(t)"), for a list. */
export const formulaPhrase = (text: string): Phrase => [formula(text)];

/** Where φ′ came from: "φ′ from the claimed gradient 2*relu(t)". */
const slopePhrase = (source: SlopeSource): Phrase => phrase(formula('φ′'), words(' from '), slopeOriginPhrase(source));

/** What decided a claimed divergence: "φ(t) − φ(0) → 1 ± 1e-9, a jump". */
export function divergencePhrase(d: DivergenceEvidence): Phrase {
  if (d.kind === 'jump')
    return phrase(formula(`φ(t) − φ(${d.at}) → ${d.value.toPrecision(6)} ± ${d.tolerance.toPrecision(2)}`), words(', a jump'));
  return phrase(
    words('the '),
    formula(`δ^(${d.exponent})`),
    words(' term has sign '),
    formula(d.sign > 0 ? '+' : '−'),
    words(' once the known terms '),
    formula('δ^γ'),
    words(', '),
    formula(`γ > ${d.exponent}`),
    words(', are differenced out'),
  );
}

/** The notes of a sequence, joined by "; " (empty when it has none): where φ′ came from, what decided a divergence. */
export function sequenceNotesPhrase(p: SequencePoint): Phrase {
  const notes = [...(p.slope ? [slopePhrase(p.slope)] : []), ...(p.divergence ? [divergencePhrase(p.divergence)] : [])];
  return joined(notes, '; ');
}

function setsPhrase({ sets, more }: NamedSets): Phrase {
  const named = [...sets.map((s) => [formula(setText(s))]), ...(more > 0 ? [phrase(formula(String(more)), words(' more'))] : [])];
  if (sets.length === 0) return [];
  return phrase(words(' with '), joined(named, ', '));
}

// ---------------------------------------------------------------- structured checks

const ORIGINS = { at: 'a point given with --at', surface: 'on a kink surface', smooth: 'off every kink surface' } as const;
const probeWords = (p: ProbeRef): Phrase => [words(` at probe ${p.probe} (${ORIGINS[p.origin]})`)];

/** "X ~ N(0, 1²) 3x2, sample 2 = [[…]]", "X = probe 1 = [[0, 0]]". */
export function structuredMatrixPhrase(m: StructuredMatrix): Phrase {
  const shape = `${m.rows}x${m.cols}`;
  const head =
    m.kind === 'gaussian'
      ? phrase(formula(`X ~ N(0, ${m.sigma}²) ${shape}`), words(`, sample ${m.index}`))
      : m.kind === 'near-probe'
        ? phrase(formula(`X = X_p + ${power(m.radius)}·Z`), words(', '), formula('Z ~ N(0, 1)'), words(`, X_p probe ${m.probe}`))
        : m.kind === 'probe'
          ? phrase(formula('X'), words(` = probe ${m.probe}`))
          : phrase(formula('X'), words(` = point ${m.index} given with --at`));
  return m.entries === null ? head : phrase(head, words(' '), formula(`= ${m.entries}`));
}

export function structuredDirectionPhrase(d: StructuredDirection): Phrase {
  switch (d.kind) {
    case 'gaussian':
    case 'rademacher':
      return phrase(words(`${d.kind === 'gaussian' ? 'Gaussian' : 'Rademacher'} `), formula('D'), words(` ${d.index} of ${d.count}`));
    case 'part':
      return phrase(formula(d.sign > 0 ? 'D = V' : 'D = −V'), words(`, V member ${d.member} of part ${d.part} of the claimed set`));
    case 'gradient-difference':
      return phrase(formula('D = ∇f(X + εE) − ∇f(X − εE)'), words(` from the claimed gradient formula, `), formula('E'), words(` Gaussian ${d.index}`));
    case 'unit':
      return phrase(formula(`D = ${d.sign > 0 ? '' : '−'}E_k`), words(`, k = entry ${d.entry} (row by row)`));
  }
}

// ---------------------------------------------------------------- claims

/**
 * The claim without its explanation: "φ'₋(0) = φ'₊(0)" rather than
 * "φ'₋(0) = φ'₊(0): φ is differentiable at 0". Every other claim is its statement.
 */
export function statementPhrase(c: Claim): Phrase {
  return c.kind === 'differentiable' ? [formula(`φ'₋(${c.at}) = φ'₊(${c.at})`)] : claimPhrase(c);
}

export function claimPhrase(c: Claim): Phrase {
  switch (c.kind) {
    case 'gradient':
      return [formula(`∇f = ${c.formula}`)];
    case 'value':
      return [formula(`φ(${c.at}) = ${c.value}`)];
    case 'limit':
      return phrase(formula(`${c.of}(t) → ${limitText(c.limit)}`), words(' as '), formula(`t → ${c.at}${approach(c.side)}`));
    case 'one-sided-derivative':
      return [formula(`φ'${sideIndex(c.side)}(${c.at}) = ${limitText(c.value)}`)];
    case 'differentiable':
      return phrase(statementPhrase(c), words(': '), formula('φ'), words(' is differentiable at '), formula(c.at));
    case 'piece':
      return phrase(formula(`${c.of}(t) = ${c.formula}`), words(' for '), formula(intervalText(c.interval)));
    case 'smooth':
      return phrase(
        formula('φ'),
        words(` is ${c.property} at `),
        formula(`t = ${c.t}`),
        words(', inside the claimed piece for '),
        formula(intervalText(c.interval)),
      );
    case 'subdifferential-end': {
      const { set, side } = c;
      const end = c.end === 'upper' ? set.hi : set.lo;
      const role = c.end === 'only' ? '' : `the ${c.end} end of `;
      const note = c.frechetEmpty
        ? phrase(words(` (${c.subdifferential}; `), formula('φ′₋ > φ′₊'), words(', so no Fréchet subgradient)'))
        : [words(` (${c.subdifferential})`)];
      return phrase(formula(`φ′(t) → ${end}`), words(' as '), formula(`t → ${set.at}${approach(side)}`), words(`, ${role}`), formula(setText(set)), note);
    }
    case 'support-function':
      return phrase(formula('f′(X; D) ='), words(' max over '), formula('G ∈ ∂f(X)'), words(' of '), formula('⟨G, D⟩'), setsPhrase(c));
    case 'subgradient-inequality':
      return phrase(formula('f(Y) − f(X) ≥ ⟨G, Y − X⟩'), words(' for '), formula('G ∈ ∂f(X)'), setsPhrase(c));
    case 'probe-gradient':
      return phrase(formula(c.side > 0 ? 'f′(X; D) = ⟨G, D⟩' : 'f′(X; −D) = −⟨G, D⟩'), words(', '), formula('G'), words(' the gradient claimed'), probeWords(c));
    case 'differentiability':
      return c.differentiable
        ? phrase(formula('f′(X; D) + f′(X; −D) = 0'), words(': '), formula('f'), words(' is differentiable'), probeWords(c))
        : phrase(formula('f'), words(' is not differentiable'), probeWords(c), words(': '), formula('f′(X; ·)'), words(' is not linear'));
    case 'set-support': {
      const relation = c.bound === 'equal' ? 'f′(X; D) = h_S(D)' : c.bound === 'upper' ? 'f′(X; D) ≤ h_S(D)' : 'f′(X; D) ≥ −h_S(−D)';
      const set = c.relation === 'equal' ? (c.set === 'convex' ? 'S = ∂f(X)' : 'S = ∂_C f(X)') : c.set === 'convex' ? 'S ⊇ ∂f(X)' : 'S ⊇ ∂_C f(X)';
      return phrase(formula(relation), words(' for '), formula(set), words(' = '), formula(c.text), words(` (${c.set})`), probeWords(c));
    }
    case 'point-value':
      return phrase(formula(`f(X) = ${c.value}`), words(c.probe === undefined ? ` at point ${c.at} given with --at` : ` at probe ${c.probe}`));
  }
}

// ---------------------------------------------------------------- points

const SUBGRADIENT_NAMES = { 'lower-corner': 'the lower corner', 'upper-corner': 'the upper corner', 'random-corner': 'random corner', 'random-point': 'random point' } as const;

export function pointPhrase(p: Point): Phrase {
  switch (p.kind) {
    case 'direction': {
      const d = p.direction;
      const which = d.kind === 'rademacher' ? `Rademacher direction ${d.index} of ${d.count}` : 'Gaussian direction';
      return phrase(namedMatrix(p.matrix), words(`, ${which}`));
    }
    case 'entry':
      return phrase(namedMatrix(p.matrix), words(', entry '), formula(`(${p.row}, ${p.col}) = ${p.value}`));
    case 'breakpoint-entry':
      return phrase(words('an entry equal to the breakpoint, '), atPhrase(p.at));
    case 'at':
      return atPhrase(p.at);
    case 'probe':
      return [formula(`t = ${p.t}`)];
    case 'sequence': {
      const notes = sequenceNotesPhrase(p);
      return phrase(formula(`t = ${p.at} ${minusOrPlus(p.side)} δ`), words(', '), deltaRangePhrase(p.steps), notes.length > 0 ? phrase(words('; '), notes) : []);
    }
    case 'central-differences':
      return phrase(formula(`t = ${p.t}`), words(', central differences of '), formula('φ'), words(' with step '), formula(`h = ${range(p.steps)}`));
    case 'gap': {
      const gap = `${p.of}(t + δ) − ${p.of}(t − δ)`;
      return phrase(
        formula(`t = ${p.t} ± δ`),
        words(', '),
        deltaRangePhrase(p.steps),
        words(`, shrinking by ${p.shrink}; `),
        formula(gap),
        p.of === 'φ′' ? phrase(words(', '), formula('φ′'), words(' from central differences with step '), formula('δ/8')) : [],
      );
    }
    case 'support-direction': {
      const d = p.direction;
      const label =
        d.kind === 'ones' ? [formula(d.sign > 0 ? 'D = 𝟙' : 'D = −𝟙')] : phrase(words(`${d.kind === 'rademacher' ? 'Rademacher' : 'Gaussian'} `), formula('D'), words(` ${d.index} of ${d.count}`));
      return phrase(subgradientMatrixPhrase(p.matrix), words(', '), label);
    }
    case 'displacement': {
      const g = p.subgradient;
      const which = 'index' in g ? `${SUBGRADIENT_NAMES[g.kind]} ${g.index}` : SUBGRADIENT_NAMES[g.kind];
      const s = p.scale < 1 ? power(p.scale) : String(p.scale);
      const y = p.against
        ? phrase(formula(`Y = X + ${s}·S|Z|`), words(', '), formula('S'), words(' the signs against '), formula('G'), words(' (down at lower ends, up at upper ends)'))
        : phrase(formula(`Y = X + ${s}·Z`), words(', '), formula('Z ~ N(0, 1)'));
      return phrase(subgradientMatrixPhrase(p.matrix), words(', '), formula('G'), words(` = ${which} of `), formula('∂f(X)'), words(', '), y);
    }
    case 'matrix-direction': {
      const e = p.estimate;
      const estimate =
        e.kind === 'central'
          ? phrase(words('central differences with steps '), formula(`h = ${power(e.h)}`), words(' and '), formula('2h'))
          : phrase(words('one-sided quotients with '), formula(`h = ${range(e.steps)}`));
      return phrase(structuredMatrixPhrase(p.matrix), words(', '), structuredDirectionPhrase(p.direction), words(', '), estimate);
    }
    case 'kink-search': {
      const best = p.best ? phrase(words('; the largest defect along '), structuredDirectionPhrase(p.best)) : [];
      return phrase(structuredMatrixPhrase(p.matrix), words(`, ${p.tried} directions and pairs tried with one-sided quotients, `), formula(`h = ${range(p.steps)}`), best);
    }
    case 'matrix-value':
      return structuredMatrixPhrase(p.matrix);
  }
}

/** The claim and point as the CLI and the JSON output print them. */
export const claimText = (c: Check): string => phraseText(claimPhrase(c.claim));
export const pointText = (c: Check): string => phraseText(pointPhrase(c.point));

/** A record as the JSON output has always printed it: its claim and point as text. */
export const printedRecord = (r: CheckRecord): PrintedRecord => ({
  kind: r.kind,
  claim: claimText(r),
  point: pointText(r),
  symbolic: r.symbolic,
  numeric: r.numeric,
  relError: r.relError,
  tolerance: r.tolerance,
  passed: r.passed,
  relation: r.relation,
});

export type PrintedRecord = { readonly kind: CheckKind; readonly claim: string; readonly point: string } & Outcome;
