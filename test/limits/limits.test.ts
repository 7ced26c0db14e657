/**
 * Every resource limit trips with a clear one-line message and exit code 2,
 * before the work it guards: expression length, nesting depth and token count
 * (parser), breakpoints and entry-function size (analysis), matrix size for
 * --shape and --at (arguments, before allocating), and the wall-clock budget
 * for symbolic work (--timeout), the size of exact numbers and the degree of
 * polynomials. The CLI runs in-process, except for the huge-exponent refusals
 * (a separate process with a capped heap).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../fuzz/oracle.js';
import type { Outcome } from '../fuzz/oracle.js';
import { MAX_DEPTH, MAX_SOURCE_LENGTH, parse } from '../../src/symbolic/syntax/parse.js';
import { MAX_TOKENS } from '../../src/symbolic/syntax/lexer.js';
import { MAX_BREAKPOINTS } from '../../src/symbolic/piecewise.js';
import { MAX_ENTRY_SIZE, MAX_POINT_ENTRIES } from '../../src/symbolic/derive.js';
import { MAX_DIMENSION } from '../../src/cli/optionValues.js';
import { MAX_ENTRIES } from '../../src/sizeLimits.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../../src/symbolic/budget.js';
import { KinkproofError } from '../../src/diagnostics.js';
import { MAX_DEGREE } from '../../src/symbolic/exact/poly.js';
import { MAX_BITS } from '../../src/symbolic/exact/rational.js';
import { kinkproof } from '../cli/run.js';
import type { Run } from '../cli/run.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// No clock is read here: the budget shows in the messages ("took longer than the 0.05 s budget"),
// a hang (a budget ignored) exceeds vitest's test timeout, and speed belongs in npm run bench.

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
  it('a nonzero number below 1e-1000 is refused at once in f, in claims and in proof files (its exact value would need 10^13 digits)', async () => {
    const tiny = /number 1e-9999999999999 is nonzero but smaller than 1e-1000 in magnitude/;
    expectLimit(await run(['derive', 'sum(X)+1e-9999999999999', '--no-verify']), tiny);
    expectLimit(await run(['check', 'sum(abs(X))', '--claim', 'sign(X)+1e-9999999999999']), tiny);
    expectLimit(await run(['check', '--equal', 'X+1e-9999999999999', 'X']), tiny);
    // At the limit, and below it written out in full: read exactly.
    expect((await run(['derive', 'sum(X)+1e-1000', '--no-verify'])).code).toBe(0);
    expectLimit(await run(['derive', `sum(X)+0.${'0'.repeat(1000)}1`, '--no-verify']), /is nonzero but smaller than 1e-1000/);
    for (const zero of ['0e-9999999999999', '0e9999999999999']) expect((await run(['derive', `sum(X)+${zero}`, '--no-verify'])).code, zero).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'kinkproof-tiny-'));
    try {
      writeFileSync(join(dir, 'tiny.proof'), 'function: sum(abs(X))\nsubdifferential at [[0]]: [[[-1, 1e-9999999999999]]]\n');
      const o = await run(['prove', join(dir, 'tiny.proof')]);
      expect(o.code).toBe(2);
      expect(o.stderr).toMatch(/tiny\.proof:2: subdifferential: 1e-9999999999999 is nonzero but smaller than 1e-1000 in magnitude/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

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

  it('a constant beyond the doubles (10^400, exact as written) stops the numeric checks with a limit error; --no-verify derives', async () => {
    for (const input of ['sum(relu(X - 10^400))', 'sum(X*10^400)', 'sum(relu(X) - 10^400)'])
      expectLimit(await run(['derive', input, '--shape', '2,2']), /a constant of this function is beyond them \(above 1\.8e308\); --no-verify/);
    const exact = await run(['derive', 'sum(relu(X - 10^400))', '--shape', '2,2', '--no-verify', '--json']);
    expect(exact.code, exact.stderr).toBe(0);
    expect((JSON.parse(exact.stdout) as { breakpoints: unknown[] }).breakpoints).toHaveLength(1);
  });
});

describe('limits: matrix size (--shape, --at), refused before allocating', () => {
  it('--shape 100000,100000 is refused at once, without allocating', async () => {
    const rss = process.memoryUsage().rss;
    const heap = process.memoryUsage().heapUsed;
    const o = await run(['derive', "norm(relu(X),'fro')^2", '--shape', '100000,100000', '--json']);
    expectLimit(o, /--shape 100000,100000: at most 16000000 entries \(100000 per dimension\)/);
    // 10^10 doubles would be 80 GB; even 0.1% of that would show here.
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 2 ** 20);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 2 ** 20);
  });

  it(`--shape: more than ${MAX_DIMENSION} per dimension or ${MAX_ENTRIES} entries is refused; the largest allowed shapes parse`, async () => {
    const limit = new RegExp(`at most ${MAX_ENTRIES} entries \\(${MAX_DIMENSION} per dimension\\)`);
    for (const shape of [`${MAX_DIMENSION + 1},1`, `1,${MAX_DIMENSION + 1}`, '4001,4000', '4001,4001', '99999999999999999999,1', '100000x100000']) {
      expectLimit(await run(['derive', 'sum(X)', '--shape', shape]), limit);
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

  it('--timeout 0.05 on a product of 14 |x - k| trips the budget quickly, naming --timeout', async () => {
    const o = await run(['derive', absProduct(14, 0), '--timeout', '0.05', '--no-verify']);
    expectLimit(o, /symbolic work took longer than the 0\.05 s budget \(--timeout\)/);
  });

  it('the same input derives under a generous budget (so it was the budget that stopped it)', { timeout: 60_000 }, async () => {
    const o = await run(['derive', absProduct(14, 100), '--timeout', '50', '--no-verify', '--json']);
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
    const o = await run(['derive', absProduct(40, 600), '--timeout', '0.2', '--no-verify']);
    expectLimit(o, /took longer than the 0\.2 s budget \(--timeout\)/);
  });

  it('bounds the reduction of a function that is not separable at 2000x2000 (4M entries); trace reads only the diagonal', async () => {
    for (const f of ["norm(relu(X),'fro')", 'max(X)', "norm(X,'fro')"])
      expectLimit(await run(['derive', f, '--shape', '2000,2000', '--timeout', '0.3', '--no-verify']), /took longer than the 0\.3 s budget \(--timeout\)/);
    // abs(trace(X)) built all 4M entries of X to add 2000 of them (27 s, past a --timeout of 1).
    const o = await run(['derive', 'abs(trace(X))', '--shape', '2000,2000', '--timeout', '20', '--no-verify', '--json']);
    expect(o.code, o.stderr).toBe(0);
    expect(JSON.parse(o.stdout).structure[0]).toMatch(/2000x2000/);
  });

  it('bad --timeout values are input errors (exit 2)', async () => {
    for (const value of ['0', '-1', 'abc', '3601', '1e3', '', 'Infinity', 'NaN']) {
      const o = await run(['derive', 'sum(X)', '--timeout', value]);
      expect(o.code, value).toBe(2);
      expect(o.stderr, value).toMatch(/^kinkproof: input error: --timeout: expected seconds between 0 and 3600/);
    }
  });
});

/** --timeout for the huge cases: only a hang may exhaust it (on a busy machine an answer of 0.5 s can take several seconds). */
const BUDGET = '30';

