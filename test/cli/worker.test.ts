import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir, write } from "./helpers.js";

/**
 * Large runs are shared with a worker thread when a core is free; the bundles start dist/lint-worker.js, which the
 * build emits next to dist/cli.js. Which threads ran is read from Node's CPU profiles (one file per thread).
 */
describe("the worker thread of the bundled CLI", () => {
  it("is started for a large run only when allowed, and gives the same report as the main thread alone", () => {
    const dir = tempDir();
    for (let i = 0; i < 2100; i++) {
      // Every fifth lacks -y and a version (npx-yes, an info outside recommended, is turned on below for that).
      const args = i % 5 === 0 ? `["pkg-${i}"]` : `["-y", "pkg-${i}@1.0.${i}"]`;
      write(dir, `p${Math.floor(i / 100)}/project-${i}/.mcp.json`, `{ "mcpServers": { "s": { "command": "npx", "args": ${args} } } }\n`);
    }
    const run = (worker: "0" | "1") => {
      const prof = join(dir, `.prof-${worker}`);
      const r = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", prof, join(ROOT, "dist/cli.js"), ".", "--no-config-lookup", "--rule", "npx-yes:warning", "--format", "json"], {
        cwd: dir,
        env: { ...process.env, MCP_LINT_WORKER: worker, NO_COLOR: "1" },
        encoding: "utf8",
        maxBuffer: 64 << 20,
      });
      return { status: r.status, stderr: r.stderr, stdout: r.stdout, threads: readdirSync(prof).length };
    };
    const alone = run("0");
    const shared = run("1");
    expect(alone.stderr).toBe("");
    expect(shared.stderr).toBe("");
    expect(alone.threads).toBe(1);
    expect(shared.threads).toBe(2);
    expect(shared.status).toBe(alone.status);
    expect(shared.stdout).toBe(alone.stdout);
    const report = JSON.parse(alone.stdout) as Array<{ messages: unknown[] }>;
    expect(report.length).toBe(2100);
    expect(report.filter((r) => r.messages.length > 0).length).toBe(420);
  });
});
