/**
 * A JSX runtime that renders to HTML, so that a test can run @mdx-js/mdx's
 * compiled output without React. Only what MDX output of Markdown and KaTeX
 * needs: elements, fragments, string attributes, class names and style objects.
 */

/** Rendered HTML, told apart from text children (which are escaped). */
export class Html {
  constructor(readonly html: string) {}
}

type Child = string | number | boolean | null | undefined | Html | Child[];
interface Props {
  readonly children?: Child;
  readonly [name: string]: unknown;
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link']);

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const childHtml = (c: Child): string =>
  Array.isArray(c) ? c.map(childHtml).join('') : c instanceof Html ? c.html : c === null || c === undefined || typeof c === 'boolean' ? '' : escapeHtml(String(c));

function attribute(name: string, value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  const key = name === 'className' ? 'class' : name;
  if (key === 'style' && typeof value === 'object') {
    const css = Object.entries(value as Record<string, string>).map(([k, v]) => `${k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}:${v}`);
    return ` style="${escapeHtml(css.join(';'))}"`;
  }
  return ` ${key}="${escapeHtml(Array.isArray(value) ? value.join(' ') : String(value))}"`;
}

export const Fragment = Symbol('Fragment');

export function jsx(type: string | symbol | ((props: Props) => Html), props: Props): Html {
  if (typeof type === 'function') return type(props);
  const { children, ...rest } = props;
  const inner = childHtml(children ?? null);
  if (type === Fragment) return new Html(inner);
  const tag = String(type);
  const attrs = Object.entries(rest).map(([k, v]) => attribute(k, v)).join('');
  return new Html(VOID.has(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${inner}</${tag}>`);
}

export const jsxs = jsx;
