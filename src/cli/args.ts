/** The command line to a command, its positional arguments and its options (as text); every problem is a one-line input error. */
import { KinkproofError } from '../diagnostics.js';

/**
 * Every option of the command line: which take a value, and which commands take
 * each. `--help`/`-h` and `--version` are taken by every command.
 */
export const VALUED = new Set(['at', 'shape', 'const', 'seed', 'claim', 'tex', 'html', 'md', 'out', 'timeout', 'title', 'input', 'section-level', 'label-prefix']);
/** The valued options that may be given more than once (each adds a value); any other given twice is an input error, not a silent "last one wins". */
const REPEATABLE = new Set(['at', 'const', 'claim']);
export const SWITCHES = new Set(['json', 'no-verify', 'tex-fragment', 'brief', 'equal', 'pdf', 'help', 'version']);
const EVERY_COMMAND = new Set(['help', 'version']);

/** The options each command takes, in the order --help lists them (with their value's name). */
export const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  derive: ['json', 'input latex|ascii', 'at MATRIX', 'shape m,n', 'const NAME=MATRIX', 'no-verify', 'seed N', 'timeout S', 'tex FILE', 'tex-fragment', 'section-level section|subsection|none', 'label-prefix P', 'html FILE', 'md FILE', 'pdf', 'title TEXT', 'brief'],
  check: ['claim G', 'equal', 'json', 'input latex|ascii', 'const NAME=MATRIX', 'seed N', 'timeout S'],
  prove: ['json', 'const NAME=MATRIX', 'seed N', 'timeout S'],
  build: ['out DIR', 'pdf', 'const NAME=MATRIX', 'seed N', 'timeout S'],
  render: ['out FILE', 'seed N', 'timeout S'],
};

/** An option the command does not take is an input error naming the command, the option and what it takes. */
export function refuseOtherOptions(command: string, args: ParsedArgs): void {
  const accepted = COMMAND_OPTIONS[command];
  if (!accepted) return;
  const names = new Set(accepted.map((o) => o.split(' ')[0]!));
  for (const name of args.order) {
    if (names.has(name) || EVERY_COMMAND.has(name)) continue;
    throw new KinkproofError('input', `${command} does not take --${name} (${command} options: ${accepted.map((o) => `--${o}`).join(', ')})`);
  }
}

export interface ParsedArgs {
  readonly command: string | undefined;
  readonly positional: string[];
  readonly flags: Map<string, string[]>;
  readonly switches: Set<string>;
  /** Every option name given, in order of first appearance (for per-command checks). */
  readonly order: string[];
}

/**
 * Flags that take a value; everything else starting with -- is a switch. A
 * value is the next argument unless that is itself an option (starts with --):
 * `--at --json` is a missing value, not the value "--json". A value that
 * starts with -- is written `--flag=--value`.
 */
export function parseArgs(argv: readonly string[], valued: ReadonlySet<string> = VALUED, known: ReadonlySet<string> = SWITCHES): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const switches = new Set<string>();
  const order: string[] = [];
  const seen = (name: string): void => {
    if (!order.includes(name)) order.push(name);
  };
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] === '-o' ? '--out' : argv[i]!; // the one short option with a value: render's -o
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (!valued.has(name) && !known.has(name)) throw new KinkproofError('input', `unknown option --${name.slice(0, 40)} (see kinkproof --help)`);
      if (valued.has(name)) {
        let value: string | undefined;
        if (eq > 0) value = arg.slice(eq + 1);
        else {
          value = argv[i + 1];
          if (value === undefined) throw new KinkproofError('input', `--${name} needs a value`);
          if (value.startsWith('--'))
            throw new KinkproofError(
              'input',
              `--${name} needs a value, got the option ${value.slice(0, 40)} (write --${name}=VALUE for a value that starts with --)`,
            );
          i++;
        }
        if (flags.has(name) && !REPEATABLE.has(name)) throw new KinkproofError('input', `--${name} is given twice; it takes one value`);
        flags.set(name, [...(flags.get(name) ?? []), value]);
      } else {
        if (eq > 0) throw new KinkproofError('input', `--${name} takes no value`);
        switches.add(name);
      }
      seen(name);
      continue;
    }
    if (arg === '-h') {
      switches.add('help');
      seen('help');
      continue;
    }
    if (command === undefined) command = arg;
    else positional.push(arg);
  }
  return { command, positional, flags, switches, order };
}
