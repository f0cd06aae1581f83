import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const PROJECT = join(ROOT, "test/fixtures/eslint-plugin/project");
export const CLI_BIN = join(ROOT, "packages/cli/bin/mcp-lint.js");
/** The two ESLint majors the plugin supports: 10 is the workspace's `eslint`, 9 the `eslint9` npm alias. */
export const ESLINT_BINS = {
  "ESLint 10": join(ROOT, "node_modules/eslint/bin/eslint.js"),
  "ESLint 9": join(ROOT, "node_modules/eslint9/bin/eslint.js"),
} as const;

// The tests load the plugin as users do, by its package name (the workspace link to packages/eslint-plugin/dist).
if (!existsSync(join(ROOT, "packages/eslint-plugin/dist/index.js")) || !existsSync(join(ROOT, "packages/cli/dist/cli.js"))) {
  throw new Error("The ESLint plugin or the CLI is not built: run `npx tsc -b` before these tests.");
}
