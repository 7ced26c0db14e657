/** The KinkproofError that `work` throws; any other outcome (another error, or none) fails the test. */
import { KinkproofError } from '../src/diagnostics.js';

export function thrownKinkproofError(work: () => unknown): KinkproofError {
  try {
    work();
  } catch (e) {
    if (e instanceof KinkproofError) return e;
    throw e;
  }
  throw new Error('no error');
}
