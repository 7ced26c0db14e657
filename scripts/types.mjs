// Emits the package's .d.ts files (dist/types/) for `kinkproof` and `kinkproof/remark`:
// run by `npm pack` / `npm publish` (prepack), not by every build.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { TSC } from './runNode.mjs';

rmSync('dist/types', { recursive: true, force: true });
// KINKPROOF_TYPES_NO_CHECK=1 (set by the package test, whose run type-checks the sources separately):
// emit the same declarations without type-checking the sources again, half the time.
const noCheck = process.env.KINKPROOF_TYPES_NO_CHECK === '1' ? ['--noCheck'] : [];
const run = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.types.json', ...noCheck], { stdio: 'inherit' });
process.exit(run.status ?? 1);
