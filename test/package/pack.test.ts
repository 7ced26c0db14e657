/**
 * kinkproof as a real package: `npm pack` (in a staging copy, so the repo's own
 * dist/ is never rebuilt under the other tests), installed into a fresh project
 * with no other dependencies — from npm's cache where it can (--prefer-offline:
 * `npm ci` caches tarballs but not the registry's package documents that an
 * install of a tarball resolves its dependencies with) —, imported as `kinkproof` and `kinkproof/remark` by plain Node, and
 * type-checked as a TypeScript consumer without @types/node.
 */
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(join(tmpdir(), 'kinkproof-pack-'));
const staging = join(work, 'staging');
const consumer = join(work, 'consumer');

// The declarations are emitted without checking the sources again (tsc -p . does, in npm test); the
// consumer's type check below (skipLibCheck: false) still checks every declaration it reaches.
const ENV = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', KINKPROOF_TYPES_NO_CHECK: '1' };

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: ENV });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${r.stdout}\n${r.stderr}`);
  return r;
}

let tarball = '';
let files: string[] = [];

beforeAll(() => {
  mkdirSync(staging);
  for (const entry of ['src', 'scripts', 'bin', 'package.json', 'README.md', 'tsconfig.json', 'tsconfig.types.json'])
    cpSync(join(root, entry), join(staging, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(staging, 'node_modules'), 'dir');
  const pack = run('npm', ['pack', '--json', '--pack-destination', work], staging);
  const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  files = info!.files.map((f) => f.path);
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], consumer);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the compiled code and types, not the sources or tests', () => {
    for (const f of ['dist/index.mjs', 'dist/remark.mjs', 'dist/cli.mjs', 'bin/kinkproof.mjs', 'dist/types/index.d.ts', 'dist/types/remark.d.ts'])
      expect(files, f).toContain(f);
    expect(files.filter((f) => /^(src|test|examples)\/|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    // The one runtime dependency is katex (which brings its CLI's commander).
    expect(readdirSync(join(consumer, 'node_modules')).filter((n) => !n.startsWith('.')).sort()).toEqual(['commander', 'katex', 'kinkproof']);
  });

  it('imports both entry points in plain Node; derive gives JSON-safe data; the plugin expands a fence', () => {
    const script = `
      import { derive } from 'kinkproof';
      import remarkKinkproof from 'kinkproof/remark';
      const d = derive("norm(relu(X),'fro')^2");
      const tree = { type: 'root', children: [{ type: 'code', lang: 'kinkproof', value: 'sum(abs(X))\\nshow: conclusion' }] };
      remarkKinkproof()(tree, { fail(reason) { throw new Error(reason); }, message() {} });
      console.log(JSON.stringify({ d, types: tree.children.map((n) => n.type) }));`;
    writeFileSync(join(consumer, 'run.mjs'), script);
    const out = JSON.parse(run(process.execPath, ['run.mjs'], consumer).stdout) as { d: Record<string, unknown>; types: string[] };
    expect([out.d['gradient'], out.d['gradientLatex'], out.d['smoothness']]).toEqual(['2*relu(X)', '2 \\sigma(X)', 'C1']);
    expect(out.types).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('type-checks a TypeScript consumer that has no @types/node', () => {
    const consumerTs = `
      import { derive, deriveAnalysis, narrate, renderHtml, renderLatex } from 'kinkproof';
      import type { DeriveJson, StructuredDeriveJson } from 'kinkproof';
      import remarkKinkproof from 'kinkproof/remark';
      import type { RemarkKinkproofOptions, Tree } from 'kinkproof/remark';
      const d: DeriveJson | StructuredDeriveJson = derive("norm(relu(X),'fro')^2", { seed: 1 });
      export const gradient: string | null = d.separable ? d.gradient : (d.gradient?.text ?? null);
      const s = derive("norm(relu(X),'fro')", { seed: 1, shape: [2, 3] });
      export const convex: boolean | null = s.separable ? s.convex : s.convex.value;
      const a = deriveAnalysis('sum(abs(X))');
      export const tex: string = renderLatex(narrate(a, a.verification));
      export const html: Promise<string> = renderHtml(narrate(a, a.verification));
      const options: RemarkKinkproofOptions = { headingDepth: 2, seed: 3 };
      const tree: Tree = { type: 'root', children: [] };
      remarkKinkproof(options)(tree, { fail(reason: string): never { throw new Error(reason); }, message() {} });`;
    writeFileSync(join(consumer, 'consumer.ts'), consumerTs);
    const compilerOptions = { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022'], types: [], skipLibCheck: false, noEmit: true };
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', consumer], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
