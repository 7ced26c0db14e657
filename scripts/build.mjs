// Bundles the CLI into dist/ so that it starts fast (one file per lazily
// imported command; KaTeX is loaded only by the HTML renderer).
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
