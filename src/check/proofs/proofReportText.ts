/** The `prove` report as text: one ✓/✗ line per statement (formatting only). */
import type { ProofReport, StepReport, StepStatus } from './proofReport.js';

const MARK: Record<StepStatus, string> = { pass: '✓', fail: '✗', unknown: '?', error: '✗' };

export interface Tally {
  readonly pass: number;
  readonly fail: number;
  readonly unknown: number;
  readonly error: number;
}

export function tally(reports: readonly ProofReport[]): Tally {
  const t = { pass: 0, fail: 0, unknown: 0, error: 0 };
  for (const r of reports) for (const s of r.steps) t[s.status]++;
  return t;
}

/** 2 bad input, 1 a step failed, 3 undecided steps, else 0. */
export const proveExitCode = (t: Tally): number => (t.error ? 2 : t.fail ? 1 : t.unknown ? 3 : 0);

function stepLines(s: StepReport): string[] {
  const lines = [`${MARK[s.status]} ${s.file}:${s.line}  ${s.text}  (${s.note})`];
  const detail = s.status !== 'pass' || s.counterexample !== null;
  if (detail && s.counterexample) lines.push(`    counterexample: ${s.counterexample}`);
  if (s.status !== 'pass' && s.explanation) lines.push(`    ${s.explanation}`);
  return lines;
}

export function proveText(reports: readonly ProofReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (lines.length) lines.push('');
    lines.push(r.title ? `${r.file}: ${r.title}` : r.file);
    for (const s of r.steps) lines.push(...stepLines(s));
  }
  const t = tally(reports);
  const parts = [`${t.pass} passed`, `${t.fail} failed`];
  if (t.unknown) parts.push(`${t.unknown} undecided`);
  if (t.error) parts.push(`${t.error} bad input`);
  lines.push('', parts.join(', '));
  return lines.join('\n');
}
