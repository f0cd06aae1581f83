import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, read, runCli, tempDir, write } from "./helpers.js";

/** Issue 13, item 7: the smaller findings of the hostile-repository review, each through the real CLI. */

const NPX_YES_ON = '{ "rules": { "npx-yes": "warning" } }\n';

describe("hostile inputs (issue 13, item 7)", () => {
  it("a YAML alias of a whole server is reported once and fixed once", () => {
    const dir = tempDir();
    // npx-yes (an info outside recommended since issue 12) on as a warning: the finding this test looks at.
    write(dir, "mcp-lint.config.json", NPX_YES_ON);
    const yaml = "name: a\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - &srv\n    name: one\n    command: npx\n    args: [some-pkg@1.0.0]\n  - *srv\n";
    write(dir, ".continue/mcpServers/a.yaml", yaml);
    const r = runCli(["-f", "json", "."], { cwd: dir });
    const messages = (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string }> }>)[0]!.messages.filter((m) => m.ruleId === "npx-yes");
    expect(messages).toHaveLength(1);
    runCli(["--fix", "."], { cwd: dir });
    expect(read(dir, ".continue/mcpServers/a.yaml")).toBe(yaml.replace("[some-pkg@1.0.0]", '["-y", some-pkg@1.0.0]'));
  });

  it("file names cannot forge a workflow command or drive the terminal, in any human format", () => {
    const dir = tempDir();
    // npx-yes (an info outside recommended since issue 12) on as a warning: the finding this test looks at.
    write(dir, "mcp-lint.config.json", NPX_YES_ON);
    const evil = "x\n::error title=forged::pwned\n\u001b]0;title\u0007\u001b[31m";
    write(dir, join(evil, ".mcp.json"), '{ "mcpServers": { "a": { "command": "npx", "args": ["pkg@1.0.0"] } } }\n');
    for (const format of ["stylish", "markdown", "github"]) {
      for (const extra of [[], ["--color"]]) {
        const r = runCli(["-f", format, ...extra, "."], { cwd: dir });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toContain("npx-yes");
        expect(r.stdout, format).not.toMatch(/^::error title=forged/m);
        expect(r.stdout, format).not.toContain("\u001b]0;");
        expect(r.stdout.replace(/\u001b\[\d+m/g, ""), format).not.toContain("\u001b");
      }
    }
    expect(runCli(["."], { cwd: dir }).stdout).toContain("x\\n::error title=forged::pwned\\n\\u001b]0;title\\u0007\\u001b[31m/.mcp.json");
  });

  it("Markdown links and images from keys are escaped in the markdown report", () => {
    const dir = tempDir();
    const link = "[click](https://evil.example/x)";
    const image = "![t](https://evil.example/t.png)";
    write(dir, ".mcp.json", JSON.stringify({ mcpServers: { a: { command: "node", [link]: 1, [image]: 2 } } }));
    const r = runCli(["-f", "markdown", "."], { cwd: dir });
    expect(r.stdout).toContain("evil.example");
    expect(r.stdout).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
    expect(r.stdout).not.toMatch(/(?<!\\)!\[t/);
  });

  it("a UTF-8 byte order mark is accepted, as the ESLint plugin accepts it", () => {
    const dir = tempDir();
    // npx-yes (an info outside recommended since issue 12) on as a warning: the finding this test looks at.
    write(dir, "mcp-lint.config.json", NPX_YES_ON);
    write(dir, ".mcp.json", '\uFEFF{ "mcpServers": { "a": { "command": "npx", "args": ["pkg@1.0.0"] } } }\n');
    write(dir, ".codex/config.toml", '\uFEFF[mcp_servers.a]\ncommand = "npx"\nargs = ["-y", "pkg@1.0.0"]\n');
    const r = runCli(["-f", "json", "."], { cwd: dir });
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }>;
    const byFile = Object.fromEntries(results.map((x) => [x.filePath.slice(dir.length + 1), x.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)]));
    // Positions as an editor (and ESLint) shows them: the mark is no column.
    expect(byFile).toEqual({ ".codex/config.toml": [], ".mcp.json": ["npx-yes@1:37"] });
    // --fix keeps the mark and fixes the right place.
    runCli(["--fix", "."], { cwd: dir });
    expect(read(dir, ".mcp.json")).toBe('\uFEFF{ "mcpServers": { "a": { "command": "npx", "args": ["-y", "pkg@1.0.0"] } } }\n');
  });

  it("a null (or other non-object) root is a finding", () => {
    const dir = tempDir();
    for (const [file, text] of [[".mcp.json", "null\n"], [".cursor/mcp.json", "null"], [".continue/mcpServers/a.yaml", "~\n"], [".vscode/mcp.json", "  null  "]] as const) {
      write(dir, file, text);
      const r = runCli(["-f", "json", file], { cwd: dir });
      expect(r.status, file).toBe(1);
      const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<{ line: number; message: string }> }>;
      expect(result!.messages.length, file).toBeGreaterThan(0);
      expect(result!.messages[0]!.line).toBe(1);
    }
  });

  it("-c with a path that does not exist says it was not found", () => {
    const dir = tempDir();
    for (const path of ["/nonexistent", "missing/mcp-lint.config.json"]) {
      const r = runCli(["-c", path, "."], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/not found/);
      expect(r.stderr).not.toMatch(/folder/);
    }
  });

  it("JSON nested 5,000 deep gets a located message about the nesting depth", () => {
    const dir = tempDir();
    write(dir, ".vscode/mcp.json", `{\n  "servers": ${"[".repeat(5000)}${"]".repeat(5000)}\n}\n`);
    const r = runCli(["-f", "json", "."], { cwd: dir });
    const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number; message: string }> }>;
    expect(result!.messages).toHaveLength(1);
    const m = result!.messages[0]!;
    expect(m.message).toMatch(/nest.*deep/i);
    expect(m.message).not.toMatch(/not valid JSON/);
    // The "[" that makes the 1,001st level (the root object is the first).
    expect([m.line, m.column]).toEqual([2, 1013]);
  });

  it("concurrent --suppress-all runs keep every entry", async () => {
    const dir = tempDir();
    const PROCESSES = 6;
    const files: string[] = [];
    for (let i = 0; i < PROCESSES; i++) {
      for (let j = 0; j < 3; j++) {
        write(dir, `p${i}/s${j}/.mcp.json`, `{ "mcpServers": { "a${j}": { "command": "npx", "args": ["pkg"], } } }\n`);
        files.push(`p${i}/s${j}/.mcp.json`);
      }
    }
    const run = (sub: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [BIN, "--suppress-all", sub], { cwd: dir, stdio: "ignore" });
        child.on("exit", (code) => resolve(code));
      });
    for (let round = 0; round < 4; round++) {
      rmSync(join(dir, "mcp-lint-suppressions.json"), { force: true });
      const codes = await Promise.all(Array.from({ length: PROCESSES }, (_, i) => run(`p${i}`)));
      expect(codes).toEqual(Array.from({ length: PROCESSES }, () => 0));
      const data = JSON.parse(readFileSync(join(dir, "mcp-lint-suppressions.json"), "utf8")) as Record<string, unknown>;
      expect(Object.keys(data).sort(), `round ${round}`).toEqual([...files].sort());
    }
    // No lock or temporary file is left behind.
    expect(readdirSync(dir).filter((n) => n.startsWith("mcp-lint-suppressions"))).toEqual(["mcp-lint-suppressions.json"]);
  }, 300_000);
});
