import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readmeBlock, repoEnv, ROOT, runIn } from "./helpers.js";

/**
 * The README's husky + lint-staged setup, for real: `npx husky init`, the README's lint-staged config in
 * package.json, `npx lint-staged` as the pre-commit hook, and `git commit`. The project's node_modules is this
 * repository's, so `mcp-lint` is the workspace's command.
 */

let temp: string;
let env: Record<string, string>;

function run(command: string, args: string[]): { status: number | null; output: string } {
  return runIn(temp, env, command, args);
}

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "mcp-lint-lint-staged-"));
  env = repoEnv({ NO_COLOR: "1" });
  expect(run("git", ["init", "-q", "-b", "main"]).status).toBe(0);
  symlinkSync(join(ROOT, "node_modules"), join(temp, "node_modules"), "dir");
  const config = JSON.parse(readmeBlock("lint-staged")) as Record<string, unknown>;
  writeFileSync(join(temp, "package.json"), JSON.stringify({ name: "app", private: true, scripts: {}, ...config }, null, 2) + "\n");
  writeFileSync(join(temp, ".gitignore"), "node_modules\n");
  const init = run("npx", ["--no-install", "husky", "init"]);
  expect(init.status, init.output).toBe(0);
  writeFileSync(join(temp, ".husky/pre-commit"), "npx lint-staged\n");
});

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe("husky + lint-staged with the README's config", () => {
  it("refuses a commit that stages a broken MCP config, with the located finding", () => {
    writeFileSync(join(temp, ".mcp.json"), '{\n  "mcpServers": {\n    "fs": { "command": "npx", "args": ["-y", "pkg"] },\n  }\n}\n');
    run("git", ["add", "-A"]);
    const r = run("git", ["commit", "-m", "broken"]);
    expect(r.status, r.output).toBe(1);
    expect(r.output).toMatch(/^\.mcp\.json$/m);
    expect(r.output).toMatch(/^\s+3:54\s+error\s+Trailing commas .*\bstrict-json$/m);
    expect(run("git", ["rev-parse", "--verify", "HEAD"]).status).not.toBe(0);
  });

  it("lets the commit through once the config is fixed, and skips files that are not MCP", () => {
    writeFileSync(join(temp, ".mcp.json"), '{\n  "mcpServers": {\n    "fs": { "command": "npx", "args": ["-y", "pkg"] }\n  }\n}\n');
    mkdirSync(join(temp, "src"));
    writeFileSync(join(temp, "src/util.ts"), "export const one = 1;\n");
    run("git", ["add", "-A"]);
    const r = run("git", ["commit", "-m", "fixed"]);
    expect(r.status, r.output).toBe(0);
    expect(run("git", ["log", "--format=%s"]).output.trim()).toBe("fixed");
  });
});
