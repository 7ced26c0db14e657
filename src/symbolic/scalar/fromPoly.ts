/** Canonical form back to an expression, for display and for rules that take expressions. */
import * as Q from '../exact/rational.js';
import type { Atom, Poly } from '../exact/poly.js';
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
  }
}

export function fromPoly(p: Poly): Scalar {
  return addS(
    ...p.terms.map((t) =>
      mulS(num(t.coef), ...t.mono.factors.map((f) => (f.atom.kind === 'exp' ? atomToScalar(f.atom) : powS(atomToScalar(f.atom), f.exp)))),
    ),
  );
}
