/**
 * What every CLI run must satisfy, as lists of problems (empty: fine). Shared
 * by the fuzz properties and the regression tests; the CLI runs in-process.
 */
import { HELP } from '../../src/cli/help.js';
import { main } from '../../src/cli/main.js';
import { evaluateReference, RefInvalid, RefUndefined, RefUnsure } from './reference.js';
import type { Value } from './reference.js';

export interface Outcome {
  readonly argv: readonly string[];
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `kinkproof argv` in this process; a throw out of main is recorded as exit code -1. */
export async function run(argv: readonly string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
  };
  let code: number;
  try {
    code = await main(argv, io);
  } catch (e) {
    code = -1;
    stderr += `UNCAUGHT ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  }
  return { argv, code, stdout, stderr };
}

const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>)$/m;
const ERROR_PREFIX = /(^|\s)(?:[A-Z][A-Za-z]*)?Error:/m;
const CARET = /^ *\^+$/;

/** stderr with every argument the user passed masked: their own text is echoed in messages and caret lines. */
function ownText(o: Outcome): string {
  let own = o.stderr;
  for (const arg of [...o.argv].sort((a, b) => b.length - a.length))
    if (arg.length > 0) own = own.split(arg).join('<arg>').split(arg.replace(/[\r\n\t]/g, ' ')).join('<arg>');
  return own;
}

/**
 * The contract of every run of every command: exit code 0-3, no stack trace
 * or raw JavaScript error, no internal error (an exception kinkproof did not
 * expect), and exit 2 explained by a 'kinkproof: ' message on stderr.
 */
export function hygiene(o: Outcome): string[] {
  const problems: string[] = [];
  if (![0, 1, 2, 3].includes(o.code)) problems.push(`exit code ${o.code}: ${firstLine(o.stderr)}`);
  const own = ownText(o);
  if (STACK_FRAME.test(own) || STACK_FRAME.test(o.stdout)) problems.push('a stack trace reached the user');
  if (ERROR_PREFIX.test(own)) problems.push(`a raw JavaScript error reached the user: ${firstLine(own)}`);
  if (/internal error/.test(o.stderr)) problems.push(`internal error (an exception kinkproof did not expect): ${firstLine(o.stderr)}`);
  const usage = o.code === 2 && o.stderr === '' && o.stdout === HELP; // bare `kinkproof`: usage on stdout
  if (o.code === 2 && !usage && !o.stderr.startsWith('kinkproof: '))
    problems.push(`exit 2 without a 'kinkproof: ' message on stderr: ${JSON.stringify(o.stderr.slice(0, 200))}`);
  if (o.code !== 2 && o.stderr !== '') problems.push(`exit ${o.code} with output on stderr: ${JSON.stringify(o.stderr.slice(0, 200))}`);
  return problems;
}

/** An error is one line on stderr, plus the optional two-line caret block (the source and the ^ marks). */
export function oneLineError(o: Outcome): string[] {
  if (o.code !== 2 || o.stderr === '') return [];
  const lines = o.stderr.replace(/\n$/, '').split('\n');
  const caretBlock = lines.length === 3 && lines[1]!.startsWith('  ') && CARET.test(lines[2]!);
  return lines.length === 1 || caretBlock ? [] : [`the error message is not one line (plus a caret block): ${JSON.stringify(o.stderr.slice(0, 300))}`];
}

const firstLine = (s: string): string => s.split('\n')[0]!.slice(0, 200);

/** `--json`: exactly one JSON object on stdout, or nothing with exit 2. Returns the object when there is one. */
export function jsonContract(o: Outcome): { problems: string[]; json: Record<string, unknown> | undefined } {
  if (o.code === 2) return { problems: o.stdout === '' ? [] : [`exit 2 but stdout is not empty: ${JSON.stringify(o.stdout.slice(0, 200))}`], json: undefined };
  let value: unknown;
  try {
    value = JSON.parse(o.stdout);
  } catch {
    return { problems: [`stdout is not one valid JSON value (exit ${o.code}): ${JSON.stringify(o.stdout.slice(0, 200))}`], json: undefined };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problems: [`stdout is JSON but not an object: ${JSON.stringify(o.stdout.slice(0, 200))}`], json: undefined };
  if (!o.stdout.endsWith('}\n')) return { problems: ['stdout does not end with the object and one newline'], json: undefined };
  return { problems: [], json: value as Record<string, unknown> };
}

interface PointJson {
  readonly value: number;
  readonly differentiable: boolean | null;
  readonly gradient: number[][] | null;
}

/** derive: exit 0 (derived, verified) or 2 (refused); never 1 (verification failed) or 3. */
export function deriveVerdict(o: Outcome, json: Record<string, unknown> | undefined): string[] {
  if (o.code === 1) {
    const v = json?.['verification'] as { status?: string } | undefined;
    return [`the numeric verifier rejected the symbolic result (verification ${v?.status ?? '?'}): ${JSON.stringify(json?.['verification'] ?? o.stdout.slice(0, 300))}`];
  }
  if (o.code === 3) return ['derive exited 3 (undecided), which derive never should'];
  if (o.code === 0 && json && 'verification' in json) {
    const status = (json['verification'] as { status?: unknown }).status;
    if (status !== 'passed') return [`exit 0 but verification status ${JSON.stringify(status)}`];
  }
  return [];
}

const close = (a: number, b: number, scale: number, rel: number): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b), scale);

/**
 * The domain oracle: where the input, as typed, has no real value at X (a
 * square root or fractional power of a negative entry, log of a non-positive
 * one, a division by zero), kinkproof must refuse f rather than derive it:
 * "phi undefined somewhere ... is refused ... never a wrong answer" (README).
 */
export function domainOracle(source: string, X: number[][], o: Outcome, json: Record<string, unknown> | undefined): string[] {
  if (o.code !== 0) return [];
  try {
    evaluateReference(source, X);
    return [];
  } catch (e) {
    if (e instanceof RefUnsure) return [];
    if (e instanceof RefUndefined)
      return [`f has no real value at X = ${JSON.stringify(X)} (${e.message}), but kinkproof derived it (phi = ${String(json?.['entryFunction'])}) and reports f(X) = ${pointOf(json)?.value}`];
    if (e instanceof RefInvalid) return [`the reference evaluator rejects this input (${e.message}), but kinkproof derived it`];
    throw e;
  }
}

/**
 * The value oracle: kinkproof's f(X) and gradient at X (from `--at X`)
 * against the literal floating-point evaluation of the input and its central
 * differences. Inputs without a real value at X are left to domainOracle.
 */
export function valueOracle(source: string, X: number[][], o: Outcome, json: Record<string, unknown> | undefined): string[] {
  if (o.code !== 0 || !json) return [];
  let reference: { value: Value; magnitude: number };
  try {
    reference = evaluateReference(source, X);
  } catch (e) {
    if (e instanceof RefUndefined || e instanceof RefInvalid || e instanceof RefUnsure) return [];
    throw e;
  }
  const ref = reference.value;
  if (typeof ref !== 'number') return ['kinkproof derived a matrix-valued input'];
  const p = pointOf(json);
  if (!p) return ['no "at" result although --at was given'];
  if (!Number.isFinite(ref) || reference.magnitude > 1e12) return [];
  const problems: string[] = [];
  if (typeof p.value !== 'number' || !close(p.value, ref, reference.magnitude, 1e-7))
    problems.push(`f(X) at X = ${JSON.stringify(X)}: kinkproof says ${p.value}, evaluating the input gives ${ref}`);
  if (p.differentiable === true && p.gradient) problems.push(...gradientOracle(source, X, p.gradient));
  return problems;
}

/** Internal consistency of a derive --json object. */
export function deriveShape(json: Record<string, unknown> | undefined): string[] {
  if (!json) return [];
  if (json['separable'] === false) return structuredShape(json);
  const problems: string[] = [];
  const pieces = json['pieces'] as unknown[] | undefined;
  const breakpoints = json['breakpoints'] as unknown[] | undefined;
  const kinks = json['kinks'] as unknown[] | undefined;
  if (!Array.isArray(pieces) || !Array.isArray(breakpoints) || !Array.isArray(kinks)) return ['pieces, breakpoints or kinks is not an array'];
  if (pieces.length !== breakpoints.length + 1) problems.push(`${pieces.length} pieces for ${breakpoints.length} breakpoints`);
  if (json['differentiable'] === true && kinks.length > 0) problems.push('differentiable, yet kinks are listed');
  if (json['gradient'] !== null && json['differentiable'] !== true) problems.push('a gradient is given although f is not known to be differentiable');
  if (json['separable'] !== true) problems.push('separable is not true');
  return problems;
}

/** The same for a function that is not separable: claims with a basis, and an answer at every point. */
function structuredShape(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const claims = ['continuous', 'differentiable', 'smoothness', 'convex'] as const;
  for (const name of claims) {
    const c = json[name] as { value?: unknown; basis?: unknown; reason?: unknown } | undefined;
    if (!c || typeof c.reason !== 'string') problems.push(`${name} is not a claim with a reason`);
    else if ((c.value === null) !== (c.basis === null)) problems.push(`${name}: a value needs a basis and only a value has one`);
  }
  const differentiable = (json['differentiable'] as { value?: unknown } | undefined)?.value;
  const smoothness = (json['smoothness'] as { value?: unknown } | undefined)?.value;
  if (differentiable === false && smoothness !== 'C0' && smoothness !== 'discontinuous' && smoothness !== null)
    problems.push(`not differentiable everywhere, yet class ${String(smoothness)}`);
  const shape = json['shape'];
  if (!Array.isArray(shape) || shape.length !== 2) problems.push('shape is not [m, n]');
  for (const p of (json['at'] as { differentiable?: unknown; gradient?: unknown; reason?: unknown }[] | undefined) ?? []) {
    if (p.differentiable === true && !Array.isArray(p.gradient)) problems.push('a point is differentiable without a gradient');
    if (p.differentiable !== true && p.gradient !== null) problems.push('a gradient is given at a point not known to be differentiable');
  }
  return problems;
}

const pointOf = (json: Record<string, unknown> | undefined): PointJson | undefined =>
  (json?.['at'] as PointJson[] | undefined)?.[0];

function scalarAt(source: string, X: number[][]): { value: number; magnitude: number } | undefined {
  try {
    const r = evaluateReference(source, X);
    return typeof r.value === 'number' && Number.isFinite(r.value) ? { value: r.value, magnitude: r.magnitude } : undefined;
  } catch {
    return undefined;
  }
}

/** Central differences at two steps; compared only where they agree with each other (f is smooth there). */
function gradientOracle(source: string, X: number[][], gradient: number[][]): string[] {
  const diff = (i: number, j: number, h: number): { d: number; magnitude: number } | undefined => {
    const plus = X.map((r) => [...r]);
    const minus = X.map((r) => [...r]);
    plus[i]![j]! += h;
    minus[i]![j]! -= h;
    const a = scalarAt(source, plus);
    const b = scalarAt(source, minus);
    return a && b ? { d: (a.value - b.value) / (2 * h), magnitude: Math.max(a.magnitude, b.magnitude) } : undefined;
  };
  for (let i = 0; i < X.length; i++)
    for (let j = 0; j < X[0]!.length; j++) {
      const x = X[i]![j]!;
      const h = 1e-5 * Math.max(1, Math.abs(x));
      const coarse = diff(i, j, h);
      const fine = diff(i, j, h / 8);
      if (!coarse || !fine || coarse.magnitude > 1e8) continue;
      const g = gradient[i]![j]!;
      if (!close(coarse.d, fine.d, 0, 1e-4)) continue; // not smooth at this scale: no verdict
      if (!close(g, coarse.d, coarse.magnitude * 1e-10 / h, 1e-3))
        return [`df/dx_${i + 1}${j + 1} at X = ${JSON.stringify(X)}: kinkproof says ${g}, central differences give ${coarse.d}`];
    }
  return [];
}
