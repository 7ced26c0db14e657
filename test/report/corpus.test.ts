/**
 * Issue 13's corpus: every report of test/report/corpus.ts and every page of
 * `build proofs` (the proof pages and their index), written by the CLI in this
 * process, typeset as a journal would print them. The PDFs (pdflatex, two at a
 * time) have no line more than 1 pt too wide and no raw code point in their
 * text; the HTML pages, in one headless Chromium, have no KaTeX error, no
 * console error, nothing wider than the text column outside a scroll
 * container, and no display that needs scrolling at a desktop width.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser, ConsoleMessage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePdf, pdfToText } from '../../src/report/pdf.js';
import { CHROMIUM, SKIP_BROWSER } from '../browser.js';
import { cli } from '../cli/inProcess.js';
import { CORPUS } from './corpus.js';
import { haveTex } from './helpers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Report {
  readonly name: string;
  readonly tex: string;
  readonly html: string;
}

/** One document of reports that share a preamble, and the line where each one's body starts. */
interface Volume {
  readonly source: string;
  /** Where each report's body starts in the volume, and in its own .tex. */
  readonly starts: readonly { readonly name: string; readonly line: number; readonly texLine: number }[];
}

/**
 * The reports bound into one document per preamble (each body in a group, on its own pages):
 * pdflatex then loads the packages once per volume, not once per report, and what it typesets is
 * what each standalone document typesets.
 */
function volumes(reports: readonly Report[]): Volume[] {
  const byPreamble = new Map<string, { name: string; body: string }[]>();
  for (const { name, tex } of reports) {
    const source = readFileSync(tex, 'utf8');
    const m = /^([\s\S]*?\\begin\{document\}\n)([\s\S]*)\\end\{document\}\n?$/.exec(source);
    if (!m) throw new Error(`${name}: not a standalone document`);
    byPreamble.set(m[1]!, [...(byPreamble.get(m[1]!) ?? []), { name, body: m[2]! }]);
  }
  // Two volumes of each preamble's reports, one for each pdflatex the pool runs.
  const halves = [...byPreamble].flatMap(([preamble, bodies]) => {
    const half = Math.ceil(bodies.length / 2);
    return [bodies.slice(0, half), bodies.slice(half)].filter((b) => b.length).map((b) => [preamble, b] as const);
  });
  return halves.map(([preamble, bodies]) => {
    const lines = preamble.trimEnd().split('\n');
    const starts = bodies.map(({ name, body }) => {
      lines.push('\\begingroup');
      const line = lines.length + 1;
      lines.push(...body.trimEnd().split('\n'), '\\endgroup\\clearpage');
      return { name, line, texLine: preamble.split('\n').length };
    });
    return { source: [...lines, '\\end{document}', ''].join('\n'), starts };
  });
}

/** `Overfull \hbox (Xpt too wide) … at line(s) N…` with X over 1 pt, named by report and line in it. */
function overfullLines(log: string, starts: Volume['starts']): string[] {
  return [...log.matchAll(/^Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\) .*?lines? (\d+)/gm)]
    .filter((m) => Number(m[1]) > 1)
    .map((m) => {
      const at = Number(m[2]);
      const report = starts.filter((s) => s.line <= at).at(-1)!;
      return `${report.name}.tex line ${at - report.line + report.texLine}: ${m[1]}pt too wide`;
    });
}

