/**
 * `npm run bench:compare`: the founding derivation as a whole process, kinkproof
 * (`derive … --tex`) against the same workflow in SymPy (bench/sympy_founding.py),
 * alternating runs; then kinkproof's in-process time per stage.
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
const RUNS = 9;
const PYTHON = '/usr/bin/python3';
const root = fileURLToPath(new URL('..', import.meta.url));

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeProcess(command: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

function sympyAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import sympy'], { encoding: 'utf8' }).status === 0;
}

function wholeProcess(): void {
  const dir = mkdtempSync(join(tmpdir(), 'kinkproof-bench-'));
  const kp = ['bin/kinkproof.mjs', 'derive', FOUNDING, '--tex', join(dir, 'founding.tex')];
  const sympy = sympyAvailable();
  if (!sympy) console.log(`SymPy is not available to ${PYTHON} (Debian: apt-get install python3-sympy); timing kinkproof only.`);
  const ours: number[] = [];
  const theirs: number[] = [];
  timeProcess(process.execPath, kp); // warm the file cache
  if (sympy) timeProcess(PYTHON, ['bench/sympy_founding.py']);
  for (let i = 0; i < RUNS; i++) {
    ours.push(timeProcess(process.execPath, kp));
    if (sympy) theirs.push(timeProcess(PYTHON, ['bench/sympy_founding.py']));
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`whole process, founding derivation, median of ${RUNS} alternating runs`);
  console.log(`  kinkproof derive --tex   ${median(ours).toFixed(0).padStart(6)} ms`);
  if (sympy) {
    console.log(`  SymPy (same workflow)    ${median(theirs).toFixed(0).padStart(6)} ms`);
    console.log(`  ratio SymPy / kinkproof  ${(median(theirs) / median(ours)).toFixed(2).padStart(6)}x`);
  }
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

wholeProcess();
stages();
