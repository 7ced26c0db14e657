/** The human summary of `derive` (without --json): class, kinks, gradient, then the cases. */
import { discontinuityOf, exactText, discontinuitiesOf, MATRIX, nameRoots, P, printText, rootPhraseText, withRootNames } from '../symbolic/index.js';
import type { Discontinuity, PointResult, RootNames, SymbolicAnalysis } from '../symbolic/index.js';
import type { Evidence } from '../numeric/verify.js';
import { claimText, pointText } from '../numeric/checkText.js';
import { classText, convexityWitnessText, DISCONTINUITY_NOUN, exactListText, numericSetsText, limitText, moduloText, pieceEndsText, yesNo } from '../analysisText.js';
import { gradientCases, subdifferentialNotation } from '../report/setNotation.js';

function convexNote(a: SymbolicAnalysis): string {
  const w = a.convexity.witness;
  if (!w) return a.convexity.undecided ? ` (${a.convexity.undecided})` : '';
  return ` (${convexityWitnessText(w)})`;
}

function subdifferentialLine(a: SymbolicAnalysis): string {
  const s = a.subdifferential;
  const text = subdifferentialNotation(s, a.entry.piecewise).text;
  if (s.kind !== 'clarke') return text;
  const empty = s.breakpoints.filter((b) => b.frechetEmpty).map((b) => exactText(b.at));
  const note = empty.length ? `; the Frechet subdifferential is empty where some x_ij = ${empty.join(' or ')}` : '';
  const why = a.convexity.convex === false ? 'f is not convex' : 'convexity of f not decided';
  return `${text}  (Clarke generalized gradient: ${why}${note})`;
}

function classLine(s: number | 'inf' | null): string {
  const text = classText(s);
  if (text === null) return 'unknown';
  if (typeof s === 'number' && s >= 0) return `${text} (not C${s + 1})`;
  return text;
}

function pointLine(p: PointResult): string {
  if (p.differentiable === true) return `gradient ${JSON.stringify(p.gradient)}`;
  const verdict = p.differentiable === false ? 'not differentiable there' : 'differentiability there not decided';
  if (p.subdifferential) return `${verdict}; ${p.subdifferentialKind === 'convex' ? 'subdifferential' : 'Clarke set'} per entry ${numericSetsText(p.subdifferential)}`;
  return `${verdict}; ${p.reason}`;
}

/** One line per kind of discontinuity ("jumps:", "removable discontinuities:"), never under the kinks. */
function discontinuityLines(entry: SymbolicAnalysis['entry'], mod: string): string[] {
  const label: Record<Discontinuity, string> = {
    jump: 'jumps:',
    removable: 'removable discontinuities:',
    infinite: 'infinite discontinuities:',
    undecided: 'discontinuities:',
  };
  const why: Record<Discontinuity, string> = {
    jump: 'the one-sided limits of phi differ',
    removable: 'the one-sided limits of phi agree but differ from its value',
    infinite: 'a one-sided limit of phi is infinite',
    undecided: 'how was not decided',
  };
  return (['jump', 'removable', 'infinite', 'undecided'] as const).flatMap((kind) => {
    const at = entry.breakpoints.filter((b) => discontinuityOf(b) === kind).map((b) => b.at);
    return at.length ? [`${label[kind].padEnd(15)} ${exactListText(at)}${mod}  (phi is not continuous there${kind === 'jump' ? '' : `: ${why[kind]}`})`] : [];
  });
}

/** "where r1 = the root of … in (-4, -3), ~-3.385219; r2 = …", under the kinks, for the names used below. */
const rootsLine = (names: RootNames): string[] =>
  names.roots.length ? [`                where ${names.roots.map((root, i) => `r${i + 1} = ${rootPhraseText(root, 't')}`).join('; ')}`] : [];

/** The algebraic breakpoints print as r1, r2, …, defined once under the kinks. */
export function summary(a: SymbolicAnalysis, verification: Evidence | null): string {
  const names = nameRoots(a.entry.piecewise.breakpoints);
  return withRootNames(names, () => namedSummary(a, verification, names));
}

