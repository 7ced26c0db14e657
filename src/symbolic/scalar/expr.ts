/**
 * The entry function φ(t) and everything derived from it, as plain data.
 * Subtraction is addition of (−1)·x, division is a power −1, sqrt is a power ½:
 * fewer node kinds, one rule each.
 */
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import type { PrimitiveName } from '../primitives/registry.js';
import type { AlgebraicRoot } from '../exact/algebraic.js';

export type Scalar =
  | { readonly kind: 'const'; readonly value: Rational }
  | { readonly kind: 'algebraic'; readonly root: AlgebraicRoot } // a real root of an integer polynomial, printed with its isolating interval
  | { readonly kind: 'var' }
  | { readonly kind: 'add'; readonly terms: readonly Scalar[] }
  | { readonly kind: 'mul'; readonly factors: readonly Scalar[] }
  | { readonly kind: 'pow'; readonly base: Scalar; readonly exponent: Rational }
  | { readonly kind: 'call'; readonly fn: PrimitiveName; readonly args: readonly Scalar[] };

export const num = (value: Rational): Scalar => ({ kind: 'const', value });
export const int = (n: number): Scalar => num(Q.rat(n));
export const VAR: Scalar = { kind: 'var' };
export const call = (fn: PrimitiveName, ...args: Scalar[]): Scalar => ({ kind: 'call', fn, args });

/** A key equal for structurally equal expressions (for caches and pattern rules). */
export function keyOf(s: Scalar): string {
  switch (s.kind) {
    case 'const':
      return Q.toText(s.value);
    case 'algebraic':
      return `(root ${s.root.key})`;
    case 'var':
      return 't';
    case 'add':
      return `(+ ${s.terms.map(keyOf).join(' ')})`;
    case 'mul':
      return `(* ${s.factors.map(keyOf).join(' ')})`;
    case 'pow':
      return `(^ ${keyOf(s.base)} ${Q.toText(s.exponent)})`;
    case 'call':
      return `(${s.fn} ${s.args.map(keyOf).join(' ')})`;
  }
}

/** Does t occur in s? */
export function dependsOnT(s: Scalar): boolean {
  switch (s.kind) {
    case 'const':
    case 'algebraic':
      return false;
    case 'var':
      return true;
    case 'add':
      return s.terms.some(dependsOnT);
    case 'mul':
      return s.factors.some(dependsOnT);
    case 'pow':
      return dependsOnT(s.base);
    case 'call':
      return s.args.some(dependsOnT);
  }
}

/** Number of nodes, for resource limits. */
export function sizeOf(s: Scalar): number {
  switch (s.kind) {
    case 'const':
    case 'algebraic':
    case 'var':
      return 1;
    case 'add':
      return 1 + s.terms.reduce((n, x) => n + sizeOf(x), 0);
    case 'mul':
      return 1 + s.factors.reduce((n, x) => n + sizeOf(x), 0);
    case 'pow':
      return 1 + sizeOf(s.base);
    case 'call':
      return 1 + s.args.reduce((n, x) => n + sizeOf(x), 0);
  }
}
