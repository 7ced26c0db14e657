import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/fuzz/setup.ts'],
    // Sized for a busy 2-core machine running two suites side by side, not for speed.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Both cores: the files are independent (each writes only its own temporary folders).
    maxWorkers: 2,
    // One module graph per worker, not per file: no file mocks modules or keeps state another reads
    // (environment stubs are undone after each test), and re-importing the library in every file
    // cost 30 s of a 130 s run.
    isolate: false,
  },
});
