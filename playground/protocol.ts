/**
 * Messages between the playground page and its Web Worker. Plain data only.
 * HTML strings in replies come from the report renderer (src/report/htmlBody.ts):
 * user text in them is escaped and math typeset by KaTeX with `trust: false`.
 * Every other string is plain text, which the page shows with textContent.
 */

/** The page's inputs, as typed (the worker parses them). */
export interface Inputs {
  readonly f: string;
  /** One NAME=MATRIX per line. */
  readonly constants: string;
  /** One matrix per line (as --at). */
  readonly at: string;
  /** m,n or empty. */
  readonly shape: string;
  /** A non-negative integer or empty (1). */
  readonly seed: string;
}

export type Request =
  | { readonly kind: 'derive'; readonly id: number; readonly inputs: Inputs }
  | { readonly kind: 'check'; readonly id: number; readonly inputs: Inputs; readonly claim: string };

/** Which input a problem is about. */
export type Field = 'f' | 'claim' | 'constants' | 'at' | 'shape' | 'seed';

export interface Problem {
  readonly field: Field;
  /** One line, as the CLI prints it ("syntax error: … (column 7)"). */
  readonly message: string;
  /** The offending text with a caret line under its column, or '' when the problem has no position. */
  readonly caret: string;
}

export interface Counterexample {
  readonly X: string;
  readonly claim: string;
  readonly gradient: string;
  readonly where: string | null;
}

export type Reply =
  /** The symbolic answer, before the numeric cross-check. */
  | {
      readonly kind: 'answer';
      readonly id: number;
      /** Rendered facts (class, kinks, gradient or subdifferential, points). */
      readonly html: string;
      /** ∇f as ASCII text (to copy into the claim box), or null. */
      readonly gradientText: string | null;
      /** The CLI's summary of the answer, plain text. */
      readonly summary: string;
    }
  | { readonly kind: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  /** The cross-check's result and the whole narrated derivation. */
  | {
      readonly kind: 'verified';
      readonly id: number;
      readonly status: 'passed' | 'failed' | 'inconclusive';
      /** Plain text, as the CLI's verification line. */
      readonly line: string;
      readonly derivationHtml: string;
      readonly summary: string;
    }
  | {
      readonly kind: 'checked';
      readonly id: number;
      readonly verdict: 'correct' | 'incorrect' | 'unknown';
      readonly method: 'exact' | 'numeric';
      /** The claim typeset and the explanation (report HTML). */
      readonly html: string;
      readonly counterexample: Counterexample | null;
      /** The CLI's `check` text (cases table, kinks), plain text. */
      readonly text: string;
    }
  | { readonly kind: 'problem'; readonly id: number; readonly problem: Problem }
  /** A bug, not bad input. */
  | { readonly kind: 'crash'; readonly id: number; readonly message: string };
