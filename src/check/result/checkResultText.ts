/** Human-readable rendering of check results (formatting only: no mathematics here). */
import { SIDES } from './counterexample.js';
import type { CaseRow, CheckResult, Counterexample, ExactValue, GradientCheck, KinkRow, Verdict } from './checkResult.js';

export type CheckKind = 'gradient' | 'equal';

const LABELS: Record<CheckKind, readonly [string, string]> = {
  gradient: ['claim', "phi'(t)"],
  equal: SIDES,
};

export const exitCodeOf = (v: Verdict): number => (v === 'correct' ? 0 : v === 'incorrect' ? 1 : 3);

const mark = (equal: boolean | null): string => (equal === true ? 'equal' : equal === false ? 'DIFFER' : 'undecided');

function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('   ').trimEnd());
}

function casesText(cases: readonly CaseRow[], kind: CheckKind): string[] {
  if (cases.length === 0) return [];
  const [l, r] = LABELS[kind];
  return ['cases:', ...table([['where', l, r, ''], ...cases.map((c) => [c.where, c.lhs, c.rhs, mark(c.equal)])])];
}

const exactValue = (v: ExactValue | null): string =>
  v === null ? 'no real value' : typeof v === 'string' ? v : `[${v.map((row) => `[${row.join(', ')}]`).join(', ')}]`;

function counterexampleText(c: Counterexample, kind: CheckKind): string[] {
  const [l, r] = kind === 'gradient' ? ['claim', 'gradient'] : SIDES;
  const width = Math.max(l.length, r.length);
  return [
    `counterexample${c.where ? ` (${c.where})` : ''}:`,
    `  ${'X'.padEnd(width)} = ${exactValue(c.exact.X)}`,
    `  ${l.padEnd(width)} = ${exactValue(c.exact.lhs)}`,
    `  ${r.padEnd(width)} = ${exactValue(c.exact.rhs)}`,
  ];
}

function verdictLine(r: CheckResult, kind: CheckKind): string {
  const what =
    kind === 'gradient'
      ? { correct: 'the claim is the gradient of f wherever f is differentiable', incorrect: 'the claim is not the gradient of f', unknown: 'not decided' }
      : { correct: 'the two sides are equal for every X', incorrect: 'the two sides are not equal', unknown: 'not decided' };
  return `${r.verdict}: ${what[r.verdict]} (${r.method})`;
}

function kinkLine(k: KinkRow): string {
  const range = k.left !== null && k.right !== null ? `one-sided derivatives ${k.left}, ${k.right}` : 'one-sided derivatives undecided';
  const verdict = k.selects === true ? 'subgradient' : k.selects === false ? 'not a subgradient' : 'undecided';
  return `  t = ${k.at}: claim ${k.claim ?? '?'}; ${range}: ${verdict}${k.note ? ` (${k.note})` : ''}`;
}

function selectionText(g: GradientCheck): string[] {
  // No case table either: f is not separable (or the exact route did not run), so no kink of one phi was examined.
  if (g.kinks.length === 0) return [g.cases.length ? 'subgradient selection: n/a (f has no kinks)' : 'subgradient selection: n/a (not checked)'];
  const s = g.subgradientSelection;
  return [`subgradient selection: ${s === true ? 'yes' : s === false ? 'no' : 'undecided'}`, ...g.kinks.map(kinkLine)];
}

const isGradient = (r: CheckResult): r is GradientCheck => 'subgradientSelection' in r;

export function checkText(r: CheckResult, kind: CheckKind): string {
  const lines = [verdictLine(r, kind), ...casesText(r.cases, kind)];
  if (r.counterexample) lines.push(...counterexampleText(r.counterexample, kind));
  if (isGradient(r)) lines.push(...selectionText(r));
  lines.push('', r.explanation);
  return lines.join('\n');
}

/** Counterexample in one line, for proof reports. */
export function counterexampleLine(c: Counterexample, kind: CheckKind): string {
  const [l, r] = kind === 'gradient' ? ['claim', 'gradient'] : SIDES;
  return `X = ${exactValue(c.exact.X)}${c.where ? ` (${c.where})` : ''}: ${l} ${exactValue(c.exact.lhs)}, ${r} ${exactValue(c.exact.rhs)}`;
}
