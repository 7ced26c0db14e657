import { test } from 'vitest';
import { VAR, call, int } from '../src/symbolic/scalar/expr.js';
import { powS, mulS, addS, subS } from '../src/symbolic/scalar/build.js';
import * as Q from '../src/symbolic/exact/rational.js';
import { analyzeEntry } from '../src/symbolic/analyze.js';
import { toPiecewise } from '../src/symbolic/piecewise.js';
import { approximate } from '../src/symbolic/exact/calculus.js';
import { differentiate } from '../src/symbolic/scalar/derivative.js';
import { exactText, print } from '../src/symbolic/scalar/print.js';
const show = (phi: any) => {
  const a = analyzeEntry(toPiecewise(phi));
  console.log(JSON.stringify({ d: a.differentiable, c: a.continuous, s: a.smoothness, bps: a.breakpoints.map(b => ({ at: approximate(b.at), l: b.leftDerivative.kind === 'finite' ? approximate(b.leftDerivative.value) : b.leftDerivative, r: b.rightDerivative.kind === 'finite' ? approximate(b.rightDerivative.value) : b.rightDerivative, diff: b.differentiable, cont: b.continuous, order: b.order })) }));
};
test('probe', () => {
  show(powS(call('relu', VAR), Q.rat(2)));
  show(call('abs', VAR));
  show(call('sign', VAR));
  show(powS(call('abs', VAR), Q.HALF));
  show(call('abs', subS(mulS(VAR, VAR), int(2))));
  show(call('max', VAR, int(1)));
});
