import type { CasesBlock } from './model.js';

/** `lhs = \begin{cases} value & \text{if } condition \\ … \end{cases}`, the same in LaTeX, KaTeX and Markdown. */
export function casesLatex(block: CasesBlock): string {
  const rows = block.rows.map((r) => `${r.value} & \\text{if } ${r.condition}`).join(' \\\\ ');
  return `${block.lhs} = \\begin{cases} ${rows} \\end{cases}`;
}
