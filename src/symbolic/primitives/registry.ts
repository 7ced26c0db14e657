/**
 * Every primitive kinkproof knows. Adding one is adding a file and a line here
 * (an import and its name in the table): the file's type (KinkedSpec, or
 * SmoothSpec with AnalyticRules for a function analytic on ℝ) makes every
 * part it needs a compile error when missing.
 * (√ is not a primitive: the reducer writes sqrt(u) as the power u^{1/2}.)
 */
import { abs } from './abs.js';
import { exp } from './exp.js';
import { heaviside } from './heaviside.js';
import { log } from './log.js';
import { max } from './max.js';
import { min } from './min.js';
import { relu } from './relu.js';
import { sign } from './sign.js';
import type { PrimitiveSpec } from './spec.js';
import { sin } from './sin.js';
import { cos } from './cos.js';
import { tanh } from './tanh.js';
import { sigmoid } from './sigmoid.js';
import { softplus } from './softplus.js';
import { pi } from './pi.js';

export const primitives = { relu, abs, sign, heaviside, max, min, exp, log, sin, cos, tanh, sigmoid, softplus, pi } as const satisfies Record<
  string,
  PrimitiveSpec
>;

export type PrimitiveName = keyof typeof primitives;

const byName = new Map<string, PrimitiveName>();
for (const [name, spec] of Object.entries(primitives) as [PrimitiveName, PrimitiveSpec][])
  for (const spelling of spec.names) byName.set(spelling, name);

/** The primitive a user's spelling names (`pos` → relu), if any. */
export const lookupPrimitive = (spelling: string): PrimitiveName | undefined => byName.get(spelling);

export const primitiveNames = (): string[] => [...byName.keys()];

/** The primitive of no arguments a bare name denotes (`pi`), if any. */
export function lookupConstant(spelling: string): PrimitiveName | undefined {
  const name = byName.get(spelling);
  return name && primitives[name].arity === 0 ? name : undefined;
}
