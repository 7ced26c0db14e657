/** Shared by the report tests: every math fragment of a Derivation, the toolchain check, a plot with a jump, whether a process has stopped, and waiting for a condition. */
import { casesLatex } from '../../src/report/cases.js';
import { readFileSync } from 'node:fs';
import type { Block, Derivation, Inlines, PlotData } from '../../src/report/model.js';
import { compilePdf, pdflatexAvailable, popplerAvailable } from '../../src/report/pdf.js';

const inlineMath = (parts: Inlines): string[] => parts.flatMap((p) => (p.kind === 'math' ? [p.latex] : []));

function blockMath(b: Block): string[] {
  switch (b.kind) {
    case 'paragraph':
      return inlineMath(b.parts);
    case 'math':
      return [b.latex];
    case 'cases':
      return [casesLatex(b)];
    case 'table':
      return [...b.columns.flatMap((c) => inlineMath(c.header)), ...b.rows.flat().flatMap(inlineMath), ...inlineMath(b.caption ?? [])];
    case 'plot':
      return inlineMath(b.caption ?? []);
  }
}

/** Every math fragment a renderer will typeset, with whether it is displayed. */
export function allMath(d: Derivation): string[] {
  return [
    ...inlineMath(d.title),
    ...inlineMath(d.subtitle ?? []),
    ...d.steps.flatMap((s) => [...inlineMath(s.title), ...s.blocks.flatMap(blockMath)]),
  ];
}

/** The TeX toolchain is installed here (CI installs it; locally the PDF tests are skipped with this message). */
export const haveTex = pdflatexAvailable() && popplerAvailable();
if (!haveTex)
  console.warn('SKIPPING PDF tests: pdflatex or pdftoppm/pdftotext not found (Debian: texlive-latex-base texlive-latex-recommended texlive-pictures lmodern poppler-utils)');

/** PNG files start with this signature. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const compiled = new Map<string, ReturnType<typeof compilePdf>>();

/**
 * compilePdf, once per source in a test process (the suite runs many files in
 * one worker, and several compile the same report): for tests that read the
 * PDF. A test of reproducibility compares it with a fresh compilePdf.
 */
export function compiledPdf(tex: string): ReturnType<typeof compilePdf> {
  let pdf = compiled.get(tex);
  if (!pdf) compiled.set(tex, (pdf = compilePdf(tex)));
  return pdf;
}

/** sign(t): a jump at 0, so φ has a null there and its value and limits are marked. */
export const signPlot: PlotData = {
  xs: [-1, -0.5, 0, 0.5, 1],
  phi: [-1, -1, null, 1, 1],
  dphi: [0, 0, null, 0, Number.NaN],
  breakpoints: [0],
  marks: [
    { x: 0, y: 0, curve: 'phi', kind: 'value' },
    { x: 0, y: -1, curve: 'phi', kind: 'limit' },
    { x: 0, y: 1, curve: 'phi', kind: 'limit' },
  ],
};

/** Dead, or a zombie no one has reaped yet: either way it runs no more. */
export function stopped(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Whether `done` holds within 30 s (polled). */
export const until = async (done: () => boolean): Promise<boolean> => {
  for (let i = 0; i < 600; i++) {
    if (done()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return done();
};
