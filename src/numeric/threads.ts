/**
 * Helper threads for the random draws and fused passes over large matrices (helperJobs.ts).
 * Node only, and without an import of node:worker_threads, so that browser
 * bundles (the playground's worker) stay free of it: the module is looked up
 * at run time with process.getBuiltinModule (Node ≥ 20.16), and where that is
 * missing every pass runs on the calling thread, with the same result.
 */
import type { Worker } from 'node:worker_threads';

/** Matrices from this many entries on are shared with helper threads: 4 ranges (compile.ts CHUNK) and more. */
export const PARALLEL_MIN_ENTRIES = 1 << 18;

/** At most this many helpers besides the calling thread. */
const MAX_HELPERS = 3;

type Builtins = { getBuiltinModule?: (id: string) => unknown };

function builtin<T>(id: string): T | undefined {
  const p = (globalThis as { process?: Builtins }).process;
  return p?.getBuiltinModule?.(id) as T | undefined;
}

let configured: number | undefined;

/** Overrides the number of helper threads (0: none); undefined restores the default (one per further core, at most MAX_HELPERS). */
export function setHelperThreads(count: number | undefined): void {
  configured = count;
}

/** Helper threads a large pass gets here (besides the calling thread). */
export function helperThreadCount(): number {
  if (configured !== undefined) return configured;
  const os = builtin<typeof import('node:os')>('node:os');
  return os ? Math.min(MAX_HELPERS, Math.max(0, os.availableParallelism() - 1)) : 0;
}

/** Does a pass over n entries get helpers? (Then its arrays must be in shared memory: `arrayOf`.) */
export function parallel(n: number): boolean {
  return n >= PARALLEL_MIN_ENTRIES && helperThreadCount() > 0 && typeof SharedArrayBuffer === 'function' && builtin('node:worker_threads') !== undefined;
}

/** A zeroed array of `length` elements, in shared memory when `shared`. */
export function arrayOf<T extends Float64Array | Uint8Array | Int32Array>(
  kind: { new (buffer: ArrayBufferLike): T; readonly BYTES_PER_ELEMENT: number },
  length: number,
  shared: boolean,
): T {
  const bytes = length * kind.BYTES_PER_ELEMENT;
  return new kind(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

export const isShared = (a: ArrayBufferView): boolean => typeof SharedArrayBuffer === 'function' && a.buffer instanceof SharedArrayBuffer;

const helpers: Worker[] = [];

/**
 * The helper threads (started on first use and kept, unreferenced, so they
 * never keep a process alive), each running `source` (a script that listens
 * for messages). A pass never waits for a helper to start: the calling
 * thread takes whatever work is still free.
 */
export function helperThreads(source: string): readonly Worker[] {
  const threads = builtin<typeof import('node:worker_threads')>('node:worker_threads');
  if (!threads) return [];
  const count = helperThreadCount();
  while (helpers.length < count) {
    const worker = new threads.Worker(source, { eval: true });
    worker.unref();
    // A helper that fails or exits leaves its work to the calling thread (helperJobs.ts) and is not used again.
    const drop = (): void => void helpers.splice(helpers.indexOf(worker) >>> 0, 1);
    worker.on('error', drop);
    worker.on('exit', drop);
    helpers.push(worker);
  }
  return helpers.slice(0, count);
}
