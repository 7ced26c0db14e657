/**
 * `npm run bench:compare`: kinkproof against SymPy on a table of inputs, each
 * side starting from the same expression as a whole process: kinkproof
 * `derive EXPR --tex FILE`, SymPy bench/sympy_derive.py EXPR, which parses the
 * same (mathjs-syntax) text and finds the breakpoints, pieces and verdicts
 * itself. Runs alternate; medians and the ratio per row. Then kinkproof's
 * in-process time per stage for the founding example. NODE_EXTRA_CA_CERTS is
 * unset for both sides (it adds ~90 ms to every Node start and is not set on a
 * user's machine). Not part of npm test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../src/symbolic/syntax/parse.js';
import { analyzeSymbolic } from '../src/symbolic/derive.js';
import { verify } from '../src/numeric/verify.js';
import { narrate } from '../src/report/narrate.js';
import { renderLatex } from '../src/report/latex.js';

const FOUNDING = "norm(relu(X),'fro')^2";
const ROWS: readonly { readonly label: string; readonly expr: string }[] = [
  { label: 'founding example', expr: FOUNDING },
  { label: 'abs', expr: 'sum(abs(X))' },
  { label: 'nested abs, depth 5', expr: 'sum(abs(abs(abs(abs(abs(X) - 1) - 2) - 3) - 4))' },
  { label: 'nested abs, depth 7', expr: 'sum(abs(abs(abs(abs(abs(abs(abs(X) - 1) - 2) - 3) - 4) - 5) - 6))' },
  { label: 'relu, degree 8, t^8 - 1', expr: 'sum(relu(X.^8 - 1))' },
  { label: 'relu, degree 8, 8 rational roots', expr: 'sum(relu((X.^2 - 1).*(X.^2 - 4).*(X.^2 - 9).*(X.^2 - 16)))' },
  { label: 'relu, degree 8, t^8 - 2', expr: 'sum(relu(X.^8 - 2))' },
  { label: 'relu, Chebyshev T8', expr: 'sum(relu(128*X.^8 - 256*X.^6 + 160*X.^4 - 32*X.^2 + 1))' },
  { label: 'relu, degree 8, (t^4-10t^2+1)(t^4-2)', expr: 'sum(relu((X.^4 - 10*X.^2 + 1).*(X.^4 - 2)))' },
  { label: 'min of relu and 1', expr: 'sum(min(relu(X), 1))' },
  { label: 'max of t^2 - 1 and relu', expr: 'sum(max(X.^2 - 1, relu(X)))' },
  { label: 'min of abs and relu', expr: 'sum(min(abs(X - 1), relu(X + 2)))' },
  { label: 'clamp squared', expr: 'sum(max(min(X, 1), -1).^2)' },
  { label: 'relu cubed plus abs', expr: 'sum(relu(X).^3 + abs(X - 2))' },
];
const RUNS = 5;
const PYTHONS = ['python3', '/usr/bin/python3'];
const root = fileURLToPath(new URL('..', import.meta.url));
/** The environment of both sides, without NODE_EXTRA_CA_CERTS. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS'));

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Run = { readonly ms: number } | { readonly refused: string };

function timeProcess(command: string, args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', env });
  const ms = performance.now() - t0;
  if (r.status === 0) return { ms };
  return { refused: (r.stderr.trim().split('\n').at(-1) ?? `exit ${r.status}`).replace(/^kinkproof: /, '').slice(0, 120) };
}

function findPython(): string | undefined {
  return PYTHONS.find((p) => spawnSync(p, ['-c', 'import sympy'], { encoding: 'utf8', env }).status === 0);
}

const cell = (text: string, width: number): string => text.padStart(width);

function table(): void {
  const python = findPython();
  if (!python) console.log('SymPy is not available to python3 (Debian: apt-get install python3-sympy); timing kinkproof only.');
  const dir = mkdtempSync(join(tmpdir(), 'kinkproof-bench-'));
  const tex = join(dir, 'out.tex');
  console.log(`whole process from the same expression, median of ${RUNS} alternating runs (NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS ? 'unset for both' : 'not set'})`);
  console.log(`${'input'.padEnd(40)}${cell('kinkproof ms', 14)}${cell('SymPy ms', 11)}${cell('SymPy/kp', 10)}`);
  const notes: string[] = [];
  for (const { label, expr } of ROWS) {
    const ours: Run[] = [];
    const theirs: Run[] = [];
    const kp = (): Run => timeProcess(process.execPath, ['bin/kinkproof.mjs', 'derive', expr, '--tex', tex]);
    const sympy = (): Run | undefined => (python ? timeProcess(python, ['bench/sympy_derive.py', expr]) : undefined);
    kp(); // warm the file cache
    sympy();
    for (let i = 0; i < RUNS; i++) {
      ours.push(kp());
      const r = sympy();
      if (r) theirs.push(r);
    }
    const summary = (runs: Run[]): { text: string; ms?: number } => {
      const refused = runs.find((r): r is { refused: string } => 'refused' in r);
      if (refused) return { text: 'refused' };
      if (runs.length === 0) return { text: '-' };
      const ms = median(runs.map((r) => ('ms' in r ? r.ms : NaN)));
      return { text: ms.toFixed(0), ms };
    };
    const a = summary(ours);
    const b = summary(theirs);
    const ratio = a.ms !== undefined && b.ms !== undefined ? `${(b.ms / a.ms).toFixed(2)}x` : '-';
    console.log(`${label.padEnd(40)}${cell(a.text, 14)}${cell(b.text, 11)}${cell(ratio, 10)}`);
    for (const [side, runs] of [['kinkproof', ours], ['SymPy', theirs]] as const) {
      const refused = runs.find((r): r is { refused: string } => 'refused' in r);
      if (refused) notes.push(`  ${label}: ${side}: ${refused.refused}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  if (notes.length > 0) console.log(['refused:', ...notes].join('\n'));
}

function stages(): void {
  const times: Record<'parse' | 'analyze' | 'verify' | 'render', number[]> = { parse: [], analyze: [], verify: [], render: [] };
  const first: Record<string, number> = {};
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    parse(FOUNDING);
    const parsed = performance.now();
    const a = analyzeSymbolic(FOUNDING); // parses again: included in 'analyze'
    const analyzed = performance.now();
    const evidence = verify({ phi: a.separable.phi, offset: 0, gradient: a.gradient, entry: a.entry, rows: 3, cols: 4, seed: 1 });
    const verified = performance.now();
    renderLatex(narrate(a, evidence), { fragment: false });
    const rendered = performance.now();
    const sample = { parse: parsed - t, analyze: analyzed - parsed, verify: verified - analyzed, render: rendered - verified };
    if (i === 0) Object.assign(first, sample);
    else for (const k of Object.keys(sample) as (keyof typeof sample)[]) times[k].push(sample[k]);
  }
  console.log('\nin-process stages (first run, then median of 20 warm runs)');
  for (const k of Object.keys(times) as (keyof typeof times)[])
    console.log(`  ${k.padEnd(8)} ${first[k]!.toFixed(2).padStart(8)} ms  ${median(times[k]).toFixed(2).padStart(8)} ms`);
}

table();
stages();
