/**
 * The web playground (issue 15) in a real browser: the site is built into a
 * temporary folder, served by scripts/playground-serve.mjs on a free port, and
 * driven in headless Chromium (Debian's `chromium`, which .ci/run installs;
 * puppeteer-core never downloads one). No timing assertions: every wait is for
 * a state the page reaches, with the suite's generous timeouts.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, SKIP_BROWSER } from '../browser.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

if (SKIP_BROWSER) console.warn('test/playground: browser tests SKIPPED — no `chromium` on this machine (apt-get install chromium; .ci/run installs it, so CI always runs them)');

/** A value computed in the page (an expression, as the test's types know no DOM). */
const inPage = async (page: Page, expression: string): Promise<string> => String(await page.evaluate(expression));

const WAIT = { timeout: 90_000, polling: 50 } as const;

/** The site, built once into a fresh temporary folder for both groups of tests (removed after the last). */
let site: string | undefined;
function builtSite(): string {
  if (site) return site;
  site = mkdtempSync(join(tmpdir(), 'kinkproof-playground-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/playground.mjs'), '--out', site, '--quiet'], { stdio: 'inherit' });
  return site;
}
afterAll(() => {
  if (site) rmSync(site, { recursive: true, force: true });
});

/** Start scripts/playground-serve.mjs on a free port; its base URL. */
async function serve(dir: string): Promise<{ server: ChildProcessWithoutNullStreams; base: string }> {
  const server = spawn(process.execPath, [join(ROOT, 'scripts/playground-serve.mjs'), '--dir', dir, '--port', '0']);
  const base = await new Promise<string>((ok, fail) => {
    let text = '';
    server.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
      if (m) ok(m[0]);
    });
    server.on('exit', (code) => fail(new Error(`the server exited with ${code}`)));
  });
  return { server, base };
}

