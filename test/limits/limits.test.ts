/**
 * Every resource limit trips with a clear one-line message and exit code 2,
 * before the work it guards: expression length, nesting depth and token count
 * (parser), breakpoints and entry-function size (analysis), matrix size for
 * --shape and --at (arguments, before allocating), and the wall-clock budget
 * for symbolic work (--timeout). The CLI runs in-process.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../fuzz/oracle.js';
import type { Outcome } from '../fuzz/oracle.js';
import { MAX_DEPTH, MAX_SOURCE_LENGTH, parse } from '../../src/symbolic/syntax/parse.js';
import { MAX_TOKENS } from '../../src/symbolic/syntax/lexer.js';
import { MAX_BREAKPOINTS } from '../../src/symbolic/piecewise.js';
import { MAX_ENTRY_SIZE, MAX_POINT_ENTRIES } from '../../src/symbolic/derive.js';
import { MAX_DIMENSION, MAX_ENTRIES } from '../../src/cli/args.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../../src/symbolic/budget.js';
import { KinkproofError } from '../../src/diagnostics.js';

process.env['CI'] ??= 'true'; // no progress bar on a terminal

/** Exit 2 and a single `kinkproof: limit error: ...` line (plus the caret block for positions). */
function expectLimit(o: Outcome, message: RegExp): void {
  expect(o.code, o.stderr).toBe(2);
  expect(o.stdout).toBe('');
  const [first, ...rest] = o.stderr.replace(/\n$/, '').split('\n');
  expect(first).toMatch(/^kinkproof: limit error: /);
  expect(first).toMatch(message);
  expect(rest.length === 0 || (rest.length === 2 && /^ *\^+$/.test(rest[1]!))).toBe(true);
  expect(o.stderr).not.toMatch(/^\s+at |internal error/m);
}

/** The kind a parse raises, or 'ok'. */
function parseOutcome(source: string): string {
  try {
    parse(source);
    return 'ok';
  } catch (e) {
    if (e instanceof KinkproofError) return `${e.kind}: ${e.message}`;
    throw e;
  }
}

const nested = (open: string, close: string, levels: number, inner = 'X'): string => open.repeat(levels) + inner + close.repeat(levels);

/** Eight nested |.| - c: 2^8 = 256 breakpoints from a 33-node entry function. */
function absTower(levels: number): string {
  let e = 'X';
  for (let i = levels - 1; i >= 0; i--) e = `abs(${e} - ${2 ** i})`;
  return `sum(${e})`;
}

/**
 * Product of n distinct |x - k - shift|: cheap to state, expensive to expand
 * and analyse. Each test uses its own shift: kinkproof caches exact results
 * within a process, so a repeated input can be fast.
 */
const absProduct = (n: number, shift: number): string =>
  `sum(${Array.from({ length: n }, (_, k) => `abs(X - ${k + 1 + shift})`).join(' .* ')})`;

