/**
 * KaTeX's stylesheet with its fonts inlined as data: URLs (woff2 only, which
 * every current browser reads), so an HTML report needs no network and no
 * neighbouring files. Read from the installed katex package at render time.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: Promise<string> | undefined;

async function inlineFonts(): Promise<string> {
  const cssPath = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
  const css = await readFile(cssPath, 'utf8');
  const fontDir = join(dirname(cssPath), 'fonts');
  const sources = [...css.matchAll(/src:url\(fonts\/([A-Za-z0-9_-]+)\.woff2\)[^;}]*/g)];
  let out = css;
  for (const [source, font] of sources) {
    const woff2 = await readFile(join(fontDir, `${font}.woff2`));
    out = out.replace(source, `src:url(data:font/woff2;base64,${woff2.toString('base64')}) format("woff2")`);
  }
  if (/url\((?!data:)/.test(out)) throw new Error('katex.min.css refers to a file that was not inlined');
  return out;
}

/** The KaTeX CSS, self-contained. */
export function katexCss(): Promise<string> {
  cached ??= inlineFonts();
  return cached;
}
