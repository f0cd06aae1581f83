import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isolatedConfig, ROOT, runAction, tempDir, write } from "./helpers.js";

const NPX = '{"mcpServers": {\n  "a": {"command": "npx", "args": ["pkg@1.0.0"]}\n}}\n';

/** A monorepo workspace: a root config (npx-yes a warning), packages/api with its own (an error), packages/web without. */
function workspace(): string {
  const ws = tempDir();
  mkdirSync(join(ws, ".git"));
  write(ws, "mcp-lint.config.json", isolatedConfig());
  write(ws, ".mcp.json", NPX);
  write(ws, "packages/api/.mcp.json", NPX);
  write(ws, "packages/api/mcp-lint.config.json", '{ "rules": { "npx-yes": "error" } }\n');
  write(ws, "packages/web/.mcp.json", NPX);
  return ws;
}

describe("working-directory input (through dist/index.js)", () => {
  it("lints only that folder, with each file's nearest config, and annotates paths relative to the workspace", () => {
    const ws = workspace();
    const run = runAction(ws, { inputs: { "working-directory": "packages/api", "sarif-file": "out/report.sarif" } });
    const annotations = run.commands.filter((c) => ["error", "warning", "notice"].includes(c.command) && c.properties.file);
    expect(annotations.map((a) => `${a.command} ${a.properties.file}:${a.properties.line}`)).toEqual(["error packages/api/.mcp.json:2"]);
    expect(run.outputs.errors).toBe("1");
    expect(run.stdout).toContain("configs: mcp-lint.config.json, packages/api/mcp-lint.config.json");
    // SARIF stays relative to the workspace (code scanning resolves it from the repository root).
    const sarif = JSON.parse(readFileSync(join(ws, "out/report.sarif"), "utf8")) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expect(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(["packages/api/.mcp.json"]);
    expect(run.status).toBe(1);
  });

  it("takes paths and config relative to it; the root config applies under a package without one", () => {
    const ws = workspace();
    write(ws, "packages/web/ci.json", '{ "rules": { "npx-yes": "error" } }\n');
    const web = runAction(ws, { inputs: { "working-directory": "packages/web", paths: ".mcp.json" } });
    expect(web.commands.filter((c) => c.command === "warning").map((c) => c.properties.file)).toEqual(["packages/web/.mcp.json"]);
    expect(web.status).toBe(0);
    const configured = runAction(ws, { inputs: { "working-directory": "packages/web", config: "ci.json" } });
    expect(configured.commands.filter((c) => c.command === "error" && c.properties.file).map((c) => c.properties.file)).toEqual(["packages/web/.mcp.json"]);
  });

  it("uses the suppressions file in the working directory", () => {
    const ws = workspace();
    // Written by the real CLI, run in that folder.
    const cli = spawnSync(process.execPath, [join(ROOT, "packages/cli/bin/mcp-lint.js"), "--suppress-all"], { cwd: join(ws, "packages/api"), encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(readFileSync(join(ws, "packages/api/mcp-lint-suppressions.json"), "utf8")).toContain('".mcp.json"');
    const run = runAction(ws, { inputs: { "working-directory": "packages/api" } });
    expect(run.outputs.errors).toBe("0");
    expect(run.stdout).toContain("1 error accepted by the suppressions file packages/api/mcp-lint-suppressions.json");
    expect(run.status).toBe(0);
  });

  it("refuses a folder outside the workspace, through a link too, or one that does not exist", () => {
    const ws = workspace();
    const outside = tempDir();
    write(outside, ".mcp.json", NPX);
    symlinkSync(outside, join(ws, "linked"));
    for (const [dir, why] of [
      ["../", "is outside the workspace"],
      ["linked", "is outside the workspace"],
      ["nope", "is not a folder in the workspace"],
      [".mcp.json", "is not a folder in the workspace"],
    ] as const) {
      const run = runAction(ws, { inputs: { "working-directory": dir } });
      expect(run.status).toBe(1);
      expect(run.commands.find((c) => c.command === "error")?.message).toBe(`mcp-lint: Input "working-directory": "${dir}" ${why}${why.startsWith("is outside") ? "; give a folder inside it." : "."}`);
    }
  });
});
