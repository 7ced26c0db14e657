/** `kinkproof check EXPR --claim G` and `kinkproof check --equal A B`. */
import { KinkproofError } from '../diagnostics.js';
import { checkEqual } from '../check/claims/equal.js';
import { checkGradient } from '../check/claims/gradient.js';
import { checkText, exitCodeOf } from '../check/result/checkResultText.js';
import type { CheckResult } from '../check/result/checkResult.js';
import { clearBudget, DEFAULT_TIMEOUT_SECONDS, startBudget } from '../symbolic/index.js';
import { parseConstants, parseSeed, parseTimeout } from './optionValues.js';
import type { ParsedArgs } from './args.js';
import type { Io } from './main.js';

const USAGE = 'usage: kinkproof check EXPR --claim G [--json]  or  kinkproof check --equal A B [--json]';

function run(args: ParsedArgs): { result: CheckResult; kind: 'gradient' | 'equal' } {
  const constants = parseConstants(args.flags.get('const') ?? []);
  const seed = parseSeed(args.flags.get('seed')?.at(-1));
  const claims = args.flags.get('claim') ?? [];
  const { positional } = args;
  if (args.switches.has('equal')) {
    if (claims.length) throw new KinkproofError('input', `--claim and --equal do not mix (${USAGE})`);
    if (positional.length !== 2)
      throw new KinkproofError('input', `check --equal needs two expressions, got ${positional.length} (quote each; ${USAGE})`);
    return { result: checkEqual(positional[0]!, positional[1]!, { constants, seed }), kind: 'equal' };
  }
  if (positional.length !== 1)
    throw new KinkproofError('input', `check needs one expression f, got ${positional.length} (quote it; ${USAGE})`);
  if (claims.length !== 1) throw new KinkproofError('input', `check needs exactly one --claim G (${USAGE})`);
  return { result: checkGradient(positional[0]!, claims[0]!, { constants, seed }), kind: 'gradient' };
}

export async function checkCommand(args: ParsedArgs, io: Io): Promise<number> {
  startBudget(parseTimeout(args.flags.get('timeout')?.at(-1)) ?? DEFAULT_TIMEOUT_SECONDS);
  let outcome: ReturnType<typeof run>;
  try {
    outcome = run(args);
  } finally {
    clearBudget();
  }
  const { result, kind } = outcome;
  io.stdout(args.switches.has('json') ? `${JSON.stringify(result, null, 2)}\n` : `${checkText(result, kind)}\n`);
  return exitCodeOf(result.verdict);
}