function namedSummary(a: SymbolicAnalysis, verification: Evidence | null, names: RootNames): string {
  const { entry } = a;
  const { breakpoints: bps, period } = entry.piecewise;
  const mod = moduloText(period);
  const offset = exactText(a.offset);
  // A jump is a discontinuity, listed on its own line, never among the kinks.
  const jumps = discontinuitiesOf(entry);
  const kinks = a.kinks.filter((k) => !jumps.some((j) => P.equals(j, k)));
  const lines = [
    `f(X) = ${a.input}`,
    `     = ${offset === '0' ? '' : `${offset} + `}sum_ij phi(x_ij),  phi(t) = ${printText(a.separable.phi)}`,
    '',
    `class:          ${classLine(entry.smoothness)}`,
    `differentiable: ${yesNo(entry.differentiable)}`,
    `kinks:          ${exactListText(kinks)}${kinks.length ? mod : ''}`,
    ...discontinuityLines(entry, mod),
    ...rootsLine(names),
  ];
  lines.push(`convex:         ${yesNo(a.convexity.convex)}${convexNote(a)}`);
  if (entry.differentiable !== true) lines.push(`subdifferential: ${subdifferentialLine(a)}`);
  if (a.undecided.length) lines.push(`undecided at:   ${a.undecided.map(exactText).join(', ')}${mod}`);
  const gradient = a.gradient ? printText(a.gradient, MATRIX) : gradientCases(entry).text;
  lines.push(`gradient:       ${gradient}${entry.differentiable === true ? '' : '  (wherever f is differentiable)'}`);
  lines.push('', 'cases:');
  entry.piecewise.pieces.forEach((p, i) => {
    const [lo, hi] = pieceEndsText(bps, i, period);
    lines.push(`  ${lo} < t < ${hi}${mod}:  phi(t) = ${printText(p.display)},  phi'(t) = ${printText(entry.derivativePieces[i]!.display)}`);
  });
  for (const b of entry.breakpoints) {
    const c = exactText(b.at);
    const left = limitText(b.leftDerivative) ?? 'undecided';
    const right = limitText(b.rightDerivative) ?? 'undecided';
    const verdict =
      b.continuous === false
        ? `${DISCONTINUITY_NOUN[discontinuityOf(b) ?? 'undecided']} (not continuous, so not differentiable)`
        : b.differentiable === true
          ? `differentiable, phi'(${c}) = ${left}; ${classText(b.order) ?? 'class undecided'} here`
          : b.differentiable === false
            ? `${b.continuous === true ? 'kink (continuous, not differentiable)' : 'not differentiable'}; ${classText(b.order) ?? 'class undecided'} here`
            : `undecided; ${classText(b.order) ?? 'class undecided'} here`;
    lines.push(`  t = ${c}${mod}:  phi(${c}) = ${exactText(b.value)};  one-sided derivatives ${left} (left), ${right} (right): ${verdict}`);
  }
  for (const [i, p] of a.points.entries()) {
    lines.push('', `at #${i + 1}: f = ${p.value}, ${pointLine(p)}`);
  }
  if (verification) lines.push('', ...verificationLines(verification));
  return lines.join('\n');
}

/** The verification line and up to five failures. */
export function verificationLines(verification: Evidence): string[] {
  const lines = [
    verification.status === 'inconclusive'
      ? `verification:   inconclusive (no numeric check could be made, seed ${verification.seed})`
      : `verification:   ${verification.status} (${verification.checks} numeric checks, max relative error ${verification.maxRelError.toExponential(2)}, seed ${verification.seed})`,
  ];
  for (const f of verification.failures.slice(0, 5)) lines.push(`  FAILED ${claimText(f)} at ${pointText(f)}: symbolic ${f.symbolic}, numeric ${f.numeric}`);
  return lines;
}
