/** `kinkproof derive EXPR`. */
import { KinkproofError } from '../diagnostics.js';
import { analyzeSymbolic, clearBudget, DEFAULT_TIMEOUT_SECONDS, MAX_POINT_ENTRIES, startBudget } from '../symbolic/index.js';
import type { SymbolicAnalysis } from '../symbolic/index.js';
import type { Evidence } from '../numeric/verify.js';
import { parseConstants, parseMatrix, parseSeed, parseShape, parseTimeout } from './optionValues.js';
import type { ParsedArgs } from './args.js';
import { deriveJson } from './json.js';
import type { Io } from './main.js';
import { summary } from './summary.js';

const REPORT_FLAGS = ['tex', 'html', 'md', 'title'] as const;

export async function runVerification(a: SymbolicAnalysis, shape: readonly [number, number] | undefined, seed: number): Promise<Evidence> {
  const { verifyAnalysis } = await import('../numeric/verifyAnalysis.js');
  const { progressReporter } = await import('../numeric/progress.js');
  return verifyAnalysis(a, shape, seed, progressReporter());
}

export async function deriveCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [input, ...extra] = args.positional;
  if (input === undefined) throw new KinkproofError('input', 'derive needs an expression, e.g. kinkproof derive "sum(relu(X))"');
  if (extra.length) throw new KinkproofError('input', `unexpected argument ${JSON.stringify(extra[0])} (quote the expression)`);
  const shapeFlag = args.flags.get('shape')?.at(-1);
  const shape = shapeFlag === undefined ? undefined : parseShape(shapeFlag);
  const at = (args.flags.get('at') ?? []).map((m, i) => parseMatrix(m, `--at #${i + 1}`, MAX_POINT_ENTRIES));
  const constants = parseConstants(args.flags.get('const') ?? []);
  const seed = parseSeed(args.flags.get('seed')?.at(-1));
  const timeout = parseTimeout(args.flags.get('timeout')?.at(-1)) ?? DEFAULT_TIMEOUT_SECONDS;
  startBudget(timeout);
  let analysis: SymbolicAnalysis;
  try {
    analysis = analyzeSymbolic(input, { constants, at, ...(shape ? { shape } : {}) });
  } finally {
    clearBudget();
  }
  const evidence = args.switches.has('no-verify') ? null : await runVerification(analysis, shape, seed);
  if (REPORT_FLAGS.some((f) => args.flags.has(f)) || args.switches.has('pdf') || args.switches.has('tex-fragment'))
    await (await import('./reports.js')).writeReports(analysis, evidence, args, io);
  if (args.switches.has('json')) io.stdout(`${JSON.stringify(deriveJson(analysis, evidence), null, 2)}\n`);
  else io.stdout(`${summary(analysis, evidence)}\n`);
  return evidence?.status === 'failed' ? 1 : 0;
}
