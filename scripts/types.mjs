// Emits the package's .d.ts files (dist/types/) for `kinkproof` and `kinkproof/remark`:
// run by `npm pack` / `npm publish` (prepack), not by every build.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

rmSync('dist/types', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
