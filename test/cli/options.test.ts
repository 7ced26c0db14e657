/**
 * Issue 10, class 9: options a command does not take are refused (exit 2, one
 * line naming the command and the option), and a valued option never swallows
 * the next option as its value.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './inProcess.js';

describe('a valued option never takes an option as its value', () => {
  it('check F --at --json --claim G is refused, not read as --at "--json" (the issue\'s example)', async () => {
    const o = await cli(['check', 'sum(X)', '--at', '--json', '--claim', '1']);
    expect(o.code).toBe(2);
    expect(o.stdout).toBe('');
    expect(o.stderr).toBe('kinkproof: input error: --at needs a value, got the option --json (write --at=VALUE for a value that starts with --)\n');
  });

  it.each([
    [['derive', 'sum(X)', '--shape', '--json']],
    [['derive', 'sum(X)', '--title', '--no-verify']],
    [['check', 'sum(X)', '--claim', '--json']],
    [['prove', 'x.proof', '--seed', '--json']],
    [['build', '--out', '--pdf']],
  ])('%j exits 2 naming the option without a value', async (argv) => {
    const o = await cli(argv);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/^kinkproof: input error: --\w+ needs a value, got the option --[\w-]+ /);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--flag=--value gives a value that starts with --; a negative number is a value', async () => {
    const o = await cli(['derive', 'sum(abs(X))', '--title=--x', '--at', '-1', '--no-verify', '--json']);
    expect(o.code, o.stderr).toBe(0);
    expect(JSON.parse(o.stdout)).toMatchObject({ at: [{ X: [[-1]], gradient: [[-1]] }] });
  });
});

describe('each command takes only its own options', () => {
  it.each([
    [['check', 'sum(X)', '--claim', '1', '--shape', '2,2'], 'check does not take --shape'],
    [['check', 'sum(X)', '--claim', '1', '--at', '[[1]]'], 'check does not take --at'],
    [['check', '--equal', 'X', 'X', '--no-verify'], 'check does not take --no-verify'],
    [['check', 'sum(X)', '--claim', '1', '--tex', 'out.tex'], 'check does not take --tex'],
    [['prove', 'proofs/hinge.proof', '--at', '[[1]]'], 'prove does not take --at'],
    [['prove', 'proofs/hinge.proof', '--shape', '2,2'], 'prove does not take --shape'],
    [['prove', 'proofs/hinge.proof', '--claim', 'X'], 'prove does not take --claim'],
    [['derive', 'sum(X)', '--claim', 'X'], 'derive does not take --claim'],
    [['derive', 'sum(X)', '--equal'], 'derive does not take --equal'],
    [['derive', 'sum(X)', '--out', 'dir'], 'derive does not take --out'],
    [['build', 'proofs', '--json'], 'build does not take --json'],
    [['build', 'proofs', '--at', '[[1]]'], 'build does not take --at'],
  ])('%j', async (argv, message) => {
    const o = await cli(argv);
    expect(o.code).toBe(2);
    expect(o.stdout).toBe('');
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
    expect(o.stderr).toMatch(new RegExp(`^kinkproof: input error: ${message} \\(${argv[0]} options: --`));
  });

  it('the refusal comes before any work: an invalid value of an unaccepted option is not what is reported', async () => {
    const o = await cli(['check', 'sum(X)', '--claim', '1', '--at', 'not a matrix']);
    expect(o.stderr).toMatch(/check does not take --at/);
  });

  it('options given before the command are checked too', async () => {
    const o = await cli(['--shape', '2,2', 'check', 'sum(X)', '--claim', '1']);
    expect(o.stderr).toMatch(/check does not take --shape/);
  });

  it('--help and --version work with every command', async () => {
    for (const command of ['derive', 'check', 'prove', 'build']) {
      expect((await cli([command, '--help'])).code).toBe(0);
      expect((await cli([command, '--version'])).code).toBe(0);
    }
  });

  it('the accepted options still work: check with --const, --seed, --timeout, --json', async () => {
    const o = await cli(['check', 'sum(c*X)', '--claim', 'c + 0*X', '--const', 'c=2', '--seed', '3', '--timeout', '10', '--json']);
    expect(o.code, o.stderr).toBe(0);
  });
});

describe('--const names', () => {
  const another = '; give the constant another name';
  it.each([
    ['X', 'X is the variable and cannot be a constant'],
    ['pi', `pi is a constant of the input language${another}`],
    ['relu', `relu is a function of the input language${another}`],
    ['pos', `pos is a function of the input language${another}`],
    ['sum', `sum is a function of the input language${another}`],
    ['sqrt', `sqrt is a function of the input language${another}`],
    ['max', `max is a function of the input language${another}`],
  ])('--const %s=... is refused: f would still read the name as the language does', async (name, message) => {
    const o = await cli(['check', '--equal', 'sum(pi*X)', 'sum(2*X)', '--const', `${name}=[[2]]`]);
    expect(o.code).toBe(2);
    expect(o.stdout).toBe('');
    expect(o.stderr).toBe(`kinkproof: input error: --const: ${message}\n`);
  });

  it('other names are constants: c, W_1, e', async () => {
    for (const name of ['c', 'W_1', 'e']) {
      const o = await cli(['derive', `sum(${name}*X)`, '--const', `${name}=[[2]]`, '--no-verify', '--json']);
      expect(o.code, `${name}: ${o.stderr}`).toBe(0);
    }
  });
});
