import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, read, ROOT, runCli, tempDir, write } from "./helpers.js";

/** Issue 13, item 3: after "--", every argument is a path (what the pre-commit hook relies on). */
describe('arguments after "--" are paths', () => {
  const OPTION_LIKE = ["--print-config=a.json", "--output-file=victim.json", "-f", "--fix", "--suppress-all"];
  const CONFIG = '{ "mcpServers": { "x": { "command": "npx", "args": ["pkg@1.0.0"] } } }\n';

  it.each([
    ["the package bin", BIN],
    ["the bundle dist/cli.js (the pre-commit hook's bin)", join(ROOT, "dist/cli.js")],
  ])("%s lints files named like options as files, and writes nothing", (_label, bin) => {
    const dir = tempDir();
    for (const name of OPTION_LIKE) write(dir, name.replace(/^-f$/, "-f.mcp.json"), CONFIG);
    write(dir, "victim.json", '{ "keep": true }\n');
    const names = OPTION_LIKE.map((n) => n.replace(/^-f$/, "-f.mcp.json"));
    const before = readdirSync(dir).sort();
    // npx-yes (an info outside recommended) on as a warning: each linted file then has exactly one finding.
    const r = runCli(["--no-warn-ignored", "--rule", "npx-yes:warning", "-f", "json", "--", ...names], { cwd: dir, bin });
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    // The .json ones are MCP configs by content and are linted; "--fix" and "--suppress-all" (no extension) are
    // files of no known format, skipped quietly: neither fixes nor writes a baseline.
    expect(results.map((x) => x.filePath.slice(dir.length + 1)).sort()).toEqual(names.filter((n) => n.endsWith(".json")).sort());
    for (const x of results) expect(x.messages.map((m) => m.ruleId)).toEqual(["npx-yes"]);
    expect(readdirSync(dir).sort()).toEqual(before);
    for (const name of names) expect(read(dir, name)).toBe(CONFIG);
    expect(read(dir, "victim.json")).toBe('{ "keep": true }\n');
    expect(existsSync(join(dir, "a.json"))).toBe(false);
  });

  it('an option before "--" still applies', () => {
    const dir = tempDir();
    write(dir, ".mcp.json", CONFIG);
    const r = runCli(["-f", "json", "--", ".mcp.json"], { cwd: dir });
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(1);
  });
});
