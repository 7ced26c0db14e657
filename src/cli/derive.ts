/** `kinkproof derive EXPR`: the library's analysis and cross-check of f, as text or JSON. */
import { KinkproofError, terminalText } from '../diagnostics.js';
import { analyzeFunction } from '../api/analyze.js';
import type { CrossCheckOptions } from '../api/crossCheck.js';
import { MAX_POINT_ENTRIES } from '../symbolic/index.js';
import type { AnyAnalysis, StructuredAnalysis } from '../symbolic/index.js';
import type { Evidence } from '../numeric/verify.js';
import { parseConstants, parseMatrix, parseSeed, parseShape, parseTimeout } from './optionValues.js';
import type { ParsedArgs } from './args.js';
import { loadFrontEndFor, parseInputLanguage } from './inputLanguage.js';
import { deriveJson, structuredJson } from '../api/json.js';
import { structuredSummary } from './structuredSummary.js';
import type { Io } from './main.js';
import { summary } from './summary.js';

const REPORT_FLAGS = ['tex', 'html', 'md', 'title', 'section-level', 'label-prefix'] as const;
const REPORT_SWITCHES = ['pdf', 'tex-fragment', 'brief'] as const;
const wantsReports = (args: ParsedArgs): boolean => REPORT_FLAGS.some((f) => args.flags.has(f)) || REPORT_SWITCHES.some((s) => args.switches.has(s));

/** The library's cross-check, loaded only when something is verified; a progress bar where io's stderr is a terminal. */
export async function crossCheckWithProgress(analysis: AnyAnalysis, options: CrossCheckOptions, io: Io): Promise<Evidence> {
  const { crossCheck } = await import('../api/crossCheck.js');
  const { progressReporter } = await import('../numeric/progress.js');
  const progress = progressReporter('verifying', { isTTY: io.stderrIsTerminal === true, write: io.stderr });
  return crossCheck(analysis, { ...options, progress });
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
  const timeoutSeconds = parseTimeout(args.flags.get('timeout')?.at(-1));
  const language = parseInputLanguage(args.flags.get('input')?.at(-1));
  if (wantsReports(args)) (await import('./reports.js')).validateReportOptions(args);
  await loadFrontEndFor([input], language);
  const any = analyzeFunction(input, { constants, at, timeoutSeconds, language, ...(shape ? { shape } : {}) });
  if (any.kind === 'structured') return structuredDerive(any, args, io, seed);
  const analysis = any;
  const evidence = args.switches.has('no-verify') ? null : await crossCheckWithProgress(analysis, { seed, ...(shape ? { shape } : {}) }, io);
  if (wantsReports(args)) await (await import('./reports.js')).writeReports(analysis, evidence, args, io);
  if (args.switches.has('json')) io.stdout(`${JSON.stringify(deriveJson(analysis, evidence), null, 2)}\n`);
  else io.stdout(`${terminalText(summary(analysis, evidence))}\n`);
  return evidence?.status === 'failed' ? 1 : 0;
}

/** derive for an f that is not separable: the same flags, and the same reports (narrated by narrateStructured). */
async function structuredDerive(analysis: StructuredAnalysis, args: ParsedArgs, io: Io, seed: number): Promise<number> {
  const evidence = args.switches.has('no-verify') ? null : await crossCheckWithProgress(analysis, { seed }, io);
  if (wantsReports(args)) await (await import('./reports.js')).writeReports(analysis, evidence, args, io);
  if (args.switches.has('json')) io.stdout(`${JSON.stringify(structuredJson(analysis, evidence), null, 2)}\n`);
  else io.stdout(`${terminalText(structuredSummary(analysis, evidence))}\n`);
  return evidence?.status === 'failed' ? 1 : 0;
}
