/**
 * The index page of a docs build, in the three formats: one entry per proof
 * file (title, function, overall verdict) with relative links to its reports.
 * Titles, file names and expressions are user text and are escaped; link
 * targets are file names the build already restricted to [A-Za-z0-9._-].
 */
import { htmlDocument } from './htmlPage.js';
import { escapeHtml, escapeLatexText, escapeMarkdownText } from './escape.js';
import { TEXT_PREAMBLE } from './latex.js';
import type { ProofStatus } from './narrate/proof.js';

export interface IndexLink {
  /** "HTML", "Markdown", "LaTeX", "PDF". */
  readonly label: string;
  /** A file name next to the index. */
  readonly href: string;
}

export interface IndexEntry {
  /** The proof file's name as found (user text). */
  readonly source: string;
  readonly title: string | null;
  /** The `function:` expression as written, if the proof has one. */
  readonly fn: string | null;
  readonly status: ProofStatus;
  /** "7 of 8 statements passed". */
  readonly counts: string;
  readonly links: readonly IndexLink[];
}

export const INDEX_TITLE = 'Proof files';

const SAFE_HREF = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

function href(link: IndexLink): string {
  if (!SAFE_HREF.test(link.href)) throw new Error(`unsafe link target ${JSON.stringify(link.href)}`);
  return link.href;
}

const heading = (e: IndexEntry): string => e.title ?? e.source;

/** "7 proof files: 6 passed, 1 failed." */
export function indexSummary(entries: readonly IndexEntry[]): string {
  const order: ProofStatus[] = ['passed', 'failed', 'undecided', 'bad input'];
  const parts = order.flatMap((s) => {
    const n = entries.filter((e) => e.status === s).length;
    return n ? [`${n} ${s}`] : [];
  });
  return `${entries.length} proof ${entries.length === 1 ? 'file' : 'files'}: ${parts.join(', ') || 'none'}. Each was checked statement by statement by kinkproof prove; its page shows the derivation of its function and every verdict.`;
}

const INDEX_CSS = `
body { margin: 0; background: #fff; color: #111; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; font: 17px/1.55 Georgia, 'Times New Roman', serif; }
h1 { font-size: 1.6rem; }
table { border-collapse: collapse; border-top: 2px solid #111; border-bottom: 2px solid #111; }
th { border-bottom: 1px solid #111; font-weight: normal; text-align: left; }
th, td { padding: 0.3rem 0.7rem; vertical-align: top; }
code { font-size: 0.85em; }
.failed, .bad-input { color: #a00; font-weight: bold; } .undecided { color: #a60; }`;

export function renderIndexHtml(entries: readonly IndexEntry[]): string {
  const row = (e: IndexEntry): string => {
    const first = e.links[0];
    const name = escapeHtml(heading(e));
    const title = first ? `<a href="${href(first)}">${name}</a>` : name;
    const links = e.links.map((l) => `<a href="${href(l)}">${escapeHtml(l.label)}</a>`).join(' · ');
    const status = `<span class="${e.status.replace(' ', '-')}">${escapeHtml(e.status)}</span> (${escapeHtml(e.counts)})`;
    return [
      '<tr>',
      `<td>${title}<br><code>${escapeHtml(e.source)}</code></td>`,
      `<td>${e.fn === null ? '—' : `<code>${escapeHtml(e.fn)}</code>`}</td>`,
      `<td>${status}</td>`,
      `<td>${links}</td>`,
      '</tr>',
    ].join('');
  };
  return htmlDocument({
    title: INDEX_TITLE,
    csp: "default-src 'none'; style-src 'unsafe-inline'",
    styles: [INDEX_CSS],
    main: [
      `<h1>${INDEX_TITLE}</h1>`,
      `<p>${escapeHtml(indexSummary(entries))}</p>`,
      '<table>',
      '<thead><tr><th>proof</th><th>function</th><th>verdict</th><th>reports</th></tr></thead>',
      '<tbody>',
      ...entries.map(row),
      '</tbody>',
      '</table>',
    ],
  });
}
export function renderIndexMarkdown(entries: readonly IndexEntry[]): string {
  const md = (l: IndexLink): string => `[${escapeMarkdownText(l.label)}](${href(l)})`;
  const row = (e: IndexEntry): string => {
    const page = e.links.find((l) => l.href.endsWith('.md'));
    const name = escapeMarkdownText(heading(e));
    const cells = [
      `${page ? `[${name}](${href(page)})` : name} (${escapeMarkdownText(e.source)})`,
      e.fn === null ? '—' : escapeMarkdownText(e.fn),
      escapeMarkdownText(`${e.status} (${e.counts})`),
      e.links.map(md).join(' · '),
    ];
    return `| ${cells.join(' | ')} |`;
  };
  const table = ['| proof | function | verdict | reports |', '| :--- | :--- | :--- | :--- |', ...entries.map(row)];
  return [`# ${INDEX_TITLE}`, escapeMarkdownText(indexSummary(entries)), table.join('\n')].join('\n\n') + '\n';
}

export function renderIndexLatex(entries: readonly IndexEntry[]): string {
  // Typewriter text never hyphenates: a long function may break after a comma or an operator instead.
  const tt = (s: string): string => `\\texttt{${s.split(/(?<=[,+*/(])/).map(escapeLatexText).join('\\allowbreak{}')}}`;
  const item = (e: IndexEntry): string =>
    [
      `\\item \\textbf{${escapeLatexText(heading(e))}} (${tt(e.source)})`,
      `\\\\ Function: ${e.fn === null ? 'none' : tt(e.fn)}`,
      `\\\\ Verdict: ${escapeLatexText(`${e.status} (${e.counts})`)}`,
      `\\\\ Reports: ${e.links.map((l) => tt(href(l))).join(', ')}`,
    ].join('\n');
  return [
    '% Generated by kinkproof.',
    '\\documentclass{article}',
    TEXT_PREAMBLE,
    '\\setlength{\\parindent}{0pt}',
    '\\begin{document}',
    '\\raggedright',
    `\\section*{${escapeLatexText(INDEX_TITLE)}}`,
    escapeLatexText(indexSummary(entries)),
    ...(entries.length ? ['\\begin{itemize}', ...entries.map(item), '\\end{itemize}'] : []),
    '\\end{document}',
    '',
  ].join('\n');
}
