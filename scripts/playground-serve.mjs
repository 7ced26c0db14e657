// Serves the built playground on localhost (no dependencies): only files inside the
// folder, with their content types; anything else is 403/404.
//
//   node scripts/playground-serve.mjs [--port N (default 8080, 0: any free port)] [--dir DIR]
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const dirFlag = resolve(flag('dir', join(ROOT, 'dist/playground')));
const port = Number(flag('port', '8080'));
if (!existsSync(join(dirFlag, 'index.html'))) {
  console.error(`playground-serve: ${dirFlag} has no index.html; run npm run playground first`);
  process.exit(2);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('playground-serve: --port is an integer from 0 to 65535');
  process.exit(2);
}
const DIR = realpathSync(dirFlag);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const CSP =
  "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The file a request path names inside DIR, or a status code. */
function lookup(rawUrl) {
  let path;
  try {
    path = decodeURIComponent(new URL(rawUrl ?? '/', 'http://localhost').pathname);
  } catch {
    return 400;
  }
  if (path.includes('\0') || path.includes('\\')) return 400;
  let file = resolve(DIR, `.${path}`);
  if (file !== DIR && !file.startsWith(DIR + sep)) return 403;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const real = realpathSync(file); // no symbolic link out of the folder
    if (real !== DIR && !real.startsWith(DIR + sep)) return 403;
    if (!statSync(real).isFile()) return 404;
    return real;
  } catch {
    return 404;
  }
}

const server = createServer((req, res) => {
  const headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
    return;
  }
  const found = lookup(req.url);
  if (typeof found === 'number') {
    res.writeHead(found, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`${found}\n`);
    return;
  }
  const type = TYPES[extname(found)] ?? 'application/octet-stream';
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': statSync(found).size, ...(type.startsWith('text/html') ? { 'Content-Security-Policy': CSP } : {}) });
  if (req.method === 'HEAD') res.end();
  else createReadStream(found).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`kinkproof playground: http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
