/**
 * kinkproof's command line: a thin shell over the library. Each command loads
 * only what it needs (KaTeX only for HTML, the verifier only when verifying).
 */
import { asProblem, KinkproofError, oneLineText } from '../diagnostics.js';
import { parseArgs, refuseOtherOptions } from './args.js';
import { HELP, VERSION } from './help.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal: only then does a long verification draw a progress bar on it. */
  readonly stderrIsTerminal?: boolean;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.switches.has('version')) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (args.switches.has('help') || args.command === undefined || args.command === 'help') {
      io.stdout(HELP);
      return args.command === undefined && !args.switches.has('help') ? 2 : 0;
    }
    refuseOtherOptions(args.command, args);
    switch (args.command) {
      case 'derive':
        return await (await import('./derive.js')).deriveCommand(args, io);
      case 'check':
        return await (await import('./check.js')).checkCommand(args, io);
      case 'prove':
        return await (await import('./prove.js')).proveCommand(args, io);
      case 'build': return await (await import('./build.js')).buildCommand(args, io);
      case 'render':
        return await (await import('./render.js')).renderCommand(args, io);
      default:
        throw new KinkproofError('input', `unknown command '${args.command}' (commands: derive, check, prove, build, render; see kinkproof --help)`);
    }
  } catch (e) {
    return reportError(e, io);
  }
}

/** One line (and a caret line for positions) on stderr; never a stack trace. */
export function reportError(e: unknown, io: Io): number {
  const problem = asProblem(e);
  if (problem) {
    io.stderr(`kinkproof: ${problem.oneLine()}\n`);
    const caret = problem.caret();
    if (caret) io.stderr(`${caret}\n`);
    return 2;
  }
  // A stack overflow is a depth the parser's limit should have caught; other RangeErrors keep their own message.
  const overflow = e instanceof RangeError && /call stack/i.test(e.message);
  const message = overflow ? 'the input is too deeply nested to analyse' : e instanceof Error ? e.message : String(e);
  io.stderr(`kinkproof: internal error: ${oneLineText(message.split('\n')[0] ?? '')} (please report this input)\n`);
  return 2;
}
