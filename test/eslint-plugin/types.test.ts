import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

/** A user's typed eslint.config.ts (test/fixtures/eslint-plugin/types) type-checks against the emitted .d.ts. */

const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const DIR = join(ROOT, "test/fixtures/eslint-plugin/types");

describe.each([
  ["ESLint 10", "tsconfig.json"],
  ["ESLint 9", "tsconfig.eslint9.json"],
])("eslint.config.ts with %s types", (_name, tsconfig) => {
  // The fixture's `@ts-expect-error` on `mcpLint.configs.nope` makes this fail if the types degrade to `any`.
  it("type-checks, and an unknown config name is a type error", () => {
    const r = spawnSync(process.execPath, [TSC, "-p", join(DIR, tsconfig), "--pretty", "false"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 120_000);
});
