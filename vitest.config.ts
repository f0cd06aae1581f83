import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous on purpose: a test is never timed against a deadline a loaded CI machine can miss; this only ends a hang.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "threads",
  },
});
