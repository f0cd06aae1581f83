import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir, write } from "./helpers.js";

/** End to end through the built CLI: discovery of manifests, the prefilter, SARIF security tags, the size bound. */
describe("vulnerable-sdk from the CLI", () => {
  const project = (): string => {
    const dir = tempDir();
    write(dir, "server/package.json", `{\n  "dependencies": { "@modelcontextprotocol/sdk": "^1.20.0" }\n}\n`);
    write(dir, "server/package-lock.json", `{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/@modelcontextprotocol/sdk": { "version": "1.25.3" }\n  }\n}\n`);
    write(dir, "py/requirements.txt", "mcp==1.22.0\n");
    // Manifests without an MCP SDK, and installed packages: neither reported nor read past the prefilter.
    for (let i = 0; i < 20; i++) write(dir, `packages/p${i}/package.json`, `{"name":"p${i}","dependencies":{"left-pad":"1.0.0"}}`);
    write(dir, "node_modules/@modelcontextprotocol/sdk/package.json", `{"name":"@modelcontextprotocol/sdk","version":"1.0.0","dependencies":{"@modelcontextprotocol/sdk":"1.0.0"}}`);
    return dir;
  };

  it("finds the lockfile's resolved version and the requirement pin, located, in a walked folder", () => {
    const r = runCli(["-f", "json", "."], { cwd: project() });
    const results = JSON.parse(r.stdout) as Array<{ filePath?: string; file?: string; messages?: unknown[]; findings?: Array<{ ruleId: string; line: number; column: number }> }>;
    const flat = JSON.stringify(results);
    expect(flat).toContain("server/package-lock.json");
    expect(flat).toContain("py/requirements.txt");
    expect(flat).not.toContain("packages/p");
    expect(flat).not.toContain("node_modules/@modelcontextprotocol/sdk/package.json");
    expect(flat).toContain("GHSA-345p-7cg4-v4c7");
    expect(flat).toContain("GHSA-9h52-p55h-vw2f");
    expect(r.status).toBe(0); // warnings only
  });

  it("SARIF: the rule is a security rule with a security-severity", () => {
    const r = runCli(["-f", "sarif", "."], { cwd: project() });
    const sarif = JSON.parse(r.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; properties?: Record<string, unknown> }> } }; results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }> }> }> };
    const rule = sarif.runs[0]!.tool.driver.rules.find((x) => x.id === "vulnerable-sdk")!;
    expect(rule.properties?.tags).toContain("security");
    expect(rule.properties?.["security-severity"]).toBe("7.1");
    const lock = sarif.runs[0]!.results.filter((x) => x.ruleId === "vulnerable-sdk").map((x) => x.locations[0]!.physicalLocation.region);
    expect(lock).toContainEqual({ startLine: 4, startColumn: 60, endLine: 4, endColumn: 68 });
  });

  it("a lockfile over the read limit is an info finding, not an error", () => {
    const dir = tempDir();
    write(dir, "package-lock.json", `{"lockfileVersion":3,"packages":{"":{}},"pad":"${"x".repeat(11 * 1024 * 1024)}"}`);
    write(dir, "ws/pnpm-lock.yaml", `lockfileVersion: '9.0'\n# ${"x".repeat(11 * 1024 * 1024)}\n`);
    const r = runCli(["-f", "json", "."], { cwd: dir });
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ severity: number; message: string }> }>;
    for (const file of ["package-lock.json", "ws/pnpm-lock.yaml"]) {
      const messages = results.find((x) => x.filePath.endsWith(file))!.messages;
      expect(messages.map((m) => [m.severity, m.message.includes("larger than 10 MB")]), file).toEqual([[1, true]]);
    }
    expect(r.stdout).not.toContain("xxxx");
  });

  it("pnpm-lock.yaml, yarn.lock and bun.lock in a walked tree: located; other lockfiles dropped; a link out of the tree not followed", () => {
    const dir = tempDir();
    write(dir, "a/pnpm-lock.yaml", "lockfileVersion: '9.0'\n\npackages:\n\n  '@modelcontextprotocol/sdk@1.23.0':\n    resolution: {integrity: sha512-x}\n");
    write(dir, "b/yarn.lock", '# yarn lockfile v1\n\n\n"@modelcontextprotocol/sdk@^1.0.0":\n  version "1.0.0"\n');
    write(dir, "c/bun.lock", '{\n  "lockfileVersion": 1,\n  "packages": {\n    "@modelcontextprotocol/sdk": ["@modelcontextprotocol/sdk@1.25.3", "", {}, "sha512-x"],\n  },\n}\n');
    write(dir, "d/pnpm-lock.yaml", "lockfileVersion: '9.0'\n\npackages:\n\n  left-pad@1.0.0:\n    resolution: {integrity: sha512-x}\n");
    const outside = tempDir();
    write(outside, "yarn.lock", '"@modelcontextprotocol/sdk@^1.0.0":\n  version "1.0.0"\n');
    write(dir, "e/package.json", "{}");
    symlinkSync(join(outside, "yarn.lock"), join(dir, "e/yarn.lock"));
    const r = runCli(["-f", "json", "."], { cwd: dir });
    expect(r.stderr).toBe("");
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number; line: number; column: number; message: string }> }>;
    const byFile = Object.fromEntries(results.filter((x) => x.messages.length > 0).map((x) => [x.filePath.slice(dir.length + 1), x.messages.map((m) => [m.ruleId, m.severity, m.line, m.column])]));
    expect(byFile).toEqual({
      "a/pnpm-lock.yaml": [["vulnerable-sdk", 1, 5, 30]],
      "b/yarn.lock": [["vulnerable-sdk", 1, 5, 11]],
      "c/bun.lock": [["vulnerable-sdk", 1, 4, 62]],
      "e/yarn.lock": [["read-error", 1, 1, 1]], // info (1 in this format, as warnings; an error would be 2)
    });
    const link = results.find((x) => x.filePath.endsWith("e/yarn.lock"))!.messages[0]!;
    expect(link.message).toContain("symbolic link to a path outside the project, so it was not followed. The MCP SDK version it resolves was not checked");
    expect(r.status).toBe(0);
  });
});
