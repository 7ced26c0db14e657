/**
 * Writing a set of files all-or-nothing, as far as a file system allows: each
 * file is staged in a temporary sibling (`wx`: never through an existing file
 * or symlink), and only when every file is staged are they renamed into place.
 * Discarding removes the temporaries and leaves the targets untouched. Staging
 * as soon as a file is rendered keeps large builds out of memory.
 */
import { randomBytes } from 'node:crypto';
import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KinkproofError } from '../diagnostics.js';

export interface FileOutput {
  readonly path: string;
  readonly content: string | Uint8Array;
}

const failure = (e: unknown): KinkproofError =>
  new KinkproofError('input', `could not write the reports: ${e instanceof Error ? e.message : String(e)}`);

export class StagedFiles {
  private readonly staged: { readonly temp: string; readonly path: string }[] = [];
  /** Lower-cased, so that names differing only in case collide here as they do on macOS and Windows. */
  private readonly targets = new Set<string>();

  async stage(path: string, content: string | Uint8Array): Promise<void> {
    const target = resolve(path);
    if (this.targets.has(target.toLowerCase())) throw new KinkproofError('input', `two reports would be written to ${path}`);
    this.targets.add(target.toLowerCase());
    // Found now rather than by a failing rename, when some files would already be in place.
    if ((await lstat(target).catch(() => undefined))?.isDirectory()) throw new KinkproofError('input', `${path} is a folder, not a file`);
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    this.staged.push({ temp, path: target });
    try {
      await writeFile(temp, content, { flag: 'wx' });
    } catch (e) {
      throw failure(e);
    }
  }

  get count(): number {
    return this.staged.length;
  }

  async commit(): Promise<void> {
    try {
      for (const s of this.staged) await rename(s.temp, s.path);
    } catch (e) {
      await this.discard();
      throw failure(e);
    }
  }

  async discard(): Promise<void> {
    await Promise.all(this.staged.map((s) => rm(s.temp, { force: true })));
  }
}

export async function writeAtomically(outputs: readonly FileOutput[]): Promise<void> {
  const files = new StagedFiles();
  try {
    for (const o of outputs) await files.stage(o.path, o.content);
  } catch (e) {
    await files.discard();
    throw e;
  }
  await files.commit();
}
