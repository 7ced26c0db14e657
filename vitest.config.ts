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
  },
});
