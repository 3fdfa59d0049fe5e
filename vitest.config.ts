import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A test that lets kd print to the real stdout or stderr fails, instead of leaving kd's output among the test lines.
    setupFiles: ['tests/quiet.ts'],
    // The CLI tests spawn the built bin once; give slow CI machines room.
    testTimeout: 30_000,
    // Both cores: the install test spends most of its minute in npm, the rest of the suite meanwhile runs beside it.
    maxWorkers: 2,
  },
});
