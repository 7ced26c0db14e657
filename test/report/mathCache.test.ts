/**
 * KaTeX's outputs kept by expression and mode (htmlBody.ts): a page rendered
 * with a shared cache is the page rendered without one, the cache holds each
 * distinct formula of the page once (counted independently, from the TeX
 * annotations KaTeX writes), and a second page from it renders nothing anew.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import type { MathCache } from '../../src/report/html.js';
import { foundingExample } from './foundingExample.js';

/** The distinct formulas of a page, by mode and TeX: a display one's KaTeX span sits in a `katex-display` span. */
const distinctFormulas = (html: string): Set<string> =>
  new Set(
    [...html.matchAll(/(<span class="katex-display">)?<span class="katex">[\s\S]*?<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map(
      (m) => `${m[1] ? 'display' : 'inline'} ${m[2]}`,
    ),
  );

describe('KaTeX outputs kept by expression', () => {
  it('render each distinct formula once, and the same page as rendering each afresh', async () => {
    const cache: MathCache = new Map();
    const page = await renderHtml(foundingExample, { mathCache: cache });
    const formulas = distinctFormulas(page);
    const occurrences = page.split('<annotation encoding="application/x-tex">').length - 1;
    // The founding example repeats formulas (φ(t), the cases): the cache is smaller than the page's count.
    expect(occurrences).toBeGreaterThan(formulas.size);
    expect(cache.size).toBe(formulas.size);
    expect(await renderHtml(foundingExample)).toBe(page);
    expect(await renderHtml(foundingExample, { mathCache: cache })).toBe(page);
    expect(cache.size).toBe(formulas.size);
  });
});
