import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // A guard against a hang, not a speed check: the command-line tests start several
    // processes each, and a busy 2-core machine has taken over 30 s for them.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Two cores: keep Chromium and SQLite fsyncs from starving each other.
    maxWorkers: 2,
  },
});
