/**
 * The layering of src/: code outside src/symbolic reaches it only through its
 * front door, src/symbolic/index.ts.
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
});
