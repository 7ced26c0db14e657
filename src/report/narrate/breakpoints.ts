/**
 * One step per breakpoint c: continuity of φ at c, and both one-sided
 * difference-quotient limits written out with the piece on each side
 * (DESIGN.md: computed from the pieces, never by handing max/abs to a CAS).
 */
import { dependsOnT, sameFinite } from '../../symbolic/index.js';
import type { BreakpointAnalysis, EntryAnalysis, Limit } from '../../symbolic/index.js';
import type { Block, Inline, Step } from '../model.js';
import { display, math, paragraph, text } from '../model.js';
import type { Side } from './notation.js';
import { approach, at, difference, exact, knownLimitLatex, limitLatex, limitOperator, listInlines, oneSidedDerivative, phiLatex, pointCondition, SIDES, sideWord } from './notation.js';
import { quotientForms, shiftedArgument } from './quotient.js';

const valueOrUnknown = (l: Limit): string => limitLatex(l) ?? '\\text{(not decided)}';

function surroundings(entry: EntryAnalysis, i: number, b: BreakpointAnalysis): Block {
  const c = exact(b.at);
  const [left, right] = [entry.piecewise.pieces[i]!, entry.piecewise.pieces[i + 1]!];
  return paragraph(
    text('Near '),
    math(`t = ${c}`),
    text(', '),
    math(`\\varphi(t) = ${phiLatex(left.display)}`),
    text(' for '),
    math(`t < ${c}`),
    text(', '),
    math(`\\varphi(t) = ${phiLatex(right.display)}`),
    text(' for '),
    math(`t > ${c}`),
    text(', and '),
    math(`${at(b.at)} = ${exact(b.value)}`),
    text('.'),
  );
}

function continuityBlocks(b: BreakpointAnalysis): Block[] {
  const c = exact(b.at);
  const lim = (side: Side): string =>
    `${limitOperator('t', approach(b.at, side))} \\varphi(t) = ${valueOrUnknown(side < 0 ? b.leftLimits[0]! : b.rightLimits[0]!)}`;
  const verdict: Inline[] =
    b.continuous === true
      ? [text('Both one-sided limits equal '), math(at(b.at)), text(', so '), math('\\varphi'), text(' is continuous at '), math(c), text('.')]
      : b.continuous === false
        ? [text('They do not both equal '), math(at(b.at)), text(', so '), math('\\varphi'), text(' is not continuous at '), math(c), text('.')]
        : [text('Whether they equal '), math(at(b.at)), text(' was not decided.')];
  return [display(`${lim(-1)}, \\qquad ${at(b.at)} = ${exact(b.value)}, \\qquad ${lim(1)}.`), paragraph(...verdict)];
}

/** Why the quotient has the limit it has on one side: the mean value theorem, or a jump of the numerator. */
function justification(entry: EntryAnalysis, i: number, b: BreakpointAnalysis, side: Side): Block[] {
  const pieceIndex = side < 0 ? i : i + 1;
  const piece = entry.piecewise.pieces[pieceIndex]!;
  const slope = entry.derivativePieces[pieceIndex]!.display;
  const [limit0, derivative] = side < 0 ? [b.leftLimits[0]!, b.leftDerivative] : [b.rightLimits[0]!, b.rightDerivative];
  if (derivative.kind === 'unknown') return [paragraph(text(`This limit was not decided exactly (${derivative.reason}).`))];
  const result = knownLimitLatex(derivative);
  const c = exact(b.at);
  const target = approach(b.at, side);
  const continuous = sameFinite(limit0, { kind: 'finite', value: b.value });
  if (continuous === true) {
    const limit: Inline[] = dependsOnT(slope)
      ? [math(`${limitOperator('t', target)} ${phiLatex(slope)} = ${result}`)]
      : [text('the constant slope '), math(phiLatex(slope)), text(' of this piece')];
    return [
      paragraph(
        text('On this side '),
        math(`\\varphi(t) = ${phiLatex(piece.display)}`),
        text(', which tends to '),
        math(`${at(b.at)} = ${exact(b.value)}`),
        text(', so by the mean value theorem the quotient equals '),
        math("\\varphi'(\\xi_h)"),
        text(' for some '),
        math('\\xi_h'),
        text(' between '),
        math(c),
        text(' and '),
        math(shiftedArgument(b.at)),
        text(`; the limit is therefore the ${sideWord(side)} limit of `),
        math("\\varphi'"),
        text(', '),
        ...limit,
        text('.'),
      ),
    ];
  }
  if (continuous === false && limit0.kind === 'finite')
    return [
      paragraph(
        text('The numerator tends to '),
        math(`${difference(exact(limit0.value), exact(b.value))} \\neq 0`),
        text(' while '),
        math('h'),
        text(` tends to 0 from the ${sideWord(side)}, so the quotient diverges to `),
        math(`${result}`),
        text('.'),
      ),
    ];
  return [paragraph(math('\\varphi'), text(' is unbounded on this side, so the quotient diverges to '), math(result), text('.'))];
}

