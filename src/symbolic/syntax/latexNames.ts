/**
 * What a LaTeX name denotes in the ASCII language. Function names come from the
 * registry: a primitive's own LaTeX symbol (`\sigma`, `H`, `\operatorname{sign}`)
 * reads back as that primitive, so kinkproof's LaTeX output parses again.
 */
import { lookupPrimitive, primitives } from '../primitives/registry.js';
import type { PrimitiveName } from '../primitives/registry.js';

/** LaTeX's own operator commands that are spellings of a primitive (`\ln` is log). */
const LATEX_OPERATORS = new Set(['exp', 'log', 'ln', 'sin', 'cos', 'tanh', 'max', 'min']);

/** Upright names that mean a reduction of the ASCII language. */
const REDUCTION_NAMES: Readonly<Record<string, string>> = { tr: 'trace', trace: 'trace', sum: 'sum' };

const bySymbol = new Map<string, PrimitiveName>(
  (Object.entries(primitives) as [PrimitiveName, (typeof primitives)[PrimitiveName]][]).map(([name, spec]) => [spec.symbol, name]),
);

/** The primitive a command such as `\sigma`, `\exp` or `\ln` names, if any. */
export function commandPrimitive(command: string): PrimitiveName | undefined {
  const symbol = bySymbol.get(command);
  if (symbol) return symbol;
  const word = command.slice(1);
  return LATEX_OPERATORS.has(word) ? lookupPrimitive(word) : undefined;
}

/** The primitive whose LaTeX symbol is this single letter (`H` for heaviside), if any. */
export const letterPrimitive = (letter: string): PrimitiveName | undefined => bySymbol.get(letter);

/**
 * The ASCII name an upright word (`\operatorname{tr}`, `\mathrm{relu}`) stands for:
 * a reduction, the primitive it spells, or otherwise itself (a constant's name).
 */
export function uprightName(word: string): string {
  // hasOwn: the word is user text, and `constructor` must not find Object's.
  return (Object.hasOwn(REDUCTION_NAMES, word) ? REDUCTION_NAMES[word] : undefined) ?? lookupPrimitive(word) ?? word;
}

/** Is this ASCII name a function, which must be applied to arguments in parentheses? */
export function isFunctionName(name: string): boolean {
  const primitive = lookupPrimitive(name);
  return primitive ? primitives[primitive].arity > 0 : Object.values(REDUCTION_NAMES).includes(name);
}
