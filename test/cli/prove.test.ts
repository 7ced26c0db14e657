import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, parsed } from './inProcess.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const proofFiles = readdirSync(join(root, 'proofs')).map((f) => join('proofs', f));

describe('kinkproof prove', () => {
  it('passes every proof shipped in proofs/ (exit 0)', async () => {
    const r = await cli(['prove', ...proofFiles], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ proofs/relu-frobenius.proof:5  = trace(relu(X)'*relu(X))  (exact)");
    expect(r.stdout).toContain('✓ proofs/published-answer.proof:6  refute: relu(X) = (sign(X)+1)/2  (refuted, exact)');
    expect(r.stdout).not.toContain('✗');
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('names file:line, the step and the counterexample when a copied proof is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinkproof-prove-'));
    const lines = readFileSync(join(root, 'proofs/relu-frobenius.proof'), 'utf8').split('\n');
    const index = lines.indexOf('= sum(relu(X).^2)');
    expect(index).toBeGreaterThan(0);
    lines[index] = '= sum(X.^2)';
    const file = join(dir, 'broken.proof');
    writeFileSync(file, lines.join('\n'));
    const r = await cli(['prove', file]);
    expect(r.code).toBe(1);
    const failures = r.stdout.split('\n').filter((l) => l.startsWith('✗'));
    expect(failures[0]).toBe(`✗ ${file}:${index + 1}  = sum(X.^2)  (exact)`);
    const after = r.stdout.split('\n');
    const at = after.indexOf(failures[0]!);
    expect(after[at + 1]).toBe('    counterexample: X = [[-1]] (t < 0): left side 0, right side 1');
  });

  it('shows control characters from the file as U+FFFD, never sends them to the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinkproof-prove-'));
    const file = join(dir, 'escape.proof');
    // ESC[8m hides what follows on a terminal: the failure would be invisible. U+202E reverses it.
    writeFileSync(file, 'title: Hinge \u001b[8m \u202e\nfunction: sum(abs(X))\ngradient: heaviside(X)\n');
    const r = await cli(['prove', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Hinge \ufffd[8m \ufffd');
    expect(r.stdout).toContain(`✗ ${file}:3  gradient: heaviside(X)`);
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
    const bad = await cli(['derive', 'sum(X)\u001b[2J\u009b']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unexpected character '\\u001B' (column 7)");
    expect(bad.stderr).toContain('  sum(X)\ufffd[2J\ufffd\n        ^');
    expect(bad.stderr).not.toMatch(/[\u001b\u009b]/);
  });

  it('prints one JSON object with --json', async () => {
    const r = await cli(['prove', 'proofs/l1-norm.proof', '--json'], { cwd: root });
    expect(r.code).toBe(0);
    const out = parsed(r);
    expect(out).toMatchObject({ ok: true, fail: 0, error: 0, unknown: 0 });
    const [file] = out.files as { file: string; title: string; steps: { line: number; status: string }[] }[];
    expect(file!.title).toBe('The entry-wise l1 norm and its sign-pattern subgradient');
    expect(file!.steps.every((s) => s.status === 'pass')).toBe(true);
  });

  it('exits 2 with file:line for a syntax error, and for a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinkproof-prove-'));
    const file = join(dir, 'bad.proof');
    writeFileSync(file, '# x\nfunction: sum(relu(X))\ngradient heaviside(X)\n');
    const r = await cli(['prove', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3: expected 'key: value' or '= expression'`);
    const missing = await cli(['prove', join(dir, 'nope.proof')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect((await cli(['prove'])).code).toBe(2);
  });
});
