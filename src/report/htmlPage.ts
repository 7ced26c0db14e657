/** The page shell shared by every HTML output: one self-contained document, no network, a strict CSP. */
export interface HtmlPage {
  /** Already escaped. */
  readonly title: string;
  readonly csp: string;
  readonly styles: readonly string[];
  /** Lines inside <main>, already rendered and escaped. */
  readonly main: readonly string[];
}

export function htmlDocument(page: HtmlPage): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${page.csp}">`,
    '<meta name="generator" content="kinkproof">',
    `<title>${page.title}</title>`,
    ...page.styles.map((css) => `<style>${css}</style>`),
    '</head>',
    '<body>',
    '<main>',
    ...page.main,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
