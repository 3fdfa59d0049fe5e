import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests spawn the built bin once; give slow CI machines room.
    testTimeout: 30_000,
  },
});
