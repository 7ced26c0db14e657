/** `kinkproof prove FILE...`: check every statement of each proof file. */
import { KinkproofError, terminalText } from '../diagnostics.js';
import { parseProof } from '../check/proofs/parseProof.js';
import { checkProof } from '../api/prove.js';
import { proveExitCode, proveText, tally } from '../check/proofs/proofReportText.js';
import type { Tally } from '../check/proofs/proofReportText.js';
import type { ProofReport } from '../check/proofs/proofReport.js';
import { loadFrontEndFor } from './inputLanguage.js';
import { parseConstants, parseSeed, parseTimeout } from './optionValues.js';
import type { ParsedArgs } from './args.js';
import type { Io } from './main.js';
import { readTextFile } from './readText.js';

export const MAX_PROOF_BYTES = 1_000_000;

const read = (file: string): string => readTextFile(file, MAX_PROOF_BYTES);

/** `prove --json`: whether every statement passed, the tally, then each file's report. */
interface ProveJson extends Tally {
  readonly ok: boolean;
  readonly files: readonly ProofReport[];
}

const proveJson = (files: readonly ProofReport[], t: Tally): ProveJson => ({ ok: t.fail + t.error + t.unknown === 0, ...t, files });

export async function proveCommand(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positional.length === 0) throw new KinkproofError('input', 'prove needs proof files, e.g. kinkproof prove proofs/*.proof');
  const constants = parseConstants(args.flags.get('const') ?? []);
  const seed = parseSeed(args.flags.get('seed')?.at(-1));
  const texts = args.positional.map((file) => ({ file, text: read(file) }));
  await loadFrontEndFor(texts.map((t) => t.text), undefined); // each expression's language is detected
  const proofs = texts.map(({ file, text }) => parseProof(text, file, constants));
  const timeoutSeconds = parseTimeout(args.flags.get('timeout')?.at(-1));
  const reports = proofs.map((p) => checkProof(p, { constants, seed, timeoutSeconds })); // a budget per file
  const t = tally(reports);
  if (args.switches.has('json')) io.stdout(`${JSON.stringify(proveJson(reports, t), null, 2)}\n`);
  else io.stdout(`${terminalText(proveText(reports))}\n`);
  return proveExitCode(t);
}
