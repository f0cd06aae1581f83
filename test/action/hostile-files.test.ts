import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isolatedConfig, npxServers, runAction, tempDir, write } from "./helpers.js";

// The Action bundle (dist/index.js) on a workspace with committed links and special files (issue 13), with real
// GITHUB_* files. A hang guard kills a run that does not finish (a failure); no time is asserted.
const HANG_GUARD_MS = 120_000;

function workspace(): { ws: string; outside: string } {
  const ws = tempDir();
  mkdirSync(join(ws, ".git"));
  write(ws, "mcp-lint.config.json", isolatedConfig({ rules: { "npx-yes": "error" } }));
  write(ws, ".mcp.json", npxServers(1));
  return { ws, outside: tempDir("mcp-lint-outside-") };
}

describe("the Action on committed links and special files", () => {
  it("sarif-file through a committed folder link out of the workspace: refused, nothing written outside", () => {
    const { ws, outside } = workspace();
    symlinkSync(outside, join(ws, "reports"));
    const run = runAction(ws, { inputs: { "sarif-file": "reports/mcp-lint.sarif" }, killAfterMs: HANG_GUARD_MS });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Input "sarif-file": cannot write "reports/mcp-lint.sarif" (it is outside the project, or a symbolic link in its path leads outside)');
    expect(existsSync(join(outside, "mcp-lint.sarif"))).toBe(false);
  });

  it("sarif-file that is a committed link to a file outside: not written through", () => {
    const { ws, outside } = workspace();
    const victim = write(outside, "victim.txt", "precious\n");
    symlinkSync(victim, join(ws, "mcp-lint.sarif"));
    const run = runAction(ws, { inputs: { "sarif-file": "mcp-lint.sarif" }, killAfterMs: HANG_GUARD_MS });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("it is a symbolic link, which is not written through");
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
  });

  it("a .gitignore linked to /dev/zero and config files that are a FIFO or a link out: located annotations, the run completes", () => {
    const { ws, outside } = workspace();
    symlinkSync("/dev/zero", join(ws, ".gitignore"));
    mkdirSync(join(ws, ".cursor"));
    execFileSync("mkfifo", [join(ws, ".cursor", "mcp.json")]);
    mkdirSync(join(ws, ".vscode"));
    symlinkSync(write(outside, "mcp.json", '{"servers": {"x": {"command": "outside-secret-value"}}}'), join(ws, ".vscode", "mcp.json"));
    const run = runAction(ws, { inputs: { "sarif-file": "out/mcp-lint.sarif" }, killAfterMs: HANG_GUARD_MS });
    expect(run.status).toBe(1);
    const errors = run.commands.filter((c) => c.command === "error").map((c) => [c.properties.file, c.properties.line, c.properties.col]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [".cursor/mcp.json", "1", "1"],
        [".vscode/mcp.json", "1", "1"],
        [".mcp.json", expect.any(String), expect.any(String)],
      ]),
    );
    expect(run.stdout + run.summary + readFileSync(join(ws, "out/mcp-lint.sarif"), "utf8")).not.toContain("outside-secret-value");
  });
});
