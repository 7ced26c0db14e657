/** `kinkproof build`: a deterministic, all-or-nothing docs build of a folder of proof files. */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfToText } from '../../src/report/pdf.js';
import { haveTex } from '../report/helpers.js';
import { cli } from './inProcess.js';
import type { Outcome } from './inProcess.js';
import { kinkproof } from './run.js';

const root = mkdtempSync(join(tmpdir(), 'kinkproof-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const folder = (files: Record<string, string> = {}): string => {
  const dir = join(root, `d${++folders}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
const fresh = (): string => join(root, `out${++folders}`);

const secretDir = folder();
const secret = `SECRET${randomBytes(8).toString('hex')}`;
const secretFile = join(secretDir, 'secret.tex');
writeFileSync(secretFile, `${secret}\n`);

const HOSTILE = `\\input{/etc/hostname} \\input{${secretFile}} }\\end{document} <script>alert(1)</script> %#&$~_^ ^^5cinput`;
const hostileProof = `title: ${HOSTILE}\nfunction: sum(relu(X))\ngradient: heaviside(X)\nconvex: yes\n`;

const proofNames = readdirSync('proofs').filter((f) => f.endsWith('.proof')).sort();

describe('kinkproof build proofs', () => {
  const [a, b] = [fresh(), fresh()];
  const runs: Outcome[] = [];
  // Two full builds: far beyond vitest's 10 s default hook timeout on a busy 2-core machine.
  beforeAll(async () => {
    runs.push(await cli(['build', 'proofs', '--out', a]));
    // Spawns: the second build is the built CLI in a fresh process, so "the same files" holds across
    // processes and between the bundle and the sources, not only for a process whose caches are warm.
    runs.push(kinkproof(['build', 'proofs', '--out', b]));
  }, 240_000);

  it('renders every proof file and an index to .tex/.html/.md, exit 0', () => {
    expect(runs[0]!.stderr).toContain(`wrote `);
    expect(runs[0]!.code).toBe(0);
    const files = readdirSync(a);
    for (const ext of ['tex', 'html', 'md']) {
      expect(files).toContain(`index.${ext}`);
      for (const p of proofNames) expect(files).toContain(`${p.slice(0, -'.proof'.length)}.${ext}`);
    }
    expect(runs[0]!.stdout.trim().split('\n')).toHaveLength(proofNames.length);
    expect(readFileSync(join(a, 'relu-frobenius.md'), 'utf8')).toContain('Proof check of relu-frobenius.proof');
  });

  it('gives byte-identical files on a second run (in a fresh process)', () => {
    expect(runs[1]!.code, runs[1]!.stderr).toBe(0);
    expect(readdirSync(b).sort()).toEqual(readdirSync(a).sort());
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('links only files that exist, by relative names', () => {
    const html = readFileSync(join(a, 'index.html'), 'utf8');
    const md = readFileSync(join(a, 'index.md'), 'utf8');
    const targets = [...html.matchAll(/href="([^"]+)"/g), ...md.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThanOrEqual(proofNames.length * 6);
    for (const t of targets) {
      expect(t).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/);
      expect(existsSync(join(a, t)), t).toBe(true);
    }
    // The Markdown pages' plots are files next to them.
    for (const m of readFileSync(join(a, 'huber.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) expect(existsSync(join(a, m[1]!))).toBe(true);
  });
});

describe('kinkproof build: hostile input', () => {
  it('escapes a hostile title in .tex, .html and .md, and sanitises file names', async () => {
    const out = fresh();
    const r = await cli(['build', folder({ 'we ird&$name.proof': hostileProof }), '--out', out]);
    expect(r.stderr).toBe(`kinkproof: wrote 7 files to ${out} (start at ${join(out, 'index.html')})\n`);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'index.md', 'index.tex', 'we_ird__name-plot-1.svg', 'we_ird__name.html', 'we_ird__name.md', 'we_ird__name.tex']);
    for (const f of ['we_ird__name.tex', 'index.tex']) {
      const tex = readFileSync(join(out, f), 'utf8');
      // A long word of a report's text gets break opportunities between its escaped pieces.
    expect(tex.replaceAll('\\allowbreak{}', '')).toContain('\\textbackslash{}input\\{/etc/hostname\\}');
      expect(tex).not.toMatch(/\\input|\\end\{document\} |\^\^5c/);
    }
    for (const f of ['we_ird__name.html', 'index.html']) {
      const html = readFileSync(join(out, f), 'utf8');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script');
    }
    for (const f of ['we_ird__name.md', 'index.md']) expect(readFileSync(join(out, f), 'utf8')).toContain('\\<script\\>alert(1)\\</script\\>');
  });

  it('refuses two proofs whose outputs would collide, and writes nothing', async () => {
    const out = fresh();
    const r = await cli(['build', folder({ 'a b.proof': hostileProof, 'a_b.proof': hostileProof }), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would both be written as a_b\.html\/\.md\/\.tex; rename one/);
    expect(existsSync(out)).toBe(false);
    const index = await cli(['build', folder({ 'INDEX.proof': hostileProof }), '--out', out]);
    expect(index.code).toBe(2);
    expect(index.stderr).toMatch(/and the index page would both be written/);
  });
});

describe('kinkproof build: verdicts and errors', () => {
  it('exits 1 when a statement fails, and still writes the reports', async () => {
    const out = fresh();
    const r = await cli(['build', folder({ 'wrong.proof': 'title: Wrong\nfunction: sum(relu(X))\n= sum(X)\n' }), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗');
    expect(r.stderr).toContain('the reports were written anyway');
    const md = readFileSync(join(out, 'wrong.md'), 'utf8');
    expect(md).toMatch(/Line 3: \$= .*\$ — FAILED \(exact\)\.\n\nCounterexample: \$X = \\begin\{bmatrix\}/);
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('failed (1 of 2 statements passed)');
  });

  it('writes nothing when one proof file does not parse (exit 2, file:line)', async () => {
    const out = fresh();
    const dir = folder({ 'good.proof': hostileProof, 'bad.proof': 'function: sum(relu(X)\n' });
    const r = await cli(['build', dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'bad.proof')}:1:`);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves the previous output untouched when a target cannot be written', async () => {
    const out = fresh();
    mkdirSync(join(out, 'huber.html'), { recursive: true });
    writeFileSync(join(out, 'hinge.md'), 'OLD');
    const proofs = folder(Object.fromEntries(['huber.proof', 'hinge.proof'].map((f) => [f, readFileSync(join('proofs', f), 'utf8')])));
    const r = await cli(['build', proofs, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huber\.html is a folder, not a file/);
    expect(readdirSync(out).sort()).toEqual(['hinge.md', 'huber.html']);
    expect(readFileSync(join(out, 'hinge.md'), 'utf8')).toBe('OLD');
  });

  it('rejects bad arguments with one line each', async () => {
    const file = join(folder({ 'x.proof': hostileProof }), 'x.proof');
    const cases: [string[], RegExp][] = [
      [['build', join(root, 'missing')], /no such folder/],
      [['build', file], /is not a folder \(to check single files, use kinkproof prove FILE\.\.\.\)/],
      [['build', folder()], /no \.proof files in/],
      [['build', 'proofs', '--tex', 'x.tex'], /build does not take --tex/],
      [['build', 'proofs', 'more'], /one folder of proof files/],
      [['build', 'proofs', '--out', file], /is a file, not a folder/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('defaults to proofs/ and out/proofs/, creating the folder', async () => {
    const cwd = folder();
    mkdirSync(join(cwd, 'proofs'));
    copyFileSync('proofs/huber.proof', join(cwd, 'proofs', 'huber.proof'));
    const r = await cli(['build'], { cwd });
    expect(r.code).toBe(0);
    expect(readdirSync(join(cwd, 'out', 'proofs'))).toContain('huber.html');
  });
});

describe.skipIf(!haveTex)('kinkproof build --pdf', { timeout: 120_000 }, () => {
  it('compiles the founding proof, a hostile proof and the index; nothing is read outside', async () => {
    const out = fresh();
    const dir = folder({ 'hostile.proof': hostileProof });
    copyFileSync('proofs/relu-frobenius.proof', join(dir, 'relu-frobenius.proof'));
    const r = await cli(['build', dir, '--out', out, '--pdf']);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    for (const name of ['index', 'hostile', 'relu-frobenius']) expect(readFileSync(join(out, `${name}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfToText(readFileSync(join(out, 'hostile.pdf')))).replace(/\s+/g, ' ');
    expect(text).toContain('\\input{/etc/hostname}');
    expect(text).not.toContain(secret);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<a href="relu-frobenius.pdf">PDF</a>');
  });
});
if (!haveTex) console.warn('SKIPPING kinkproof build --pdf: pdflatex or poppler is not installed');
