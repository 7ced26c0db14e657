// `npm start`: derive the founding example and write its report to out/.
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(new URL('../out', import.meta.url), { recursive: true });
const args = [
  'bin/kinkproof.mjs',
  'derive',
  "norm(relu(X),'fro')^2",
  '--at',
  '[[2.5,-1],[0,4]]',
  '--title',
  'The squared Frobenius norm of the ReLU',
  '--tex',
  'out/founding.tex',
  '--html',
  'out/founding.html',
  '--md',
  'out/founding.md',
];
const pdf = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' }).status === 0;
if (pdf) args.push('--pdf');
else console.error('pdflatex not found: writing out/founding.tex without compiling it');
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exitCode = r.status ?? 1;
