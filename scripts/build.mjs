// Bundles the CLI into dist/ so that it starts fast (one file per lazily
// imported command; KaTeX is loaded only by the HTML renderer).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear old ones so dist/ holds one build.
rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/entry.ts', index: 'src/index.ts', remark: 'src/remark.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
});
