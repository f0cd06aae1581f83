import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, isolatedRules, parseJsonOutput, runCli, write, writeConfig } from "./helpers.js";

function project(config: Record<string, unknown> = {}): string {
  const dir = copyFixture("project");
  writeConfig(dir, config);
  return dir;
}

function findingsByFile(stdout: string, dir: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of parseJsonOutput(stdout)) out[r.filePath.slice(dir.length + 1)] = r.messages.map((m) => `${m.ruleId}:${m.severity}@${m.line}`);
  return out;
}

describe("config file discovery", () => {
  it("finds mcp-lint.config.json upward from the cwd", () => {
    const dir = project({ rules: { "npx-yes": "error" } });
    const r = runCli(["-f", "json"], { cwd: join(dir, "legacy") });
    expect(r.status).toBe(1);
    expect(findingsByFile(r.stdout, join(dir, "legacy"))).toEqual({ ".mcp.json": ["npx-yes:2@3"] });
  });

  it("--no-config-lookup ignores it; --config uses another file", () => {
    const dir = project({ rules: { "npx-yes": "error" } });
    writeConfig(dir, { rules: { "npx-yes": "off" } }, "other/relaxed.json");
    // Without a config every rule is at its default: npx-yes is off by default (an info outside recommended), so the
    // project's "error" setting is what made it appear.
    const none = runCli(["-f", "json", "--no-config-lookup", ".cursor/mcp.json"], { cwd: dir });
    expect(parseJsonOutput(none.stdout)[0]!.messages.filter((m) => m.ruleId === "npx-yes").map((m) => m.severity)).toEqual([]);
    expect(runCli(["-c", "other/relaxed.json", ".cursor/mcp.json"], { cwd: dir })).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("a broken config exits 2 with file:line:column and the reason", () => {
    const dir = project();
    write(dir, "mcp-lint.config.json", '{\n  // JSONC is fine\n  "rules": {\n    "npx-yess": "off",\n  },\n}\n');
    const r = runCli([], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`mcp-lint: ${join(dir, "mcp-lint.config.json")}:4:5: Unknown rule "npx-yess". Did you mean "npx-yes"? Remove it or fix the name.\n`);
  });

  it("a missing --config file exits 2", () => {
    const dir = project();
    const r = runCli(["-c", "nope.json"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`mcp-lint: ${join(dir, "nope.json")}:1:1: The config file was not found: check the path.\n`);
  });
});

describe("ignores", () => {
  it("skips walked files that match", () => {
    const dir = project({ ignores: ["legacy/**"] });
    const r = runCli(["-f", "json"], { cwd: dir });
    expect(Object.keys(findingsByFile(r.stdout, dir))).not.toContain("legacy/.mcp.json");
    expect(Object.keys(findingsByFile(r.stdout, dir))).toContain(".mcp.json");
  });

  it("an explicit file that matches gets ESLint's warning instead of being linted", () => {
    const dir = project({ ignores: ["legacy/"] });
    const r = runCli(["-f", "json", "legacy/.mcp.json"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(parseJsonOutput(r.stdout)[0]!.messages).toEqual([
      {
        ruleId: "file-ignored",
        severity: 1,
        message: 'File ignored because a pattern in "ignores" of mcp-lint.config.json matches it, so it was not linted. Remove the pattern to lint it.',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ]);
    expect(runCli(["--max-warnings", "0", "legacy/.mcp.json"], { cwd: dir }).status).toBe(1);
    expect(runCli(["--no-warn-ignored", "legacy/.mcp.json"], { cwd: dir })).toEqual({ status: 0, stdout: "", stderr: "" });
  });
});

describe("overrides", () => {
  it("apply rule settings to the files they match", () => {
    const dir = project({ overrides: [{ files: ["legacy/**/*.json"], rules: { "npx-yes": "off" } }, { files: [".cursor/*"], rules: { "npx-yes": "error" } }] });
    const r = runCli(["-f", "json"], { cwd: dir });
    const byFile = findingsByFile(r.stdout, dir);
    expect(byFile["legacy/.mcp.json"]).toEqual([]);
    expect(byFile[".cursor/mcp.json"]).toEqual(["npx-yes:2@3"]);
    expect(byFile[".mcp.json"]).toEqual(["npx-yes:1@4"]);
    expect(r.status).toBe(1);
  });

  it("with #pointer, apply only at or below that pointer (and survive edits elsewhere)", () => {
    const dir = project({
      overrides: [{ files: [".mcp.json#/mcpServers/files"], rules: { "npx-yes": "off" }, reason: "vetted" }],
    });
    write(
      dir,
      ".mcp.json",
      '{\n  "mcpServers": {\n    "files": { "command": "npx", "args": ["files-mcp@1.0.0"] },\n    "other": { "command": "npx", "args": ["other-mcp@1.0.0"] }\n  }\n}\n',
    );
    const r = runCli(["-f", "json", ".mcp.json"], { cwd: dir });
    expect(findingsByFile(r.stdout, dir)).toEqual({ ".mcp.json": ["npx-yes:1@4"] });
    // Move the servers around: the suppression follows the pointer, not the line.
    write(
      dir,
      ".mcp.json",
      '{\n  "mcpServers": {\n    "other": { "command": "npx", "args": ["other-mcp@1.0.0"] },\n\n    "files": { "command": "npx", "args": ["files-mcp@1.0.0"] }\n  }\n}\n',
    );
    expect(findingsByFile(runCli(["-f", "json", ".mcp.json"], { cwd: dir }).stdout, dir)).toEqual({ ".mcp.json": ["npx-yes:1@3"] });
  });
});

describe("dialects", () => {
  it("the config's dialects map makes unusual file names MCP configs (walked too)", () => {
    const dir = project({ dialects: { "configs/team-*.json": "cursor" } });
    const r = runCli(["-f", "json"], { cwd: dir });
    expect(findingsByFile(r.stdout, dir)["configs/team-cursor.json"]).toEqual(["npx-yes:1@3"]);
    const printed = JSON.parse(runCli(["--print-config", "configs/team-cursor.json"], { cwd: dir }).stdout) as { dialect: string };
    expect(printed.dialect).toBe("cursor");
  });

  it("--dialect forces the dialect of explicit files; an unknown one exits 2", () => {
    const dir = project();
    const printed = JSON.parse(runCli(["--dialect", "vscode", "--print-config", ".mcp.json"], { cwd: dir }).stdout) as { dialect: string };
    expect(printed.dialect).toBe("vscode");
    const bad = runCli(["--dialect", "cursr", ".mcp.json"], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^mcp-lint: Unknown dialect "cursr"\. Did you mean "cursor"\?/);
  });
});

describe("--print-config", () => {
  it("prints the dialect and the effective rules of a file as JSON", () => {
    const dir = project({
      rules: { "npx-yes": "error" },
      overrides: [{ files: [".mcp.json#/mcpServers/files"], rules: { "npx-yes": "off" } }],
    });
    const r = runCli(["--print-config", ".mcp.json", "--rule", "syntax:warn"], { cwd: dir });
    expect(r.status).toBe(0);
    const expectedRules = Object.fromEntries(
      Object.entries(isolatedRules({ "npx-yes": "error", syntax: "warning" })).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    expect(JSON.parse(r.stdout)).toEqual({
      file: ".mcp.json",
      configFile: join(dir, "mcp-lint.config.json"),
      configFiles: [join(dir, "mcp-lint.config.json")],
      ignored: false,
      dialect: "claude-code",
      dialectReason: "its path is where Claude Code keeps this file",
      rules: expectedRules,
      pointerOverrides: [{ pointer: "/mcpServers/files", rules: { "npx-yes": "off" } }],
    });
  });

  it("works for files that do not exist yet, and says when nothing matches", () => {
    const dir = project({ ignores: ["tmp/**"] });
    const printed = JSON.parse(runCli(["--print-config", "tmp/notes.json"], { cwd: dir }).stdout) as { dialect: unknown; ignored: boolean };
    expect(printed).toMatchObject({ dialect: null, ignored: true });
    expect((JSON.parse(runCli(["--print-config", "x/.cursor/mcp.json"], { cwd: dir }).stdout) as { dialect: string }).dialect).toBe("cursor");
  });
});
