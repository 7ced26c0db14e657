/** Words every renderer uses, so the three outputs say the same thing. */
import type { Step } from './model.js';

/** "Established: …" for a step (plain text, to be escaped by the renderer). */
export function establishedText(step: Step): string {
  switch (step.established) {
    case 'exact':
      return 'Established: exact (symbolic computation).';
    case 'theorem':
      return step.citation ? `Established: theorem (${step.citation}).` : 'Established: theorem.';
    case 'numeric':
      return 'Established: numeric (evidence, not a proof).';
    case 'unknown':
      return 'Established: unknown (not decided).';
  }
}

/** Step numbers written in the text (the standalone article, HTML, Markdown); a LaTeX fragment's steps are numbered by its host's counters. */
export const stepNumber = (index: number): string => `${index + 1}.`;

export const PLOT_LEGEND = { phi: 'φ(t)', dphi: 'φ′(t)' } as const;
