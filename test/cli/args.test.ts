/** Command-line arguments: options checked per command, a value never an option (class 9 of issue 10). */
import { describe, expect, it } from 'vitest';
import { COMMAND_OPTIONS, parseArgs, refuseOtherOptions } from '../../src/cli/args.js';
import { HELP } from '../../src/cli/help.js';
import { thrownKinkproofError } from '../kinkproofError.js';

const problem = thrownKinkproofError;

describe('parseArgs: a value is never an option', () => {
  it('refuses --at --json instead of taking --json as the matrix', () => {
    const e = problem(() => parseArgs(['check', 'F', '--at', '--json', '--claim', 'G']));
    expect(e.message).toBe('--at needs a value, got the option --json (write --at=VALUE for a value that starts with --)');
  });

  it('takes --flag=--value, negative numbers and single dashes as values', () => {
    const a = parseArgs(['derive', 'sum(X)', '--title=--x', '--at', '-1', '--const', 'c=-2.5', '--seed', '3']);
    expect(a.flags.get('title')).toEqual(['--x']);
    expect(a.flags.get('at')).toEqual(['-1']);
    expect(a.flags.get('const')).toEqual(['c=-2.5']);
    expect(a.order).toEqual(['title', 'at', 'const', 'seed']);
  });

  it('refuses a one-value option given twice (no silent "last one wins"); --at, --const and --claim add values', () => {
    expect(problem(() => parseArgs(['derive', 'sum(X)', '--tex', 'a.tex', '--tex=b.tex'])).message).toBe('--tex is given twice; it takes one value');
    expect(problem(() => parseArgs(['derive', 'sum(X)', '--seed', '1', '--json', '--seed', '1'])).message).toBe('--seed is given twice; it takes one value');
    const a = parseArgs(['derive', 'sum(X)', '--at', '[[1]]', '--at', '[[2]]', '--const', 'c=1', '--const', 'd=2']);
    expect([a.flags.get('at'), a.flags.get('const')]).toEqual([['[[1]]', '[[2]]'], ['c=1', 'd=2']]);
  });

  it('still says which value is missing at the end', () => {
    expect(problem(() => parseArgs(['derive', 'sum(X)', '--at'])).message).toBe('--at needs a value');
  });
});

describe('refuseOtherOptions: each command takes its own options', () => {
  const refuse = (argv: string[]): string => {
    const a = parseArgs(argv);
    return problem(() => refuseOtherOptions(a.command!, a)).message;
  };

  it.each([
    [['check', 'F', '--claim', 'G', '--shape', '2,2'], 'check does not take --shape'],
    [['check', 'F', '--claim', 'G', '--at', '[[1]]'], 'check does not take --at'],
    [['check', '--equal', 'A', 'B', '--no-verify'], 'check does not take --no-verify'],
    [['prove', 'p.proof', '--claim', 'G'], 'prove does not take --claim'],
    [['prove', 'p.proof', '--pdf'], 'prove does not take --pdf'],
    [['derive', 'sum(X)', '--claim', 'G'], 'derive does not take --claim'],
    [['derive', 'sum(X)', '--out', 'dir'], 'derive does not take --out'],
    [['build', '--json'], 'build does not take --json'],
  ])('%j', (argv, message) => {
    expect(refuse(argv)).toMatch(new RegExp(`^${message} \\(\\w+ options: --`));
  });

  it('accepts every option it lists, and --help/--version everywhere', () => {
    for (const [command, options] of Object.entries(COMMAND_OPTIONS)) {
      const argv = [command, ...options.flatMap((o) => (o.includes(' ') ? [`--${o.split(' ')[0]}`, 'v'] : [`--${o}`])), '--help', '--version'];
      const a = parseArgs(argv);
      expect(() => refuseOtherOptions(command, a)).not.toThrow();
    }
  });

  it('--help lists each command\'s options as the checks do', () => {
    for (const command of ['check', 'prove', 'build']) {
      const line = HELP.split('\n').find((l) => l.startsWith(`${command} options:`));
      expect(line, command).toBeDefined();
      for (const o of COMMAND_OPTIONS[command]!) expect(line).toContain(`--${o}`);
    }
    for (const o of COMMAND_OPTIONS['derive']!) expect(HELP).toContain(`--${o}`);
  });
});
