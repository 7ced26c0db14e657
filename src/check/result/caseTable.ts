/** The case table of an exact comparison, as text (formatting only). */
import { exactText, printText } from '../../symbolic/index.js';
import type { Case, Comparison, Poly } from '../../symbolic/index.js';
import type { CaseRow } from './checkResult.js';

export function intervalText(from: Poly | null, to: Poly | null): string {
  if (from && to) return `${exactText(from)} < t < ${exactText(to)}`;
  if (from) return `t > ${exactText(from)}`;
  if (to) return `t < ${exactText(to)}`;
  return 'all t';
}

export const pointText = (c: Poly): string => `t = ${exactText(c)}`;

export const whereOf = (c: Case): string => (c.kind === 'interval' ? intervalText(c.from, c.to) : pointText(c.at));

export function caseRows(cmp: Comparison): CaseRow[] {
  return cmp.cases.map((c) =>
    c.kind === 'interval'
      ? { where: whereOf(c), lhs: printText(c.lhs.display), rhs: printText(c.rhs.display), equal: c.equal }
      : { where: whereOf(c), lhs: exactText(c.lhs), rhs: exactText(c.rhs), equal: c.equal },
  );
}

/** "t < 0 and t = 0" for the cases that differ. */
export function differingCases(cmp: Comparison): string {
  const names = cmp.cases.filter((c) => c.equal === false).map(whereOf);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
