/**
 * The large arrays of a verification (the Gaussian sample, the mixed point, the sign bytes), lent
 * to one verification at a time and kept for the next one of the same size. A fresh array of 4M
 * doubles costs more here than a fused pass over it: its pages are mapped and zeroed on first
 * touch, about 100 ms of a 300 ms verification at 2000×2000. Kept arrays are held through WeakRefs,
 * so the collector can still take them back; a verification started inside another's progress
 * callback finds them lent and gets fresh ones. Every borrower writes all of an array before it
 * reads any of it.
 */
import { arrayOf } from './threads.js';

type Lendable = Float64Array | Uint8Array;

const kept = new Map<string, WeakRef<Lendable>>();

export class Scratch {
  private readonly lent: [string, Lendable][] = [];

  /** An array of `length` elements for `role` (shared memory when `shared`), its contents left from an earlier use. */
  array<T extends Lendable>(kind: { new (buffer: ArrayBufferLike): T; readonly BYTES_PER_ELEMENT: number; readonly name: string }, length: number, shared: boolean, role: string): T {
    const key = `${role}:${kind.name}:${length}:${shared}`;
    const old = kept.get(key)?.deref();
    kept.delete(key);
    const array = old instanceof kind ? old : arrayOf(kind, length, shared);
    this.lent.push([key, array]);
    return array;
  }

  /** Arrays another thread may still write to: they are not kept for a later verification. */
  withhold(...arrays: readonly Lendable[]): void {
    for (const array of arrays) {
      const i = this.lent.findIndex(([, a]) => a === array);
      if (i >= 0) this.lent.splice(i, 1);
    }
  }

  /** Keeps every array lent for the next verification (call when this one is done with them). */
  release(): void {
    for (const [key, array] of this.lent) kept.set(key, new WeakRef(array));
    this.lent.length = 0;
  }
}
