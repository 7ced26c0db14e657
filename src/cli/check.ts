/** `kinkproof check EXPR --claim G` and `kinkproof check --equal A B`: the library's checks, as text or JSON. */
import { KinkproofError, terminalText } from '../diagnostics.js';
import { checkEqual, checkGradient } from '../api/check.js';
import type { BudgetedCheckOptions } from '../api/check.js';
import { checkText, exitCodeOf } from '../check/result/checkResultText.js';
import type { CheckResult } from '../check/result/checkResult.js';
import { loadFrontEndFor, parseInputLanguage } from './inputLanguage.js';
import { parseConstants, parseSeed, parseTimeout } from './optionValues.js';
import type { ParsedArgs } from './args.js';
import type { Io } from './main.js';

const USAGE = 'usage: kinkproof check EXPR --claim G [--json]  or  kinkproof check --equal A B [--json]';

function run(args: ParsedArgs, options: BudgetedCheckOptions): { result: CheckResult; kind: 'gradient' | 'equal' } {
  const claims = args.flags.get('claim') ?? [];
  const { positional } = args;
  if (args.switches.has('equal')) {
    if (claims.length) throw new KinkproofError('input', `--claim and --equal do not mix (${USAGE})`);
    if (positional.length !== 2)
      throw new KinkproofError('input', `check --equal needs two expressions, got ${positional.length} (quote each; ${USAGE})`);
    return { result: checkEqual(positional[0]!, positional[1]!, options), kind: 'equal' };
  }
  if (positional.length !== 1)
    throw new KinkproofError('input', `check needs one expression f, got ${positional.length} (quote it; ${USAGE})`);
  if (claims.length !== 1) throw new KinkproofError('input', `check needs exactly one --claim G (${USAGE})`);
  return { result: checkGradient(positional[0]!, claims[0]!, options), kind: 'gradient' };
}

export async function checkCommand(args: ParsedArgs, io: Io): Promise<number> {
  const language = parseInputLanguage(args.flags.get('input')?.at(-1));
  await loadFrontEndFor([...args.positional, ...(args.flags.get('claim') ?? [])], language);
  const options: BudgetedCheckOptions = {
    constants: parseConstants(args.flags.get('const') ?? []),
    seed: parseSeed(args.flags.get('seed')?.at(-1)),
    timeoutSeconds: parseTimeout(args.flags.get('timeout')?.at(-1)),
    language,
  };
  const { result, kind } = run(args, options);
  io.stdout(args.switches.has('json') ? `${JSON.stringify(result, null, 2)}\n` : `${terminalText(checkText(result, kind))}\n`);
  return exitCodeOf(result.verdict);
}