/** GET a raw path (sent as written, no normalisation): status, content type, body. */
function get(base: string, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the playground build and its server', () => {
  let out = '';
  let server: ChildProcessWithoutNullStreams | undefined;
  let base = '';
  let secret = '';

  beforeAll(async () => {
    out = builtSite();
    // A secret beside the site, and a symbolic link pointing at it from inside.
    secret = `${out}-secret`;
    mkdirSync(secret);
    writeFileSync(join(secret, 'secret.txt'), 'SECRET');
    symlinkSync(join(secret, 'secret.txt'), join(out, 'link.txt'));
    ({ server, base } = await serve(out));
  }, 240_000);

  afterAll(() => {
    server?.kill();
    if (out) rmSync(join(out, 'link.txt'), { force: true });
    if (secret) rmSync(secret, { recursive: true, force: true });
  });

  it('serves the files of the site with their content types', async () => {
    const page = await get(base, '/');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>kinkproof playground</title>');
    expect((await get(base, '/worker.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get(base, '/katex/katex.min.css')).type).toBe('text/css; charset=utf-8');
    expect((await get(base, '/katex/fonts/KaTeX_Main-Regular.woff2')).type).toBe('font/woff2');
    expect((await get(base, '/index.html?x=1', 'HEAD')).status).toBe(200);
    expect((await get(base, '/', 'POST')).status).toBe(405);
    expect((await get(base, '/nothing.js')).status).toBe(404);
  });

  it('never serves a file outside the folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/katex/../../package.json', '/%2e%2e%2f%2e%2e%2fetc/passwd', '/..\\package.json', '/%00', '/%zz', '/link.txt']) {
      const r = await get(base, path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body, path).not.toContain('SECRET');
      expect(r.body, path).not.toContain('"name"');
    }
  });

  it('refers to nothing outside the site: no URL with a scheme or host in the page, its scripts and styles', async () => {
    for (const file of ['/', '/page.js', '/style.css', '/katex/katex.min.css', '/sw.js']) {
      const { body } = await get(base, file);
      expect(body.match(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\//gi) ?? [], file).toEqual([]);
    }
  });
});

/**
 * Replace the text of an input the way a user does, then press Enter (which
 * starts the work at once). The new text is pasted (one input event), or with
 * `keys` typed key by key (an input event per character: 20 ms each here).
 */
async function typeInto(page: Page, selector: string, text: string, { keys = false } = {}): Promise<void> {
  await page.focus(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (keys) await page.keyboard.type(text);
  else if (text !== '') await page.keyboard.sendCharacter(text);
  await page.keyboard.press('Enter');
}

/** Not a single element of the document carries an event-handler attribute, and no link leads to javascript:. */
const NOTHING_ACTIVE = `(() => {
  const all = [...document.querySelectorAll('*')];
  return !all.some((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
    && !all.some((el) => /^\\s*javascript:/i.test(el.getAttribute('href') ?? '') || /^\\s*javascript:/i.test(el.getAttribute('xlink:href') ?? ''))
    && document.querySelectorAll('img, iframe, object, embed, script:not([src])').length === 0;
})()`;

describe.skipIf(SKIP_BROWSER)('the web playground in headless Chromium', () => {
  let server: ChildProcessWithoutNullStreams | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let base = '';
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (CHROMIUM === null) throw new Error('no chromium: CI installs it with .ci/run (apt-get install chromium)');
    ({ server, base } = await serve(builtSite()));
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e instanceof Error ? e.message : String(e)));
    await page.setViewport({ width: 1280, height: 800 });
    // Start on something else, so that the founding example is really typed.
    await page.goto(`${base}#f=sum(X)`);
    await page.waitForFunction(`document.body.dataset.derive === 'verified'`, WAIT);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  }, 60_000);

  it('derives the founding example typed into the page: the gradient 2σ(X), verified', async () => {
    await typeInto(page, '#f', "norm(relu(X),'fro')^2", { keys: true });
    await page.waitForFunction(`document.body.dataset.derive === 'verified' && document.getElementById('gradient-text').textContent === '2*relu(X)'`, WAIT);
    // The answer as KaTeX typeset it (its HTML part, as seen on screen).
    const answer = await inPage(page, `[...document.querySelectorAll('#answer .katex-html')].map((e) => e.textContent).join(' ')`);
    expect(answer.replace(/\s+/g, '')).toContain('∇f(X)=2σ(X)');
    expect(await inPage(page, `document.querySelector('#answer .facts').textContent`)).toMatch(/differentiable\s*yes, everywhere/);
    expect(await inPage(page, `document.getElementById('verification').textContent`)).toMatch(/passed: \d+ numeric checks/);
    // The whole narrated derivation: the cases, the plot, the conclusion.
    expect(Number(await inPage(page, `document.querySelectorAll('#derivation section.step').length`))).toBeGreaterThan(6);
    expect(await inPage(page, `String(document.querySelector('#derivation figure svg') !== null)`)).toBe('true');
    // Shareable: the hash holds f.
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('f')).toBe("norm(relu(X),'fro')^2");
  });

  it('derives a function that is not separable: the norm without its square, with its set at 0', async () => {
    await typeInto(page, '#f', "norm(relu(X),'fro')");
    await page.waitForFunction(
      `document.body.dataset.derive === 'verified' && document.getElementById('gradient-text').textContent === "relu(X)/norm(relu(X),'fro')"`,
      WAIT,
    );
    expect(await inPage(page, `document.getElementById('verification').textContent`)).toMatch(/passed: \d+ numeric checks/);
    expect(Number(await inPage(page, `document.querySelectorAll('#derivation section.step').length`))).toBeGreaterThan(3);
    await typeInto(page, '#f', "norm(relu(X),'fro')^2");
    await page.waitForFunction(`document.body.dataset.derive === 'verified' && document.getElementById('gradient-text').textContent === '2*relu(X)'`, WAIT);
  });

  it('refutes the published wrong gradient with a counterexample, and accepts the right one', async () => {
    await typeInto(page, '#claim', 'sign(X) + 1');
    await page.waitForFunction(`document.body.dataset.check === 'incorrect'`, WAIT);
    const table = await inPage(page, `document.getElementById('counterexample').textContent`);
    expect(table).toContain('Counterexample');
    expect(table.replace(/\s+/g, '')).toContain('X[[2]]claimatX[[2]]∇f(X)[[4]]');
    expect(await inPage(page, `document.getElementById('verdict').textContent`)).toMatch(/^Incorrect/);

    await typeInto(page, '#claim', '2*max(X,0)');
    await page.waitForFunction(`document.body.dataset.check === 'correct'`, WAIT);
    expect(await inPage(page, `String(document.getElementById('counterexample').hidden)`)).toBe('true');
  });

  it('shows a syntax error with a caret under its column', async () => {
    await typeInto(page, '#f', 'relu(X))');
    await page.waitForFunction(`document.body.dataset.derive === 'problem'`, WAIT);
    const message = await inPage(page, `document.querySelector('#problem .message').textContent`);
    expect(message).toMatch(/^syntax error: .*\(column 8\)$/);
    const [line, caret] = (await inPage(page, `document.querySelector('#problem .caret').textContent`)).split('\n');
    expect(line).toBe('  relu(X))');
    expect(caret!.indexOf('^')).toBe(2 + 7);
    expect(await inPage(page, `document.getElementById('answer').textContent`)).toBe('');
  });

  it('shows hostile input as inert text: no element, no handler, no script run, no javascript: link', async () => {
    await page.evaluate(`window.__pwned = undefined`);
    const hostile = [
      '<img src=x onerror="window.__pwned=1;alert(1)">',
      '\\href{javascript:alert(1)}{x}',
      '\\href{javascript:window.__pwned=2}{x} + <script>window.__pwned=3</script>',
      "sum(X) + '\"><svg onload=alert(1)>",
    ];
    for (const text of hostile) {
      await typeInto(page, '#f', text);
      await page.waitForFunction(`document.body.dataset.derive === 'problem'`, WAIT);
      // Shown literally: the caret line holds the text as typed.
      expect(await inPage(page, `document.getElementById('problem').textContent`)).toContain(text.slice(0, 12));
      await typeInto(page, '#claim', text);
      await page.waitForFunction(`['problem', 'incorrect', 'unknown'].includes(document.body.dataset.check)`, WAIT);
      expect(await inPage(page, NOTHING_ACTIVE), text).toBe('true');
    }
    // The hash is another way in: a shared link with hostile text.
    await page.goto(`${base}#${new URLSearchParams({ f: hostile[0]!, claim: hostile[1]!, const: `A=${hostile[0]}`, at: hostile[3]! })}`);
    await page.waitForFunction(`document.body.dataset.derive === 'problem' && document.body.dataset.check === 'problem'`, WAIT);
    expect(await inPage(page, NOTHING_ACTIVE)).toBe('true');
    expect(await inPage(page, `String(window.__pwned)`)).toBe('undefined');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('clickable examples fill the inputs, derive and check (the published wrong answer is refuted)', async () => {
    await page.goto(`${base}#f=sum(X)`);
    const click = async (label: string): Promise<void> => {
      const clicked = await page.evaluate(`(() => { const b = [...document.querySelectorAll('#examples button')].find((b) => b.textContent === ${JSON.stringify(label)}); b?.click(); return b !== undefined; })()`);
      expect(clicked, label).toBe(true);
    };
    await click('Huber');
    await page.waitForFunction(`document.body.dataset.derive === 'verified' && document.body.dataset.check === 'correct'`, WAIT);
    expect(await inPage(page, `document.getElementById('f').value`)).toContain('min(abs(X),1)');
    await click('The published wrong answer');
    await page.waitForFunction(`document.body.dataset.derive === 'verified' && document.body.dataset.check === 'incorrect'`, WAIT);
    expect(await inPage(page, `document.getElementById('claim').value`)).toBe('sign(X) + 1');
  });

  it('a shared link restores f, the options and the claim; a long verification shows progress and can be cancelled', async () => {
    const state = new URLSearchParams({ f: 'sum(relu(X - c))', const: 'c=0.5', at: '[[0.5,0],[3,5]]', seed: '7', claim: 'heaviside(X - c)' });
    await page.goto(`${base}#${state}`);
    await page.waitForFunction(`document.body.dataset.derive === 'verified' && document.body.dataset.check === 'correct'`, WAIT);
    expect(await inPage(page, `document.getElementById('constants').value`)).toBe('c=0.5');
    expect(await inPage(page, `document.getElementById('verification').textContent`)).toContain('seed 7');
    // The point's entry 0.5 sits exactly on the kink: the answer there is a set.
    expect(await inPage(page, `document.querySelector('#answer .point').textContent`)).toContain('not differentiable');

    // 2000 x 2000 test matrices: the cross-check takes long enough to cancel.
    await page.goto(`${base}#${new URLSearchParams({ f: "norm(relu(X),'fro')^2", shape: '2000,2000' })}`);
    await page.waitForFunction(`document.body.dataset.derive === 'answer'`, WAIT);
    expect(await inPage(page, `document.getElementById('status').textContent`)).toContain('verifying numerically');
    expect(await inPage(page, `String(document.getElementById('progress').hidden)`)).toBe('false');
    // Checked and clicked in one page task, so the verification cannot finish in between
    // (a mouse click at computed coordinates could, on a busy machine, land after it did).
    const cancelled = await inPage(page, `(() => { const b = document.getElementById('cancel'); if (document.body.dataset.derive !== 'answer' || b.hidden) return 'not running: ' + document.body.dataset.derive; b.click(); return document.body.dataset.derive; })()`);
    expect(cancelled).toBe('cancelled');
    expect(await inPage(page, `document.getElementById('status').textContent`)).toBe('Cancelled.');
    // A fresh worker takes the next request.
    await typeInto(page, '#shape', '');
    await page.waitForFunction(`document.body.dataset.derive === 'verified'`, WAIT);
  });

  it('works offline once loaded: with the server gone, a reload still answers', async () => {
    await page.goto(`${base}#${new URLSearchParams({ f: 'sum(abs(X))' })}`);
    await page.waitForFunction(`document.body.dataset.derive === 'verified'`, WAIT);
    await page.waitForFunction(`navigator.serviceWorker.controller !== null`, WAIT);
    await page.evaluate(`navigator.serviceWorker.ready.then(() => caches.keys()).then((k) => k.length)`);
    const gone = new Promise((ok) => server!.once('exit', ok));
    server!.kill();
    await gone;
    await page.reload();
    await page.waitForFunction(`document.body.dataset.derive === 'verified'`, WAIT);
    expect(await inPage(page, `document.getElementById('gradient-text').textContent`)).toBe('sign(X)');
    expect(await inPage(page, `document.querySelector('#answer .facts').textContent`)).toMatch(/convex\s*yes/);
  });
});
