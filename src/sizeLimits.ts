/**
 * The largest matrix kinkproof works with, one number for every layer: `--shape`
 * and `--const` accept at most this many entries, and the verifier allocates
 * buffers of at most this many doubles (128 MB each).
 */
export const MAX_ENTRIES = 16_000_000;
