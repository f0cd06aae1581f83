import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, parseJsonOutput, read, runCli, write, writeConfig } from "./helpers.js";

const UNUSED =
  "There are suppressions left that do not occur anymore. To resolve this, re-run the command with `--prune-suppressions` to remove unused suppressions. To ignore unused suppressions, use `--pass-on-unpruned-suppressions`.\n";

function brokenProject(): string {
  const dir = copyFixture("broken");
  writeConfig(dir);
  return dir;
}

describe("suppressions flow", () => {
  it("--suppress-all, rerun clean, fix, unused reported, --prune-suppressions", () => {
    const dir = brokenProject();
    expect(runCli([], { cwd: dir }).status).toBe(1);

    // 1. Record the current errors: the run itself then passes.
    expect(runCli(["--suppress-all"], { cwd: dir })).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(read(dir, "mcp-lint-suppressions.json")).toBe('{\n  ".mcp.json": {\n    "syntax": {\n      "": 1\n    }\n  }\n}\n');

    // 2. Later runs apply the file by themselves; suppressed errors are neither shown nor counted.
    expect(runCli([], { cwd: dir })).toEqual({ status: 0, stdout: "", stderr: "" });
    const json = parseJsonOutput(runCli(["-f", "json"], { cwd: dir }).stdout);
    expect(json[0]!.messages).toEqual([]);
    expect(json[0]!.errorCount).toBe(0);
    expect(json[0]!.suppressedMessages).toEqual([
      expect.objectContaining({ ruleId: "syntax", severity: 2, line: 3, column: 30, suppressions: [{ kind: "file", justification: "" }] }),
    ]);

    // A new error in another file is still reported.
    write(dir, ".cursor/mcp.json", '{ "mcpServers": { }');
    expect(runCli([], { cwd: dir }).status).toBe(1);
    write(dir, ".cursor/mcp.json", '{ "mcpServers": {} }\n');

    // 3. Fix the config: the suppression is now unused, which fails the run (exit 2) as in ESLint.
    write(dir, ".mcp.json", read(dir, ".mcp.json").replace('"node" "args"', '"node", "args"'));
    expect(runCli([], { cwd: dir })).toEqual({ status: 2, stdout: "", stderr: UNUSED });
    expect(runCli(["--pass-on-unpruned-suppressions"], { cwd: dir })).toEqual({ status: 0, stdout: "", stderr: "" });
    // Unused entries only count for files linted in this run.
    expect(runCli([".cursor/mcp.json"], { cwd: dir }).status).toBe(0);

    // 4. Prune.
    expect(runCli(["--prune-suppressions"], { cwd: dir })).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(read(dir, "mcp-lint-suppressions.json")).toBe("{}\n");
    expect(runCli([], { cwd: dir })).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("more errors than recorded: all of them are reported", () => {
    const dir = copyFixture("project");
    writeConfig(dir, { rules: { "npx-yes": "error" } });
    expect(runCli(["--suppress-all", ".mcp.json"], { cwd: dir }).status).toBe(0);
    expect(JSON.parse(read(dir, "mcp-lint-suppressions.json"))).toEqual({ ".mcp.json": { "npx-yes": { "/mcpServers/files/command": 1 } } });
    // A second server without -y: a new key, reported; the recorded one stays suppressed.
    write(dir, ".mcp.json", read(dir, ".mcp.json").replace('"-y",', ""));
    const r = runCli(["-f", "json", ".mcp.json"], { cwd: dir });
    expect(r.status).toBe(1);
    const [result] = parseJsonOutput(r.stdout);
    expect(result!.messages.map((m) => m.line)).toEqual([8]);
    expect(result!.suppressedMessages.map((m) => m.line)).toEqual([4]);
  });

  it("warnings are not suppressed (as in ESLint)", () => {
    const dir = copyFixture("project");
    writeConfig(dir);
    expect(runCli(["--suppress-all"], { cwd: dir }).status).toBe(0);
    expect(read(dir, "mcp-lint-suppressions.json")).toBe("{}\n");
    expect(runCli(["--max-warnings", "0"], { cwd: dir }).status).toBe(1);
  });

  it("--suppressions-location: keys are relative to that file's folder", () => {
    const dir = brokenProject();
    expect(runCli(["--suppress-all", "--suppressions-location", "lint/baseline.json"], { cwd: dir }).status).toBe(0);
    expect(JSON.parse(read(dir, "lint/baseline.json"))).toEqual({ "../.mcp.json": { syntax: { "": 1 } } });
    expect(existsSync(join(dir, "mcp-lint-suppressions.json"))).toBe(false);
    expect(runCli(["--suppressions-location", "lint/baseline.json"], { cwd: dir }).status).toBe(0);
    expect(runCli([], { cwd: dir }).status).toBe(1);
  });

  it("a suppressions file that cannot be used exits 2 with the OS code", () => {
    const dir = brokenProject();
    write(dir, "blocker", "a file where a folder should be");
    const r = runCli(["--suppress-all", "--suppressions-location", "blocker/baseline.json"], { cwd: dir });
    expect(r).toEqual({ status: 2, stdout: "", stderr: `mcp-lint: ${join(dir, "blocker/baseline.json")}:1:1: Cannot read the suppressions file (ENOTDIR).\n` });
  });

  it("a broken suppressions file exits 2 with its location", () => {
    const dir = brokenProject();
    write(dir, "mcp-lint-suppressions.json", '{ ".mcp.json": { "syntax": { "": "one" } } }');
    const r = runCli([], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`mcp-lint: ${join(dir, "mcp-lint-suppressions.json")}:1:34: A suppression count must be a positive whole number.\n`);
  });
});
