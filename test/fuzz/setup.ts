/**
 * Loaded before every test file (vitest.config.ts, setupFiles): a fast-check
 * property that does not pass its own seed runs with this one, so every
 * property test in the suite is reproducible. The fuzzers pass their own
 * (KINKPROOF_FUZZ_SEED).
 */
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261130 });
