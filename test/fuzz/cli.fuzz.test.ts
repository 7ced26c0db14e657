/**
 * Property-based fuzzing of the CLI, in-process (`main(argv, io)`), seeded:
 *
 *   KINKPROOF_FUZZ_SEED=123 KINKPROOF_FUZZ_RUNS=50000 npx vitest run test/fuzz
 *
 * KINKPROOF_FUZZ_RUNS is the total number of generated cases in this file,
 * shared among the properties by fixed weights (default 500). A failure
 * prints the seed and the shrunk counterexample; re-run with that seed.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as G from './grammar.js';
import { deriveShape, deriveVerdict, domainOracle, hygiene, jsonContract, oneLineError, run, valueOracle } from './oracle.js';
import type { Outcome } from './oracle.js';
import { kinkproof } from '../cli/run.js';

const DEFAULT_SEED = 20_240_607;
/** Enough to catch a regression on every property in `npm test`; the 100,000-case seeds are run on their own. */
const DEFAULT_RUNS = 500;
const SEED = envInteger('KINKPROOF_FUZZ_SEED', DEFAULT_SEED);
const RUNS = envInteger('KINKPROOF_FUZZ_RUNS', DEFAULT_RUNS);
/** --timeout for symbolic work per case: no single case can stall the suite. */
const CASE_TIMEOUT = '1';
/** Per-test timeout: generous, and growing with KINKPROOF_FUZZ_RUNS for long runs. */
const TEST_TIMEOUT = Math.max(120_000, RUNS * 50);

function envInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(text)}`);
  return n;
}

/** Share of RUNS per property (cheap properties get more). */
const WEIGHTS = {
  randomDerive: 25,
  randomArgv: 10,
  oneLine: 6,
  deriveContract: 10,
  verifier: 15,
  value: 10,
  domain: 6,
  claim: 5,
  claimRandom: 4,
  equalSame: 5,
  equalSafe: 3,
  equalRewrite: 5,
} as const;
type Property = keyof typeof WEIGHTS;
const TOTAL_WEIGHT = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
const PROPERTIES = Object.keys(WEIGHTS) as Property[];

/**
 * Runs per property: RUNS split by weight, largest remainders first, so that
 * the shares add up to exactly RUNS (every property gets at least one).
 */
const SHARES: Record<Property, number> = (() => {
  const exact = PROPERTIES.map((p) => (RUNS * WEIGHTS[p]) / TOTAL_WEIGHT);
  const shares = exact.map((x) => Math.max(1, Math.floor(x)));
  const order = PROPERTIES.map((_, i) => i).sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) || a - b);
  for (let k = 0, left = RUNS - shares.reduce((a, b) => a + b, 0); left > 0; k++, left--) shares[order[k % order.length]!]!++;
  return Object.fromEntries(PROPERTIES.map((p, i) => [p, shares[i]!])) as Record<Property, number>;
})();
const REQUESTED = Object.values(SHARES).reduce((a, b) => a + b, 0);

const stats = { cases: 0, byProperty: {} as Record<string, number> };

/** Run a property with its share of the runs and its own seed (so adding one property leaves the others' cases alone). */
async function check<T>(name: Property, arb: Arbitrary<T>, predicate: (value: T) => Promise<void>): Promise<void> {
  const numRuns = SHARES[name];
  const seed = (SEED + 7919 * PROPERTIES.indexOf(name)) | 0;
  await fc.assert(
    fc.asyncProperty(arb, async (value) => {
      stats.cases++;
      stats.byProperty[name] = (stats.byProperty[name] ?? 0) + 1;
      await predicate(value);
    }),
    { numRuns, seed },
  );
}

const ok = (problems: readonly string[]): void => expect(problems).toEqual([]);

/** A 2x2 point with entries spread over [-3, 3] and practically never on a breakpoint. */
const point: Arbitrary<number[][]> = fc
  .array(fc.integer(), { minLength: 4, maxLength: 4 })
  .map((ks) => [0, 1].map((i) => [0, 1].map((j) => 3 * Math.sin(ks[2 * i + j]! + 0.5))));

const seedFlag: Arbitrary<string> = fc.integer({ min: 0, max: 999_999_999 }).map(String);

/** Optional derive flags that keep the output a JSON object. */
const deriveExtras: Arbitrary<readonly string[]> = fc.oneof<Arbitrary<readonly string[]>[]>(
  fc.constant([]),
  fc.constantFrom('1,1', '2,3', '3,3', '1,5').map((s) => ['--shape', s]),
  fc.constant(['--no-verify']),
  point.map((X) => ['--at', JSON.stringify(X)]),
);

afterAll(() => {
  console.log(
    `fuzz: ${stats.cases} generated cases of ${REQUESTED} requested (seed ${SEED}, KINKPROOF_FUZZ_RUNS=${RUNS}); ` +
      `per property: ${JSON.stringify(stats.byProperty)}`,
  );
});

describe('fuzz: random text never crashes kinkproof', () => {
  it('derive on random strings and bytes: exit 0-3, no stack trace, --json is one object or nothing', { timeout: TEST_TIMEOUT }, async () => {
    await check('randomDerive', fc.tuple(G.randomString, fc.boolean()), async ([text, json]) => {
      const o = await run(['derive', text, ...(json ? ['--json'] : []), '--timeout', CASE_TIMEOUT]);
      ok(hygiene(o));
      if (json) ok(jsonContract(o).problems);
    });
  });

  it('random command lines (commands, flags, values): exit 0-3, no stack trace', { timeout: TEST_TIMEOUT }, async () => {
    await check('randomArgv', G.commandLine, async (argv) => {
      const o = await run([...argv, '--timeout', CASE_TIMEOUT]);
      ok(hygiene(o));
      const command = argv[0];
      if ((command === 'derive' || command === 'check') && argv.includes('--json') && !argv.some((a) => a === '--help' || a === '-h' || a === '--version'))
        ok(jsonContract(o).problems);
    });
  });

  // Currently FAILS (bug: user text with a newline is echoed raw into the one-line message).
  it('every error is one line on stderr (plus the caret block)', { timeout: TEST_TIMEOUT }, async () => {
    await check('oneLine', fc.oneof(G.randomString.map((t) => ['derive', t]), G.commandLine), async (argv) => {
      ok(oneLineError(await run([...argv, '--timeout', CASE_TIMEOUT])));
    });
  });
});

describe('fuzz: generated expressions', () => {
  it('derive never crashes, and --json is one consistent object', { timeout: TEST_TIMEOUT }, async () => {
    await check('deriveContract', fc.tuple(G.expression(), deriveExtras, fc.boolean()), async ([e, extras, json]) => {
      const o = await run(['derive', e, ...(json ? ['--json'] : []), ...extras, '--timeout', CASE_TIMEOUT]);
      ok(hygiene(o));
      if (o.code === 0 && !json) expect(o.stdout).toMatch(/^f\(X\) = /);
      if (json) {
        const { problems, json: object } = jsonContract(o);
        ok(problems);
        ok(deriveShape(object));
      }
    });
  });

  it('whatever derives, the numeric verifier accepts (exit 0, verification passed; never 1 or 3)', { timeout: TEST_TIMEOUT }, async () => {
    await check('verifier', fc.tuple(G.expression(), seedFlag, deriveExtras), async ([e, seed, extras]) => {
      const args = ['derive', e, '--json', '--seed', seed, ...extras.filter((a) => a !== '--no-verify'), '--timeout', CASE_TIMEOUT];
      const o = await run(args);
      const { json } = jsonContract(o);
      ok(deriveVerdict(o, json));
    });
  });

  it('f(X) and the gradient at X agree with evaluating the input literally (entry functions defined on all of R)', { timeout: TEST_TIMEOUT }, async () => {
    await check('value', fc.tuple(G.totalSeparable(), point), async ([e, X]) => {
      const o = await run(['derive', e, '--json', '--no-verify', '--at', JSON.stringify(X), '--timeout', CASE_TIMEOUT]);
      const { json } = jsonContract(o);
      ok(valueOracle(e, X, o, json));
    });
  });

  // Currently FAILS (bug: simplification drops domain restrictions, e.g. sum(sqrt(X).^2) derives phi(t) = t).
  it('where the input has no real value at some X, derive refuses it', { timeout: TEST_TIMEOUT }, async () => {
    await check('domain', fc.tuple(G.separable(), point), async ([e, X]) => {
      const o = await run(['derive', e, '--json', '--no-verify', '--at', JSON.stringify(X), '--timeout', CASE_TIMEOUT]);
      const { json } = jsonContract(o);
      ok(domainOracle(e, X, o, json));
    });
  });

  // Currently FAILS (bug: the printed gradient writes `*` where `.*` is meant, e.g. exp(X)*sqrt(2)*X).
  it("derive's gradient, handed back to check --claim, is never judged incorrect", { timeout: TEST_TIMEOUT }, async () => {
    await check('claim', G.separable(), async (f) => {
      const d = await run(['derive', f, '--json', '--no-verify', '--timeout', CASE_TIMEOUT]);
      const { json } = jsonContract(d);
      const gradient = json && ((json['gradient'] ?? json['gradientAwayFromKinks']) as string | null);
      if (!gradient) return;
      const o = await run(['check', f, '--claim', gradient, '--json', '--timeout', CASE_TIMEOUT]);
      ok(hygiene(o));
      ok(jsonContract(o).problems);
      expect(o.code, `check ${JSON.stringify(f)} --claim ${JSON.stringify(gradient)}: ${o.stdout.slice(0, 600)}`).not.toBe(1);
    });
  });
});

describe('fuzz: check --claim', () => {
  it('check F --claim G on random F and G never crashes; --json is one object', { timeout: TEST_TIMEOUT }, async () => {
    await check('claimRandom', fc.tuple(G.expression(2), fc.oneof(G.entrywise(2), G.randomString)), async ([f, g]) => {
      const o = await run(['check', f, '--claim', g, '--json', '--timeout', CASE_TIMEOUT]);
      ok(hygiene(o));
      ok(jsonContract(o).problems);
    });
  });
});

describe('fuzz: check --equal', () => {
  // Currently FAILS (bug: identical sides are 'unknown' when the exact case split fails, e.g. sqrt(X) vs sqrt(X)).
  it('check --equal E E is correct (exit 0) for every entry-wise E', { timeout: TEST_TIMEOUT }, async () => {
    await check('equalSame', G.entrywise(), async (e) => {
      const o = await run(['check', '--equal', e, e, '--json', '--timeout', '5']);
      ok(hygiene(o));
      ok(jsonContract(o).problems);
      const budget = o.code === 2 && /limit error: symbolic work took longer/.test(o.stderr);
      if (!budget) expect(o.code, `check --equal E E gave: ${o.stdout.slice(0, 400)}${o.stderr}`).toBe(0);
    });
  });

  it('check --equal E E never crashes and is never incorrect, for entry-wise and scalar E', { timeout: TEST_TIMEOUT }, async () => {
    await check('equalSafe', fc.oneof(G.entrywise(), G.separable()), async (e) => {
      const o = await run(['check', '--equal', e, e, '--json', '--timeout', CASE_TIMEOUT]);
      ok(hygiene(o));
      ok(jsonContract(o).problems);
      expect(o.code, o.stdout.slice(0, 400)).not.toBe(1);
    });
  });

  it('check --equal E R(E) is never incorrect when R only rewrites E into an equal expression', { timeout: TEST_TIMEOUT }, async () => {
    await check('equalRewrite', fc.tuple(G.entrywise(), G.identityRewrite), async ([e, rewrite]) => {
      const other = rewrite.replaceAll('#', `(${e})`);
      const o = await run(['check', '--equal', e, other, '--json', '--timeout', CASE_TIMEOUT]);
      ok(hygiene(o));
      ok(jsonContract(o).problems);
      expect(o.code, `${e}  vs  ${other}: ${o.stdout.slice(0, 600)}`).not.toBe(1);
    });
  });
});

describe('fuzz: the real CLI, end to end (a handful of cases)', () => {
  // Spawns: the properties above test the answers in-process; these check what only a real process shows —
  // random text through a real argv reaching the bundle, and no crash or stack trace at the process boundary
  // (exit code, stdout, stderr). Built by `npm test` (node scripts/build.mjs); argv cannot carry NUL bytes.
  const cases = fc.sample(fc.oneof(G.randomString, G.expression()), { numRuns: 8, seed: SEED }).map((s) => s.replaceAll('\0', ''));
  it.each(cases.map((s) => [s]))('derive %j --json', (text) => {
    const r = kinkproof(['derive', text, '--json', '--timeout', '5']);
    const o: Outcome = { argv: ['derive', text, '--json', '--timeout', '5'], code: r.code, stdout: r.stdout, stderr: r.stderr };
    ok(hygiene(o));
    ok(jsonContract(o).problems);
  });
});