describe('limits: parser', () => {
  it(`expression length: ${MAX_SOURCE_LENGTH} characters pass, one more is refused with a limit error`, async () => {
    expect(parseOutcome(`X${' '.repeat(MAX_SOURCE_LENGTH - 1)}`)).toBe('ok');
    expect(parseOutcome(`X${' '.repeat(MAX_SOURCE_LENGTH)}`)).toBe(`limit: expression is longer than ${MAX_SOURCE_LENGTH} characters`);
    const o = await run(['derive', `sum(${'X+'.repeat(MAX_SOURCE_LENGTH / 2)}X)`]);
    expectLimit(o, new RegExp(`expression is longer than ${MAX_SOURCE_LENGTH} characters`));
  });

  it(`nesting depth: ${MAX_DEPTH} levels pass, one more is refused (parentheses, calls, unary minus, powers)`, async () => {
    expect(parseOutcome(nested('(', ')', MAX_DEPTH))).toBe('ok');
    expect(parseOutcome(nested('abs(', ')', MAX_DEPTH))).toBe('ok');
    expect(parseOutcome(`${'-'.repeat(MAX_DEPTH)}X`)).toBe('ok');
    const deep = `limit: expression is nested more than ${MAX_DEPTH} levels deep`;
    expect(parseOutcome(nested('(', ')', MAX_DEPTH + 1))).toBe(deep);
    expect(parseOutcome(nested('abs(', ')', MAX_DEPTH + 1))).toBe(deep);
    expect(parseOutcome(`${'-'.repeat(MAX_DEPTH + 1)}X`)).toBe(deep);
    expect(parseOutcome(`X${'.^1'.repeat(MAX_DEPTH + 1)}`)).toBe(deep);
    for (const input of [`sum(${nested('(', ')', MAX_DEPTH + 1)})`, `sum(${'-'.repeat(5 * MAX_DEPTH)}X)`, `sum(${nested('relu(', ')', MAX_DEPTH + 50)})`]) {
      const o = await run(['derive', input]);
      expectLimit(o, new RegExp(`expression is nested more than ${MAX_DEPTH} levels deep`));
    }
  });

  it(`token count: ${MAX_TOKENS} tokens pass, one more is refused`, async () => {
    const tokens = (n: number): string => `X${'+X'.repeat((n - 1) / 2)}`;
    expect(parseOutcome(tokens(MAX_TOKENS - 1))).toBe('ok');
    expect(parseOutcome(tokens(MAX_TOKENS + 1))).toBe(`limit: expression has more than ${MAX_TOKENS} tokens`);
    const o = await run(['derive', `sum(${tokens(MAX_TOKENS + 1)})`, '--json']);
    expectLimit(o, new RegExp(`expression has more than ${MAX_TOKENS} tokens`));
  });
});

describe('limits: analysis', () => {
  it(`breakpoints: a tower of 7 |.| (127 breakpoints) derives; 8 (256 > ${MAX_BREAKPOINTS}) is refused`, { timeout: 30_000 }, async () => {
    const ok = await run(['derive', absTower(7), '--json', '--no-verify']);
    expect(ok.code, ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as { breakpoints: unknown[] }).breakpoints.length).toBeLessThanOrEqual(MAX_BREAKPOINTS);
    const o = await run(['derive', absTower(8), '--json']);
    expectLimit(o, new RegExp(`more than ${MAX_BREAKPOINTS} breakpoints`));
  });

  it(`entry-function size: more than ${MAX_ENTRY_SIZE} nodes is refused (a sum of many relu(X - k), or of exp(k*X))`, async () => {
    const relus = `sum(${Array.from({ length: 201 }, (_, k) => `relu(X - ${k})`).join(' + ')})`;
    const exps = `sum(${Array.from({ length: 150 }, (_, k) => `exp(${k + 1}*X)`).join(' + ')})`;
    for (const input of [relus, exps]) expectLimit(await run(['derive', input, '--json']), new RegExp(`the entry function has more than ${MAX_ENTRY_SIZE} nodes`));
    const small = await run(['derive', `sum(${Array.from({ length: 20 }, (_, k) => `exp(${k + 1}*X)`).join(' + ')})`, '--no-verify']);
    expect(small.code, small.stderr).toBe(0);
  });
});

