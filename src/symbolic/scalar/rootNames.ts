/**
 * Names for the algebraic numbers of one answer. A root of a cubic or higher
 * with no radical form prints as a whole phrase (its polynomial, an isolating
 * interval and its value); an answer that uses it many times defines a name
 * r₁, r₂, … once and prints the name everywhere else.
 *
 * The names hold while `withRootNames` runs: a report or a summary is built in
 * one synchronous call, and the printer consults the names of that call, so
 * the many functions that print exact values between need no extra argument.
 * Outside such a call (JSON, library calls) every root prints as its phrase.
 */
import type { AlgebraicRoot } from '../exact/algebraic.js';
import * as P from '../exact/poly.js';
import type { Atom, Poly } from '../exact/poly.js';
import * as Q from '../exact/rational.js';

export class RootNames {
  /** By root key: the root's number, or null for a root that has none. */
  private readonly numbers = new Map<string, number | null>();

  /** `roots`: distinct in value, in increasing order; root k − 1 is named r_k. */
  constructor(readonly roots: readonly AlgebraicRoot[]) {
    roots.forEach((root, i) => this.numbers.set(root.key, i + 1));
  }

  /** α's number (1 for r₁), matching a root of another polynomial by exact value; undefined when α has no name. */
  numberOf(alpha: AlgebraicRoot): number | undefined {
    let n = this.numbers.get(alpha.key);
    if (n === undefined) {
      const i = this.roots.findIndex((root) => root.compare(alpha) === 0);
      this.numbers.set(alpha.key, (n = i < 0 ? null : i + 1));
    }
    return n ?? undefined;
  }
}

/** The algebraic numbers in p, inside other atoms too (log α). */
const algebraicAtoms = (p: Poly): AlgebraicRoot[] => p.terms.flatMap((t) => t.mono.factors.flatMap((f) => atomRoots(f.atom)));

function atomRoots(a: Atom): AlgebraicRoot[] {
  if (a.kind === 'alg') return [a.root];
  const inner = P.atomInner(a);
  return inner ? algebraicAtoms(inner) : [];
}

/** Names for the algebraic numbers in `values` (an answer's breakpoints, log α among them), numbered by increasing value. */
export function nameRoots(values: readonly Poly[]): RootNames {
  const roots: AlgebraicRoot[] = [];
  for (const alpha of values.flatMap(algebraicAtoms)) if (!roots.some((root) => root.compare(alpha) === 0)) roots.push(alpha);
  return new RootNames(roots.sort((a, b) => a.compare(b)));
}

let current: RootNames | undefined;

/** `run()`, with the roots in `names` printed by name. */
export function withRootNames<T>(names: RootNames, run: () => T): T {
  const outer = current;
  current = names;
  try {
    return run();
  } finally {
    current = outer;
  }
}

/** Is p a named root alone (it then prints as one symbol, r₁)? */
export function isNamedRoot(p: Poly): boolean {
  const [term, ...others] = p.terms;
  const [f, ...more] = term?.mono.factors ?? [];
  return others.length === 0 && more.length === 0 && Q.isOne(term!.coef) && f?.atom.kind === 'alg' && Q.isOne(f.exp) && rootNumber(f.atom.root) !== undefined;
}

/** α's number in the names in force, if it has one. */
export const rootNumber = (alpha: AlgebraicRoot): number | undefined => current?.numberOf(alpha);

/** The roots named in force, r₁ first; none outside `withRootNames`. */
export const rootsInForce = (): readonly AlgebraicRoot[] => current?.roots ?? [];