function quotientDisplay(entry: EntryAnalysis, i: number, b: BreakpointAnalysis, side: Side): Block {
  const piece = entry.piecewise.pieces[side < 0 ? i : i + 1]!;
  const op = limitOperator('h', side < 0 ? '0^{-}' : '0^{+}');
  const forms = quotientForms(piece, b.at, b.value, side);
  const chain = [
    `${op} \\frac{\\varphi(${shiftedArgument(b.at)}) - ${at(b.at)}}{h}`,
    `${op} \\frac{${forms.numerator}}{h}`,
    // quotientForms gives no quotient where dividing by h prints the same fraction (√(−h)/h).
    ...(forms.quotient !== undefined ? [`${op} ${forms.quotient}`] : []),
  ];
  const result = limitLatex(side < 0 ? b.leftDerivative : b.rightDerivative);
  return display(`${chain.join(' = ')}${result === undefined ? '' : ` = ${result}`}.`);
}

function verdict(b: BreakpointAnalysis): Block[] {
  const c = exact(b.at);
  const [left, right] = [limitLatex(b.leftDerivative), limitLatex(b.rightDerivative)];
  if (b.continuous === false)
    return [paragraph(text('A function that is not continuous at a point is not differentiable there: '), math('\\varphi'), text(' has no derivative at '), math(c), text('.'))];
  if (b.differentiable === true)
    return [
      paragraph(text('Both one-sided derivatives are finite and equal, so '), math('\\varphi'), text(' is differentiable at '), math(c), text(' with')),
      display(`${at(b.at, "\\varphi'")} = ${left}.`),
    ];
  if (b.differentiable === false && b.leftDerivative.kind === 'finite' && b.rightDerivative.kind === 'finite')
    return [
      paragraph(
        text('The one-sided derivatives differ, '),
        math(`${oneSidedDerivative(b.at, -1)} = ${left} \\neq ${right} = ${oneSidedDerivative(b.at, 1)}`),
        text(': '),
        math('\\varphi'),
        text(' has a kink at '),
        math(c),
        text(' and is not differentiable there.'),
      ),
    ];
  if (b.differentiable === false) {
    const infinite = SIDES.filter((s) => (s < 0 ? b.leftDerivative : b.rightDerivative).kind === 'infinite');
    return [
      paragraph(
        ...listInlines(infinite.map((s) => [math(`${oneSidedDerivative(b.at, s)} = ${limitLatex(s < 0 ? b.leftDerivative : b.rightDerivative)}`)])),
        text(infinite.length > 1 ? ' are not finite, so ' : ' is not finite, so '),
        math('\\varphi'),
        text(' is not differentiable at '),
        math(c),
        text('.'),
      ),
    ];
  }
  return [paragraph(text('Whether '), math('\\varphi'), text(' is differentiable at '), math(c), text(' was not decided.'))];
}

export function breakpointStep(entry: EntryAnalysis, i: number): Step {
  const b = entry.breakpoints[i]!;
  const c = exact(b.at);
  const { period } = entry.piecewise;
  const sides = SIDES.flatMap((side) => [
    paragraph(text(`From the ${sideWord(side)}:`)),
    quotientDisplay(entry, i, b, side),
    ...justification(entry, i, b, side),
  ]);
  const decided = b.continuous !== null && b.differentiable !== null;
  return {
    kind: 'breakpoint-limits',
    // A periodic φ repeats what happens at c at every member of its family.
    title: [text('One-sided limits at '), math(`t = ${c}`), ...(period ? [text(', hence at every '), math(pointCondition(b.at, period))] : [])],
    established: decided ? 'exact' : 'unknown',
    blocks: [surroundings(entry, i, b), ...continuityBlocks(b), ...sides, ...verdict(b)],
  };
}
