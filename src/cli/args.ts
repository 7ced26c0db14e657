/** Command-line arguments to typed options; every problem is a one-line input error. */
import { KinkproofError } from '../diagnostics.js';
import { matrixFromNumbers } from '../symbolic/shapes.js';
import type { ConstantMatrix } from '../symbolic/shapes.js';

export interface ParsedArgs {
  readonly command: string | undefined;
  readonly positional: string[];
  readonly flags: Map<string, string[]>;
  readonly switches: Set<string>;
}

/** Flags that take a value; everything else starting with -- is a switch. */
export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>, known: ReadonlySet<string>): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const switches = new Set<string>();
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (!valued.has(name) && !known.has(name)) throw new KinkproofError('input', `unknown option --${name} (see kinkproof --help)`);
      if (valued.has(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new KinkproofError('input', `--${name} needs a value`);
        flags.set(name, [...(flags.get(name) ?? []), value]);
      } else {
        if (eq > 0) throw new KinkproofError('input', `--${name} takes no value`);
        switches.add(name);
      }
      continue;
    }
    if (arg === '-h') {
      switches.add('help');
      continue;
    }
    if (command === undefined) command = arg;
    else positional.push(arg);
  }
  return { command, positional, flags, switches };
}

export const MAX_DIMENSION = 100_000;
export const MAX_ENTRIES = 16_000_000;

/** A JSON array of rows of finite numbers. */
export function parseMatrix(text: string, what: string): number[][] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KinkproofError('input', `${what}: not a JSON matrix like [[1,2],[3,4]]: ${JSON.stringify(text.slice(0, 40))}`);
  }
  if (typeof value === 'number') value = [[value]];
  if (!Array.isArray(value) || value.length === 0) throw new KinkproofError('input', `${what}: expected a non-empty array of rows`);
  const rows = value.every((r) => typeof r === 'number') ? [value] : value;
  const cols = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : -1;
  if (cols <= 0) throw new KinkproofError('input', `${what}: expected rows like [[1,2],[3,4]]`);
  if (rows.length * cols > MAX_ENTRIES) throw new KinkproofError('limit', `${what}: more than ${MAX_ENTRIES} entries`);
  return rows.map((row: unknown, i: number) => {
    if (!Array.isArray(row) || row.length !== cols)
      throw new KinkproofError('input', `${what}: row ${i + 1} has ${Array.isArray(row) ? row.length : 'no'} entries, expected ${cols} (not rectangular)`);
    return row.map((v: unknown, j: number) => {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new KinkproofError('input', `${what}: entry (${i + 1},${j + 1}) is ${typeof v === 'number' ? String(v) : JSON.stringify(v)}, not a finite number`);
      return v;
    });
  });
}

export function parseShape(text: string): [number, number] {
  const m = /^\s*(\d+)\s*[,x×]\s*(\d+)\s*$/.exec(text);
  if (!m) throw new KinkproofError('input', `--shape: expected m,n (two positive integers), got ${JSON.stringify(text)}`);
  const rows = Number(m[1]);
  const cols = Number(m[2]);
  if (rows < 1 || cols < 1) throw new KinkproofError('input', `--shape: dimensions must be at least 1`);
  if (rows > MAX_DIMENSION || cols > MAX_DIMENSION || rows * cols > MAX_ENTRIES)
    throw new KinkproofError('limit', `--shape ${rows},${cols}: at most ${MAX_ENTRIES} entries (${MAX_DIMENSION} per dimension)`);
  return [rows, cols];
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

export function parseConstants(specs: readonly string[]): Map<string, ConstantMatrix> {
  const out = new Map<string, ConstantMatrix>();
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const name = eq > 0 ? spec.slice(0, eq).trim() : '';
    if (!NAME.test(name)) throw new KinkproofError('input', `--const: expected NAME=MATRIX with a name like A or W_1, got ${JSON.stringify(spec.slice(0, 40))}`);
    if (name === 'X') throw new KinkproofError('input', `--const: X is the variable and cannot be a constant`);
    const data = parseMatrix(spec.slice(eq + 1), `--const ${name}`);
    out.set(name, matrixFromNumbers(data));
  }
  return out;
}

export function parseSeed(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!/^\d{1,9}$/.test(text)) throw new KinkproofError('input', `--seed: expected a non-negative integer below 10^9`);
  return Number(text);
}

export function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(seconds > 0) || seconds > 3600)
    throw new KinkproofError('input', `--timeout: expected seconds between 0 and 3600, got ${JSON.stringify(text)}`);
  return seconds;
}
