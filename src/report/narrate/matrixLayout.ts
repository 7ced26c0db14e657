/**
 * When a matrix is printed entry by entry: small enough to read, and with rows
 * short enough for a line of the page (an 8-column row of 7-digit decimals is
 * not). Larger matrices are summarised by their callers instead.
 */

const MAX_ENTRIES = 48;
const MAX_COLUMNS = 8;
/**
 * Visible characters in one row, column gaps included: with the symbol before
 * the matrix, about a line of the page (a digit is half an em; 52 of them
 * leave room for "∇f(X) ≈" and the brackets).
 */
const MAX_ROW_WIDTH = 52;
/** Room a column gap takes, in characters. */
const GAP_WIDTH = 2;

/** Commands that show nothing themselves (a fraction's width is its parts'). */
const INVISIBLE = new Set(['frac', 'tfrac', 'dfrac', 'left', 'right']);

/** Characters an entry shows, roughly: a symbol command (√, ∞) is one, braces none, a fraction as wide as its two parts side by side (an overestimate). */
const visibleWidth = (latex: string): number =>
  latex.replace(/\\([A-Za-z]+)/g, (_, name: string) => (INVISIBLE.has(name) ? '' : '#')).replace(/[{}\s]/g, '').length;

const rowWidth = (row: readonly string[]): number => row.reduce((w, e) => w + visibleWidth(e), 0) + GAP_WIDTH * Math.max(0, row.length - 1);

/** Few enough entries and columns to print (the entries' widths aside). */
export const smallShape = (rows: number, cols: number): boolean => rows * cols <= MAX_ENTRIES && cols <= MAX_COLUMNS;

/** The entries, as LaTeX, fit a bmatrix on one line. */
export const fitsOnALine = (rows: readonly (readonly string[])[]): boolean =>
  smallShape(rows.length, rows[0]?.length ?? 0) && rows.every((r) => rowWidth(r) <= MAX_ROW_WIDTH);

export const bmatrix = (rows: readonly (readonly string[])[]): string => `\\begin{bmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
