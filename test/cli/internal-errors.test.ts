import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseJsonOutput, ROOT, runCli, tempDir, write, writeConfig } from "./helpers.js";

// Inputs that used to end in an internal error, a stack overflow or NaN:NaN locations (issue 13): each is a located
// finding or a clear message, and the other files' results are still reported.

const require = createRequire(join(ROOT, "packages/core/package.json"));
const { id, $schema: _draft, ...schema } = JSON.parse(readFileSync(join(ROOT, "test/fixtures/sarif-schema-2.1.0.json"), "utf8")) as Record<string, unknown>;
const { Ajv } = require("ajv") as { Ajv: new (o: Record<string, unknown>) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } } };
const addFormats = require("ajv-formats") as (ajv: unknown) => void;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile({ $id: id, ...schema });

const OK = '{ "mcpServers": { "a": { "command": "npx", "args": ["pkg@1.0.0"] } } }\n';
const SERVER = 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\n';

function project(files: Record<string, string>): string {
  const dir = tempDir();
  writeConfig(dir, { rules: { "npx-yes": "error", "valid-schema": "error", "server-shape": "error", "no-stdout-in-stdio-server": "error" } });
  write(dir, "ok/.mcp.json", OK);
  for (const [name, text] of Object.entries(files)) write(dir, name, text);
  return dir;
}

/** Every finding located (line and column >= 1, within the file's lines), never an internal error. */
function expectLocated(dir: string, stdout: string): void {
  for (const result of parseJsonOutput(stdout)) {
    const lines = readFileSync(result.filePath, "utf8").split(/\r\n|\r|\n/);
    for (const m of result.messages) {
      expect(m.ruleId).not.toBe("internal-error");
      expect(m.line).toBeGreaterThanOrEqual(1);
      expect(m.column).toBeGreaterThanOrEqual(1);
      expect(m.line).toBeLessThanOrEqual(lines.length);
      expect(m.column).toBeLessThanOrEqual(lines[m.line - 1]!.length + 1);
    }
  }
  expect(parseJsonOutput(stdout).find((r) => r.filePath === join(dir, "ok/.mcp.json"))?.messages.map((m) => m.ruleId)).toEqual(["npx-yes"]);
}

describe("YAML that used to crash the parser", () => {
  it("!!omap and !!pairs are read as the sequences of one-key maps they are written as", () => {
    const dir = project({
      ".continue/mcpServers/omap.yaml": "name: a\nversion: 0.0.1\nschema: v1\nmcpServers: !!omap\n  - srv:\n      command: npx\n",
      ".continue/mcpServers/pairs.yaml": "name: b\nversion: 0.0.1\nschema: v1\nmcpServers: !!pairs\n  - srv: {command: npx}\n",
    });
    const r = runCli(["-f", "json"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expectLocated(dir, r.stdout);
    const omap = parseJsonOutput(r.stdout).find((f) => f.filePath.endsWith("omap.yaml"))!;
    expect(omap.messages.length).toBeGreaterThan(0);
    expect(omap.messages.every((m) => m.line >= 5)).toBe(true);
  });

  it("YAML nested 600 and 20,000 levels deep: a located syntax finding", () => {
    const deep = (n: number) => `name: x\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: a\n    command: ${"[".repeat(n)}${"]".repeat(n)}\n`;
    const dir = project({ ".continue/mcpServers/d600.yaml": deep(600), ".continue/mcpServers/d20k.yaml": deep(20_000) });
    const r = runCli(["-f", "json"], { cwd: dir });
    expect(r.status).toBe(1);
    expectLocated(dir, r.stdout);
    const byFile = (name: string) => parseJsonOutput(r.stdout).find((f) => f.filePath.endsWith(name))!.messages;
    expect(byFile("d600.yaml")).toEqual([expect.objectContaining({ ruleId: "syntax", line: 6, message: expect.stringContaining("nested more than 500 levels deep") })]);
    expect(byFile("d20k.yaml")).toEqual([expect.objectContaining({ ruleId: "syntax", message: expect.stringContaining("nested more than 500 levels deep") })]);
  });
});

describe("deep JS/TS nesting", () => {
  it("a parser stack overflow is a syntax finding at 1:1, and the SARIF log passes its schema", () => {
    const dir = project({ "server.ts": `${SERVER}const x = ${"(".repeat(5_000)}1${")".repeat(5_000)};\nconsole.log(x);\n` });
    const r = runCli(["-f", "json"], { cwd: dir });
    expect(r.status).toBe(1);
    expectLocated(dir, r.stdout);
    const code = parseJsonOutput(r.stdout).find((f) => f.filePath.endsWith("server.ts"))!.messages;
    expect(code).toEqual([expect.objectContaining({ ruleId: "syntax", line: 1, column: 1, message: expect.stringContaining("nested too deeply") })]);
    const sarif = runCli(["-f", "sarif"], { cwd: dir });
    expect(sarif.stdout).not.toContain("NaN");
    const log = JSON.parse(sarif.stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
  });
});

describe("config globs", () => {
  it("a 64 KiB glob in ignores is a located config error, not an internal error", () => {
    const dir = project({});
    write(dir, "mcp-lint.config.json", `{\n  "ignores": [\n    "${"a".repeat(65_536)}"\n  ]\n}\n`);
    const r = runCli([], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/mcp-lint\.config\.json:3:5: This glob is 65536 characters long: at most 4096 are accepted/);
    expect(r.stderr).not.toContain("internal error");
    expect(r.stderr.length).toBeLessThan(500);
  });
});