/** Run `work` over `items`, `width` at a time (each told which of the `width` workers runs it), results in order. */
async function pool<T, R>(items: readonly T[], width: number, work: (item: T, worker: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (_: unknown, w: number): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!, w);
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/**
 * What a page shows wrongly at a desktop width, evaluated in the page (a string, as the test's
 * types know no DOM): KaTeX errors, elements wider than the text column, displays that need
 * scrolling, a page that scrolls sideways. One walk of the tree: what is inside a scroll or
 * clipping container (KaTeX displays, the tail of KaTeX's root sign) is not on the page, and
 * KaTeX's MathML copy is laid out out of sight.
 */
const LAYOUT_PROBLEMS = `(() => {
  const out = [];
  const katexErrors = document.querySelectorAll('.katex-error').length;
  if (katexErrors) out.push(katexErrors + ' KaTeX errors');
  const right = document.querySelector('main').getBoundingClientRect().right + 1;
  const tex = (el) => (el.querySelector('annotation')?.textContent ?? el.textContent).slice(0, 80);
  const visit = (parent, clipped) => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      if (el.classList.contains('katex-mathml')) continue;
      const overflow = getComputedStyle(el).overflowX;
      if (!clipped && el.getBoundingClientRect().right > right) out.push('wider than the column: <' + el.tagName.toLowerCase() + '> ' + tex(el));
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1) out.push('display needs scrolling: ' + tex(el));
      visit(el, clipped || overflow !== 'visible');
    }
  };
  visit(document.querySelector('main'), false);
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('the page scrolls sideways');
  return out;
})()`;

/** Every report of the corpus and of the proofs/ build, written into `dir`. */
async function writeCorpus(dir: string): Promise<Report[]> {
  const reports: Report[] = [];
  for (const { name, expr, options = [] } of CORPUS) {
    const [tex, html] = [join(dir, `${name}.tex`), join(dir, `${name}.html`)];
    const run = await cli(['derive', expr, ...options, `--tex=${tex}`, `--html=${html}`]);
    if (run.code > 1) throw new Error(`${name}: derive failed: ${run.stderr}`);
    reports.push({ name, tex, html });
  }
  const built = join(dir, 'proofs');
  const run = await cli(['build', join(ROOT, 'proofs'), '--out', built]);
  if (run.code > 1) throw new Error(`build proofs failed: ${run.stderr}`);
  for (const file of readdirSync(built).filter((f) => f.endsWith('.tex')).sort()) {
    const name = `proofs/${basename(file, '.tex')}`;
    reports.push({ name, tex: join(built, file), html: join(built, `${basename(file, '.tex')}.html`) });
  }
  return reports;
}

describe('the report corpus', () => {
  let dir = '';
  let reports: Report[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kinkproof-corpus-'));
    reports = await writeCorpus(dir);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has at least 30 reports, the proof pages among them', () => {
    expect(reports.length).toBeGreaterThanOrEqual(30 + 7);
    expect(reports.map((r) => r.name)).toEqual(expect.arrayContaining(['founding', 'huber', 'proofs/huber', 'proofs/index', 'relu-layer']));
  });

  it.skipIf(!haveTex)('compiles with pdflatex, no line over 1 pt too wide and no raw code point in the text', async () => {
    const problems = await pool(volumes(reports), 2, async ({ source, starts }) => {
      const { pdf, log } = await compilePdf(source);
      const text = await pdfToText(pdf);
      const tall = [...log.matchAll(/^Overfull \\vbox.*$/gm)].map((m) => m[0]);
      const raw = [...text.matchAll(/.{0,30}\[U\+[0-9A-F]+\].{0,30}/g)].map((m) => `raw code point: ${m[0]}`);
      return [...overfullLines(log, starts), ...tall, ...raw];
    });
    expect(problems.flat()).toEqual([]);
  });

  describe.skipIf(SKIP_BROWSER)('in headless Chromium', () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await puppeteer.launch({ executablePath: CHROMIUM!, headless: true, args: ['--no-sandbox'] });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('finds what a page shows wrongly: a wide block, a display that needs scrolling, not what is clipped', async () => {
      const founding = reports.find((r) => r.name === 'founding')!;
      const spoiled = join(dir, 'spoiled.html');
      const wide = 'display:inline-block;width:3000px';
      const extra = `<div style="${wide}">wide block</div><div style="overflow-x:auto"><span style="${wide}">scroll me</span></div><div style="overflow:hidden"><span style="${wide}">clipped</span></div>`;
      writeFileSync(spoiled, readFileSync(founding.html, 'utf8').replace('<main>', `<main>${extra}`));
      const page = await browser!.newPage();
      await page.setViewport({ width: 1024, height: 768 });
      await page.goto(pathToFileURL(spoiled).href, { waitUntil: 'load' });
      expect(await page.evaluate(LAYOUT_PROBLEMS)).toEqual(['wider than the column: <div> wide block', 'display needs scrolling: scroll me', 'the page scrolls sideways']);
      await page.close();
    });

    it('renders every page without KaTeX or console errors, within the text column', async () => {
      // Two tabs, each loading its share of the pages in turn.
      const tabs = await Promise.all([browser!.newPage(), browser!.newPage()]);
      for (const tab of tabs) await tab.setViewport({ width: 1024, height: 768 });
      const problems = await pool(reports, tabs.length, async ({ name, html }, worker) => {
        const page = tabs[worker]!;
        const errors: string[] = [];
        const onConsole = (m: ConsoleMessage): void => {
          if (m.type() === 'error') errors.push(`console: ${m.text()}`);
        };
        const onError = (e: unknown): void => {
          errors.push(`page error: ${e instanceof Error ? e.message : String(e)}`);
        };
        page.on('console', onConsole);
        page.on('pageerror', onError);
        await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
        const found = (await page.evaluate(LAYOUT_PROBLEMS)) as string[];
        page.off('console', onConsole);
        page.off('pageerror', onError);
        return [...errors, ...found].map((p) => `${name}: ${p}`);
      });
      expect(problems.flat()).toEqual([]);
    });
  });
});
