// The playground's size and its time to the first answer (issue 15: under 2 MB without
// fonts; the first answer within 1 s of loading). Builds the site, serves it on a free
// port, and loads it in headless Chromium (Debian's `chromium`, or $CHROMIUM) RUNS times,
// each in a fresh browser context (nothing cached): the time from navigation to the page's
// `kinkproof:first-answer` mark (the symbolic answer shown) and `kinkproof:first-verified`
// (the numeric cross-check and the whole derivation shown).
//
//   npm run bench:playground [-- --runs N] [-- --screenshots DIR]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/playground');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(flag('runs') ?? 7);
const SHOTS = flag('screenshots');

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    console.error('bench-playground: no chromium found (apt-get install chromium, or set CHROMIUM)');
    process.exit(2);
  }
}

execFileSync(process.execPath, [join(ROOT, 'scripts/playground.mjs'), '--quiet'], { stdio: 'inherit' });

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const all = files(OUT);
const bytes = (list) => list.reduce((s, f) => s + statSync(f).size, 0);
const fonts = all.filter((f) => f.endsWith('.woff2'));
const withoutFonts = bytes(all.filter((f) => !f.endsWith('.woff2')));
const mib = (n) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
console.log(`page size without fonts: ${withoutFonts} bytes (${mib(withoutFonts)}; limit 2 MB: ${withoutFonts < 2_000_000 ? 'ok' : 'OVER'})`);
for (const f of all.filter((f) => !f.endsWith('.woff2'))) console.log(`  ${relative(OUT, f).padEnd(22)} ${statSync(f).size} bytes`);
console.log(`fonts: ${bytes(fonts)} bytes in ${fonts.length} woff2 files`);

const server = spawn(process.execPath, [join(ROOT, 'scripts/playground-serve.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((ok, fail) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
    if (m) ok(m[0]);
  });
  server.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
});

const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
const EXAMPLES = [["norm(relu(X),'fro')^2", 'founding example'], ['sum(min(abs(X),1).*(abs(X) - min(abs(X),1)/2))', 'Huber']];
try {
  for (const [f, label] of EXAMPLES) {
    const answer = [];
    const verified = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      await page.goto(`${base}#${new URLSearchParams({ f })}`);
      await page.waitForSelector('body[data-derive=verified]', { timeout: 60_000 });
      const [a, v] = await page.evaluate(() =>
        ['kinkproof:first-answer', 'kinkproof:first-verified'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN),
      );
      answer.push(a);
      verified.push(v);
      await context.close();
    }
    const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const ms = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(`${label} (${f}), ${RUNS} fresh loads:`);
    console.log(`  first answer after navigation: median ${median(answer).toFixed(0)} ms (${ms(answer)})`);
    console.log(`  verified, whole derivation:    median ${median(verified).toFixed(0)} ms (${ms(verified)})`);
  }
  if (SHOTS) {
    // The page at a desktop's and a phone's size: the top, then scrolled to each part.
    mkdirSync(SHOTS, { recursive: true });
    for (const [w, h] of [
      [1280, 800],
      [390, 844],
    ]) {
      const page = await browser.newPage();
      await page.setViewport({ width: w, height: h, deviceScaleFactor: 1, isMobile: w < 500, hasTouch: w < 500 });
      await page.goto(`${base}#${new URLSearchParams({ f: "norm(relu(X),'fro')^2", claim: 'sign(X) + 1', at: '[[1,0],[-2,3]]' })}`);
      await page.waitForSelector('body[data-derive=verified][data-check=incorrect]', { timeout: 60_000 });
      const shot = async (name) => {
        const path = join(SHOTS, `playground-${w}x${h}-${name}.png`);
        await page.screenshot({ path });
        console.log(`screenshot: ${path}`);
      };
      await shot('top');
      for (const [name, selector] of [
        ['check', '.check'],
        ['cases', '#derivation .step-cases'],
        ['plot', '#derivation figure'],
        ['table', '#derivation .step-verification table'],
      ]) {
        await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView(), selector);
        await shot(name);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.focus('#f');
      await page.keyboard.type(' + relu(X');
      await page.keyboard.press('Enter');
      await page.waitForSelector('body[data-derive=problem]', { timeout: 60_000 });
      await shot('error');
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
