/**
 * A progress bar on stderr for long verifications: only when stderr is a
 * terminal and not in CI, so it never reaches piped output, JSON or CI logs.
 */

const WIDTH = 30;

export type ProgressCallback = (done: number, total: number) => void;

/** What the bar needs of a stream such as process.stderr (structural, so the library's types need no @types/node). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(chunk: string): unknown;
}

/** A callback for `verify` that draws "label [#####.....] 3/8" on stderr, or undefined off a terminal. */
export function progressReporter(label = 'verifying', stream: ProgressStream = process.stderr): ProgressCallback | undefined {
  if (!stream.isTTY || process.env['CI']) return undefined;
  return (done, total) => {
    const filled = total > 0 ? Math.round((WIDTH * done) / total) : WIDTH;
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`);
    if (done >= total) stream.write('\r\x1b[K'); // clear the line when finished
  };
}