/**
 * Huge exponents and constants: each input is answered correctly or refused
 * with exit 2 and a one-line limit error, within the --timeout budget and in
 * bounded memory, in derive, check and prove. These run the built CLI as a
 * separate process (test/cli/run.ts) with a capped heap, so running out of
 * memory shows up as a crash (exit 134) instead of taking the test runner down.
 * Time bounds are generous: they tell a hang from an answer, not fast from slow.
 */
describe('limits: huge exponents and constants (built CLI, capped heap)', () => {
  const HEAP_MB = 512;
  function cli(args: readonly string[]): Run {
    const previous = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = `${previous ?? ''} --max-old-space-size=${HEAP_MB}`.trim();
    try {
      return kinkproof(args);
    } finally {
      if (previous === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = previous;
    }
  }

  /** Exit 2 with one `kinkproof: limit error: …` line matching `message` (a hang would exceed the test timeout). */
  function refused(r: Run, message: RegExp): void {
    expect(r.code, r.stderr.slice(0, 300)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^kinkproof: limit error: [^\n]*\n$/);
    expect(r.stderr).toMatch(message);
  }

  const DEGREE = new RegExp(`powers of t are limited to degree ${MAX_DEGREE}`);
  const BITS = new RegExp(`an exact number would have more than ${MAX_BITS} bits`);

  const refusedInputs: readonly (readonly [string, RegExp])[] = [
    ['sum(X.^100000)', DEGREE],
    ['sum(X.^20000)', DEGREE],
    ['sum(X.^1000000000)', DEGREE],
    ['sum(X.^(10^9))', DEGREE],
    ['sum(((X.^10).^10).^100)', DEGREE], // nested powers: t^10000
    ['sum(relu(X).^(10^9))', DEGREE],
    ['sum(X.^1000000000 .* exp(X))', DEGREE],
    ['sum(relu(X-1) + X.^1000000000 .* exp(X))', DEGREE],
    ['sum(abs(X).^1000000.5)', DEGREE],
    [`sum(relu(X).^${MAX_DEGREE + 1})`, DEGREE],
    ['sum(X)*2^(10^9)', BITS],
    ['sum(X)*10^(10^6)', BITS],
    ['sum(X)*2^2^2^2^2', BITS], // 2^65536
    ['sum(X)*2^(-10^9)', BITS],
    ['sum(X)*(1/3)^(10^5)', BITS],
    ['sum(X)*1e300^1000', BITS],
    ['sum(X)*(2^(10^4))^(10^4)', BITS],
    ['sum(sqrt(2)^100000*X)', BITS],
    ['sum(relu(X-2^(-40000)))', BITS],
  ];

  it.each(refusedInputs)('derive %s is refused, naming the limit', { timeout: 120_000 }, (input, message) => {
    refused(cli(['derive', input, '--timeout', BUDGET]), message);
  });

  it('check --claim refuses the same inputs (the issue: sum(X.^100000) against 100000*X.^99999)', { timeout: 240_000 }, () => {
    refused(cli(['check', 'sum(X.^100000)', '--claim', '100000*X.^99999', '--timeout', BUDGET]), DEGREE);
    refused(cli(['check', 'sum(X.^1000000000)', '--claim', '1000000000*X.^999999999', '--timeout', BUDGET]), DEGREE);
    refused(cli(['check', 'sum(X)*2^(10^9)', '--claim', 'X', '--timeout', BUDGET]), BITS);
    refused(cli(['check', 'sum(X)*10^(10^6)', '--claim', 'X', '--timeout', BUDGET]), BITS);
  });

  it('check --equal answers where a point decides it, else says unknown naming the limit', { timeout: 240_000 }, () => {
    // t^20000 and t differ at t = -1: 1 against -1, exact.
    for (const f of ['sum(X.^20000)', 'sum(X.^100000)', 'sum(X.^1000000000)']) {
      const r = cli(['check', '--equal', f, 'sum(X)', '--timeout', BUDGET, '--json']);
      expect(r.code, r.stderr).toBe(1);
      const out = JSON.parse(r.stdout) as { verdict: string; counterexample: { X: number[][]; lhs: number; rhs: number } };
      expect(out.verdict).toBe('incorrect');
      expect(out.counterexample.X).toEqual([[-1]]);
      expect([out.counterexample.lhs, out.counterexample.rhs]).toEqual([1, -1]);
    }
    const r = cli(['check', '--equal', 'sum(X)*2^(10^9)', 'sum(X)', '--timeout', BUDGET]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toMatch(BITS);
  });

  it('prove reports every statement about such f as "limit reached", naming the limit (exit 3)', { timeout: 240_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinkproof-limits-'));
    try {
      for (const [f, message] of [
        ['sum(X.^100000)', DEGREE],
        ['sum(X.^1000000000)', DEGREE],
        ['sum(X)*2^(10^9)', BITS],
        ['sum(X)*10^(10^6)', BITS],
      ] as const) {
        const file = join(dir, 'huge.proof');
        writeFileSync(file, `function: ${f}\ngradient: 2*X\nclass: Cinf\nconvex: yes\n`);
        const r = cli(['prove', file, '--timeout', BUDGET]);
        expect(r.code, `${f}: ${r.stderr}`).toBe(3);
        expect(r.stderr).toBe('');
        expect(r.stdout).toMatch(/\(limit reached\)/);
        expect(r.stdout).toMatch(message);
        expect(r.stdout).not.toMatch(/✓/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * What fits is answered: the largest allowed degrees and exact numbers give the right answers. These are
 * answers, not refusals of work that might not fit in memory, so they run in-process like the rest.
 */
describe('limits: what fits is answered exactly', () => {
  it('answers what fits: degree 1000, C999 at a kink, huge exponents of exp, tiny exponents of |t|', { timeout: 240_000 }, async () => {
    const derive = async (input: string): Promise<Record<string, unknown>> => {
      const r = await run(['derive', input, '--json', '--timeout', BUDGET]);
      expect(r.code, `${input}: ${r.stderr}`).toBe(0);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    };
    const x1000 = await derive('sum(((X.^10).^10).^10)'); // nested powers: t^1000
    expect([x1000['smoothness'], x1000['convex'], x1000['gradient']]).toEqual(['Cinf', true, '1000*X.^999']);
    // relu(t)^1000: the 1000th derivatives differ at 0 (0 against 1000!), all lower ones agree.
    const relu = await derive('sum(relu(X).^1000)');
    expect([relu['smoothness'], relu['differentiable'], relu['convex']]).toEqual(['C999', true, true]);
    // t^999·|t| = sign(t)·t^1000: C999 as well, not convex (φ''(−1) < 0).
    const signed = await derive('sum(X.^999 .* abs(X))');
    expect([signed['smoothness'], signed['convex']]).toEqual(['C999', false]);
    // exp(t)^(10^9) = exp(10^9·t): smooth and convex.
    const e = await derive('sum(exp(X).^1000000000)');
    expect([e['smoothness'], e['convex'], e['kinks']]).toEqual(['Cinf', true, []]);
    // |t|^(10^-9): continuous, a vertical tangent at 0.
    const tiny = await derive('sum(abs(X).^(1/1000000000))');
    expect([tiny['smoothness'], tiny['differentiable']]).toEqual(['C0', false]);
    expect(tiny['kinks']).toEqual([{ exact: '0', value: 0 }]);
    // 2^(-1000) is a 1001-bit denominator: fine.
    const shifted = await derive('sum(relu(X-2^(-1000)))');
    expect(shifted['smoothness']).toBe('C0');
  });

  it('check decides gradient claims at degree 1000', { timeout: 120_000 }, async () => {
    const right = await run(['check', 'sum(X.^1000)', '--claim', '1000*X.^999', '--timeout', BUDGET]);
    expect(right.code, right.stderr).toBe(0);
    const wrong = await run(['check', 'sum(X.^1000)', '--claim', '1000*X.^998', '--timeout', BUDGET, '--json']);
    expect(wrong.code, wrong.stderr).toBe(1);
    expect((JSON.parse(wrong.stdout) as { counterexample: { X: number[][] } }).counterexample.X).toEqual([[-1]]);
  });
});