describe('limits: matrix size (--shape, --at), refused before allocating', () => {
  it('--shape 100000,100000 is refused at once, without allocating', async () => {
    const rss = process.memoryUsage().rss;
    const heap = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const o = await run(['derive', "norm(relu(X),'fro')^2", '--shape', '100000,100000', '--json']);
    const ms = performance.now() - t0;
    expectLimit(o, /--shape 100000,100000: at most 16000000 entries \(100000 per dimension\)/);
    expect(ms).toBeLessThan(1000);
    // 10^10 doubles would be 80 GB; even 0.1% of that would show here.
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 2 ** 20);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 2 ** 20);
  });

  it(`--shape: more than ${MAX_DIMENSION} per dimension or ${MAX_ENTRIES} entries is refused; the largest allowed shapes parse`, async () => {
    const limit = new RegExp(`at most ${MAX_ENTRIES} entries \\(${MAX_DIMENSION} per dimension\\)`);
    for (const shape of [`${MAX_DIMENSION + 1},1`, `1,${MAX_DIMENSION + 1}`, '4001,4000', '4001,4001', '99999999999999999999,1', '100000x100000']) {
      const t0 = performance.now();
      expectLimit(await run(['derive', 'sum(X)', '--shape', shape]), limit);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
    // At the limits, the shape itself is accepted (checked without verification: nothing is allocated).
    for (const shape of [`${MAX_DIMENSION},1`, `1,${MAX_DIMENSION}`, '4000,4000']) {
      const o = await run(['derive', 'sum(X)', '--shape', shape, '--no-verify', '--json']);
      expect(o.code, `${shape}: ${o.stderr}`).toBe(0);
    }
  });

  it(`--at: more than ${MAX_POINT_ENTRIES} entries is refused with a limit error`, { timeout: 30_000 }, async () => {
    const row = `[${Array(1000).fill('0').join(',')}]`;
    const rows = (n: number): string => `[${Array(n).fill(row).join(',')}]`;
    const o = await run(['derive', 'sum(X)', '--at', rows(MAX_POINT_ENTRIES / 1000 + 1), '--no-verify']);
    expectLimit(o, new RegExp(`--at #1: more than ${MAX_POINT_ENTRIES} entries`));
  });
});

describe('limits: wall-clock budget for symbolic work (--timeout)', () => {
  it(`defaults to ${DEFAULT_TIMEOUT_SECONDS} s and is documented in --help`, async () => {
    expect(DEFAULT_TIMEOUT_SECONDS).toBe(20);
    const help = await run(['--help']);
    expect(help.stdout).toMatch(/--timeout S\s+budget in seconds for symbolic work \(default 20\)/);
  });

  it('--timeout 0.05 on a product of 20 |x - k| trips the budget quickly, naming --timeout', async () => {
    const t0 = performance.now();
    const o = await run(['derive', absProduct(20, 0), '--timeout', '0.05', '--no-verify']);
    const ms = performance.now() - t0;
    expectLimit(o, /symbolic work took longer than the 0\.05 s budget \(--timeout\)/);
    expect(ms).toBeLessThan(2000);
  });

  it('the same input derives under a generous budget (so it was the budget that stopped it)', { timeout: 60_000 }, async () => {
    const o = await run(['derive', absProduct(20, 100), '--timeout', '50', '--no-verify', '--json']);
    expect(o.code, o.stderr).toBe(0);
  });

  it('--timeout also bounds check (--equal and --claim)', async () => {
    // prod |x - k| against |prod (x - k)|: equal, but deciding it means expanding a degree-20 polynomial.
    const factors = Array.from({ length: 20 }, (_, k) => k + 401);
    const f = `sum(${factors.map((k) => `abs(X - ${k})`).join(' .* ')})`;
    const g = `sum(abs(${factors.map((k) => `(X - ${k})`).join(' .* ')}))`;
    expectLimit(await run(['check', '--equal', f, g, '--timeout', '0.05']), /took longer than the 0\.05 s budget \(--timeout\)/);
    expectLimit(await run(['check', absProduct(20, 500), '--claim', 'X', '--timeout', '0.05']), /took longer than the 0\.05 s budget \(--timeout\)/);
  });

  it('an analysis that would run for many seconds (a product of 40 |x - k|) is stopped by the budget', async () => {
    const t0 = performance.now();
    const o = await run(['derive', absProduct(40, 600), '--timeout', '0.2', '--no-verify']);
    expectLimit(o, /took longer than the 0\.2 s budget \(--timeout\)/);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('bad --timeout values are input errors (exit 2)', async () => {
    for (const value of ['0', '-1', 'abc', '3601', '1e3', '', 'Infinity', 'NaN']) {
      const o = await run(['derive', 'sum(X)', '--timeout', value]);
      expect(o.code, value).toBe(2);
      expect(o.stderr, value).toMatch(/^kinkproof: input error: --timeout: expected seconds between 0 and 3600/);
    }
  });
});
