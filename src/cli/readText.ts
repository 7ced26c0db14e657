/** Reading a user's text file for a command: one-line errors naming the file, and a size limit. */
import { readFileSync } from 'node:fs';
import { KinkproofError } from '../diagnostics.js';

export function readTextFile(file: string, maxBytes: number): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new KinkproofError('input', `cannot read ${file}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : ''}`);
  }
  if (text.length > maxBytes) throw new KinkproofError('limit', `${file}: larger than ${maxBytes} bytes`);
  return text;
}
