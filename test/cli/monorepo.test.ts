import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseJsonOutput, runCli, tempDir, write, writeConfig } from "./helpers.js";

/** One npx-yes finding (line 2) in a Claude Code .mcp.json. */
const NPX = '{"mcpServers": {\n  "a": {"command": "npx", "args": ["pkg@1.0.0"]}\n}}\n';

/** rule:severity@line per file (paths relative to `dir`), from the JSON report. */
function findings(stdout: string, dir: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of parseJsonOutput(stdout)) out[r.filePath.slice(dir.length + 1)] = r.messages.map((m) => `${m.ruleId}:${m.severity}@${m.line}`);
  return out;
}

/** A repository (a `.git` folder) with a root config and packages that have their own. */
function monorepo(): string {
  const dir = tempDir();
  mkdirSync(join(dir, ".git"));
  writeConfig(dir, { rules: { "npx-yes": "warning" }, ignores: ["packages/*/generated/**"] });
  for (const p of ["a", "b", "c"]) write(dir, `packages/${p}/.mcp.json`, NPX);
  write(dir, "packages/a/generated/.mcp.json", NPX);
  write(dir, "packages/b/generated/.mcp.json", NPX);
  // a: its own setting wins over the root's; it also ignores a file of its own.
  write(dir, "packages/a/mcp-lint.config.json", JSON.stringify({ rules: { "npx-yes": "error" }, ignores: ["skip/**"] }));
  write(dir, "packages/a/skip/.mcp.json", NPX);
  write(dir, "packages/b/skip/.mcp.json", NPX);
  // c: root: true, so the root config's rules do not apply there (npx-yes is off by default).
  write(dir, "packages/c/mcp-lint.config.json", JSON.stringify({ root: true, rules: { syntax: "error" } }));
  return dir;
}

describe("config lookup from each file's folder (monorepos)", () => {
  it("each file gets the configs from its folder up to the repository root, the nearest winning; root: true stops the walk", () => {
    const dir = monorepo();
    const r = runCli(["-f", "json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(findings(r.stdout, dir)).toEqual({
      "packages/a/.mcp.json": ["npx-yes:2@2"],
      "packages/b/.mcp.json": ["npx-yes:1@2"],
      // The root config's ignores apply under packages/b; packages/a's own "skip/**" only under packages/a.
      "packages/b/skip/.mcp.json": ["npx-yes:1@2"],
      "packages/c/.mcp.json": [],
    });
    expect(r.status).toBe(1);
  });

  it("gives the same settings whatever folder it runs from, and --print-config lists the configs that apply", () => {
    const dir = monorepo();
    const inA = runCli(["-f", "json", "."], { cwd: join(dir, "packages/a") });
    expect(findings(inA.stdout, join(dir, "packages/a"))).toEqual({ ".mcp.json": ["npx-yes:2@2"] });
    const inB = runCli(["-f", "json", "../a/.mcp.json", "."], { cwd: join(dir, "packages/b") });
    expect(findings(inB.stdout, join(dir, "packages/b"))).toEqual({ ".mcp.json": ["npx-yes:1@2"], "skip/.mcp.json": ["npx-yes:1@2"] });
    expect(parseJsonOutput(inB.stdout).find((f) => f.filePath === join(dir, "packages/a/.mcp.json"))!.messages.map((m) => m.severity)).toEqual([2]);

    const printed = JSON.parse(runCli(["--print-config", "packages/a/.mcp.json"], { cwd: dir }).stdout) as Record<string, unknown>;
    expect(printed.configFiles).toEqual([join(dir, "mcp-lint.config.json"), join(dir, "packages/a/mcp-lint.config.json")]);
    expect(printed.configFile).toBe(join(dir, "packages/a/mcp-lint.config.json"));
    expect((printed.rules as Record<string, unknown>)["npx-yes"]).toBe("error");
    const c = JSON.parse(runCli(["--print-config", "packages/c/.mcp.json"], { cwd: dir }).stdout) as Record<string, unknown>;
    expect(c.configFiles).toEqual([join(dir, "packages/c/mcp-lint.config.json")]);
  });

  it("--config and --no-config-lookup still mean one config (or none) for every file", () => {
    const dir = monorepo();
    write(dir, "ci/strict.json", JSON.stringify({ rules: { "npx-yes": "info" } }));
    const one = runCli(["-f", "json", "-c", "ci/strict.json", "packages"], { cwd: dir });
    const severities = parseJsonOutput(one.stdout).flatMap((f) => f.messages.filter((m) => m.ruleId === "npx-yes").map((m) => m.severity));
    // Every .mcp.json (ignores come from ci/strict.json alone now, which has none): seven files, one finding each.
    expect(severities.length).toBe(7);
    const none = runCli(["-f", "json", "--no-config-lookup", "packages"], { cwd: dir });
    expect(parseJsonOutput(none.stdout).flatMap((f) => f.messages.filter((m) => m.ruleId === "npx-yes"))).toEqual([]);
  });

  it("does not look above the repository root", () => {
    const outer = tempDir();
    writeConfig(outer, { rules: { "npx-yes": "error" } });
    const repo = join(outer, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    write(repo, "pkg/.mcp.json", NPX);
    const r = runCli(["-f", "json"], { cwd: join(repo, "pkg") });
    expect(findings(r.stdout, join(repo, "pkg"))).toEqual({ ".mcp.json": [] });
    expect(r.status).toBe(0);
  });

  it("bounds the walk up a very deep tree", () => {
    const dir = tempDir();
    writeConfig(dir, { rules: { "npx-yes": "error" } });
    const deep = join(dir, ...Array.from({ length: 140 }, () => "d"));
    write(deep, ".mcp.json", NPX);
    write(dir, "d/d/.mcp.json", NPX);
    const r = runCli(["-f", "json"], { cwd: dir });
    const byFile = findings(r.stdout, dir);
    // Near the config: it applies. 140 folders down: the walk stops after 128 folders and the defaults apply.
    expect(byFile["d/d/.mcp.json"]).toEqual(["npx-yes:2@2"]);
    expect(byFile[`${"d/".repeat(140)}.mcp.json`]).toEqual([]);
  });

  it("a package's broken config is a located error; a config that links out of the tree is not read", () => {
    const dir = monorepo();
    write(dir, "packages/b/mcp-lint.config.json", '{\n  "rules": {"npx-yess": "off"}\n}\n');
    const broken = runCli([], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`mcp-lint: ${join(dir, "packages/b/mcp-lint.config.json")}:2:13: Unknown rule "npx-yess"`);

    const fresh = monorepo();
    const elsewhere = tempDir();
    write(elsewhere, "secret.json", '{"rules": {"npx-yes": "off"}}');
    symlinkSync(join(elsewhere, "secret.json"), join(fresh, "packages/b/mcp-lint.config.json"));
    const linked = runCli([], { cwd: fresh });
    expect(linked.status).toBe(2);
    expect(linked.stderr).toMatch(/packages\/b\/mcp-lint\.config\.json/);
    expect(linked.stderr).not.toMatch(/secret\.json|npx-yes/);
  });
});
