/** Canonical form back to an expression, for display and for rules that take expressions. */
import * as Q from '../exact/rational.js';
import type { Atom, Factor, Poly } from '../exact/poly.js';
import { call, num, VAR } from './expr.js';
import type { Scalar } from './expr.js';
import { addS, mulS, powS } from './build.js';

function atomToScalar(a: Atom): Scalar {
  switch (a.kind) {
    case 't':
      return VAR;
    case 'root':
      return num(Q.rat(a.n));
    case 'exp':
      return call('exp', fromPoly(a.arg));
    case 'log':
      return call('log', fromPoly(a.arg));
    case 'pow':
      return fromPoly(a.base);
    case 'fn':
      return call(a.rules.name, fromPoly(a.arg));
    case 'const':
      return call(a.rules.name);
    case 'alg':
      return { kind: 'algebraic', root: a.root };
  }
}

/** √2·√7 prints as √14: roots of integers with the same exponent are multiplied back together. */
function factorsToScalar(factors: readonly Factor[]): Scalar[] {
  const roots = new Map<string, [bigint, Q.Rational]>();
  const out: Scalar[] = [];
  for (const f of factors) {
    if (f.atom.kind === 'root') {
      const key = Q.toText(f.exp);
      const prev = roots.get(key);
      roots.set(key, [(prev?.[0] ?? 1n) * f.atom.n, f.exp]);
    } else out.push(f.atom.kind === 'exp' ? atomToScalar(f.atom) : powS(atomToScalar(f.atom), f.exp));
  }
  for (const [n, e] of roots.values()) out.unshift(powS(num(Q.rat(n)), e));
  return out;
}

export function fromPoly(p: Poly): Scalar {
  return addS(...p.terms.map((t) => mulS(num(t.coef), ...factorsToScalar(t.mono.factors))));
}
