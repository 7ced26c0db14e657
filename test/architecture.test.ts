/**
 * The layering of src/: code outside src/symbolic reaches it only through its
 * front door, src/symbolic/index.ts; the CLI analyses, checks and verifies only
 * through the library's entry points in src/api/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const SYMBOLIC = join(SRC, 'symbolic');
const FRONT_DOOR = join(SYMBOLIC, 'index.ts');

/** Every .ts file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(path) : e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The relative specifiers a module imports or re-exports, statically or with import(). */
function importedSpecifiers(text: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;
  return [...text.matchAll(pattern)].map((m) => m[2]!);
}

/** The source file a relative specifier names (`./x.js` is ./x.ts). */
const target = (from: string, specifier: string): string => resolve(dirname(from), specifier).replace(/\.js$/, '.ts');

/** `file: specifier` for each import from outside src/symbolic that enters it other than by its index. */
function backDoors(files: readonly string[]): string[] {
  return files
    .filter((file) => !file.startsWith(SYMBOLIC + '/'))
    .flatMap((file) =>
      importedSpecifiers(readFileSync(file, 'utf8'))
        .filter((s) => {
          const t = target(file, s);
          return t.startsWith(SYMBOLIC + '/') && t !== FRONT_DOOR;
        })
        .map((s) => `${relative(SRC, file)}: ${s}`),
    );
}

/** What only src/api/ may call: the analysis, the checks and the verifier, and the budget around them. */
const API_ONLY_MODULES = ['check/claims/', 'check/proofs/checkProof.ts', 'numeric/verifyAnalysis.ts', 'numeric/verify.ts'];
const API_ONLY_NAMES = ['analyzeSymbolic', 'startBudget', 'clearBudget', 'verifyAnalysis', 'verify'];

/** The value (not type-only) imports of a module: specifier and imported names. */
function valueImports(text: string): { specifier: string; names: string[] }[] {
  const pattern = /^import\s+(?!type\b)(?:\{([^}]*)\}|\*\s+as\s+\w+)\s+from\s+'([^']+)'/gm;
  return [...text.matchAll(pattern)].map((m) => ({
    specifier: m[2]!,
    names: (m[1] ?? '').split(',').map((n) => n.trim().split(/\s+as\s+/)[0]!).filter(Boolean),
  }));
}

/** `file: what` for each way src/cli goes around src/api/. */
function cliBypasses(files: readonly string[]): string[] {
  const cli = join(SRC, 'cli') + '/';
  return files
    .filter((file) => file.startsWith(cli))
    .flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const modules = importedSpecifiers(text.replace(/^import type .*$/gm, '')) // types may come from anywhere
        .map((s) => relative(SRC, target(file, s)))
        .filter((t) => API_ONLY_MODULES.some((m) => t.startsWith(m)));
      const names = valueImports(text).flatMap((i) => i.names.filter((n) => API_ONLY_NAMES.includes(n)));
      return [...modules, ...names].map((what) => `${relative(SRC, file)}: ${what}`);
    });
}

describe('architecture', () => {
  it('finds static, type-only, re-exported and dynamic imports', () => {
    const text = [
      "import * as P from '../symbolic/exact/poly.js';",
      "import type { Limit } from '../symbolic/analyze.js';",
      "export { parse } from '../symbolic/syntax/parse.js';",
      "const m = await import('../symbolic/derive.js');",
      "import './side-effect.js';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(importedSpecifiers(text)).toEqual([
      '../symbolic/exact/poly.js',
      '../symbolic/analyze.js',
      '../symbolic/syntax/parse.js',
      '../symbolic/derive.js',
      './side-effect.js',
    ]);
  });

  it('src/symbolic is entered only through src/symbolic/index.ts', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    expect(backDoors(files)).toEqual([]);
  });

  it('finds the names a module imports as values', () => {
    const text = "import { analyzeSymbolic as a, MATRIX } from '../symbolic/index.js';\nimport type { Evidence } from '../numeric/verify.js';";
    expect(valueImports(text)).toEqual([{ specifier: '../symbolic/index.js', names: ['analyzeSymbolic', 'MATRIX'] }]);
  });

  it('the CLI analyses, checks and verifies only through src/api/', () => {
    expect(cliBypasses(sourceFiles(SRC))).toEqual([]);
  });

  it('the LaTeX parser is loaded only by import() in syntax/source.ts, so ASCII input never loads it', () => {
    const latexModule = (file: string): boolean => /\/syntax\/latex\w*\.ts$/.test(file);
    const staticEdges = sourceFiles(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const dynamic = new Set([...text.matchAll(/\bimport\s*\(\s*'([^']+)'/g)].map((m) => m[1]!));
      return importedSpecifiers(text)
        .filter((s) => latexModule(target(file, s)) && !latexModule(file) && !dynamic.has(s))
        .map((s) => `${relative(SRC, file)}: ${s}`);
    });
    expect(staticEdges).toEqual([]);
    expect(readFileSync(join(SYMBOLIC, 'syntax/source.ts'), 'utf8')).toContain("await import('./latex.js')");
  });
});
