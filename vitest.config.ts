import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous on purpose: a test is never timed against a deadline a loaded CI machine can miss; this only ends a hang.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "threads",
    // Most test files wait on child processes (the built CLI, the Action bundle, MCP servers, eslint, pre-commit), so
    // a worker per core leaves cores idle: on a 2-core machine 4 workers took the suite from 7.5 to 4.9 minutes.
    maxWorkers: Math.max(4, availableParallelism()),
  },
});
