// Emits the package's .d.ts files (dist/types/) for `kinkproof` and `kinkproof/remark`:
// run by `npm pack` / `npm publish` (prepack), not by every build.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

rmSync('dist/types', { recursive: true, force: true });
// The compiler's launcher, beside its package.json (typescript 7 exports no ./bin path).
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
// KINKPROOF_TYPES_NO_CHECK=1 (set by the package test, whose run type-checks the sources separately):
// emit the same declarations without type-checking the sources again, half the time.
const noCheck = process.env.KINKPROOF_TYPES_NO_CHECK === '1' ? ['--noCheck'] : [];
const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.types.json', ...noCheck], { stdio: 'inherit' });
process.exit(run.status ?? 1);
