import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, parseJsonOutput, tempDir, write, writeConfig } from "./helpers.js";

const NPX = '{"mcpServers": {\n  "a": {"command": "npx", "args": ["pkg@1.0.0"]}\n}}\n';

function runStdin(args: string[], input: string | Buffer, cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("--stdin / --stdin-filename", () => {
  it("lints unsaved text; the filename decides the dialect and the configs that apply", () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".git"));
    writeConfig(dir, { rules: { "npx-yes": "warning" } });
    write(dir, "pkg/mcp-lint.config.json", '{ "rules": { "npx-yes": "error" } }');
    // The file does not exist: the text is what is linted.
    const r = runStdin(["--stdin", "--stdin-filename", "pkg/.mcp.json", "-f", "json"], NPX, dir);
    const [result] = parseJsonOutput(r.stdout);
    expect(result!.filePath).toBe(join(dir, "pkg/.mcp.json"));
    expect(result!.messages.map((m) => `${m.ruleId}:${m.severity}@${m.line}`)).toEqual(["npx-yes:2@2"]);
    expect(r.status).toBe(1);
    // The same text named as a VS Code file: a config under the wrong key for that client.
    const vscode = runStdin(["--stdin", "--stdin-filename", ".vscode/mcp.json", "-f", "json", "--no-config-lookup"], NPX, dir);
    expect(parseJsonOutput(vscode.stdout)[0]!.messages.some((m) => m.ruleId !== "npx-yes")).toBe(true);
  });

  it("without a filename the content decides, shown as <text>; every format works", () => {
    const dir = tempDir();
    writeConfig(dir, { rules: { "npx-yes": "error" } });
    const json = runStdin(["--stdin", "-f", "json"], NPX, dir);
    expect(parseJsonOutput(json.stdout).map((f) => [f.filePath, f.messages.map((m) => m.ruleId)])).toEqual([["<text>", ["npx-yes"]]]);
    for (const format of ["stylish", "sarif", "github", "markdown"]) {
      const r = runStdin(["--stdin", "-f", format], NPX, dir);
      expect(r.status, format).toBe(1);
      expect(r.stdout, format).toContain("npx-yes");
      expect(r.stderr, format).toBe("");
    }
  });

  it("lints code by the filename's language, and never prints a secret from the text", () => {
    const dir = tempDir();
    const py = 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("x")\nmcp.run(transport="sse")\n';
    const r = runStdin(["--stdin", "--stdin-filename", "server.py", "-f", "json"], py, dir);
    expect(parseJsonOutput(r.stdout)[0]!.filePath).toBe(join(dir, "server.py"));
    const secret = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    const text = `{"mcpServers": {"gh": {"command": "node", "args": ["s.js"], "env": {"GITHUB_TOKEN": "${secret}"}}}}`;
    const leak = runStdin(["--stdin", "--stdin-filename", ".mcp.json", "-f", "json"], text, dir);
    expect(leak.stdout).toContain("no-hardcoded-secrets");
    expect(leak.stdout + leak.stderr).not.toContain(secret);
  });

  it("bounds the read, and refuses paths, --fix and a filename without --stdin with a usage error", () => {
    const dir = tempDir();
    const big = runStdin(["--stdin"], Buffer.alloc(10 * 1024 * 1024 + 1, 32), dir);
    expect(big).toMatchObject({ status: 2, stdout: "" });
    expect(big.stderr).toBe("mcp-lint: The text on stdin is larger than 10 MiB, so it was not linted.\n");
    expect(runStdin(["--stdin", "."], NPX, dir)).toMatchObject({ status: 2 });
    expect(runStdin(["--stdin", "--fix"], NPX, dir).stderr).toMatch(/^mcp-lint: --fix cannot write text read from stdin/);
    expect(runStdin(["--stdin-filename", "x.json"], NPX, dir).stderr).toMatch(/^mcp-lint: --stdin-filename names the text read with --stdin/);
  });

  it("an ignored filename gets ESLint's warning", () => {
    const dir = tempDir();
    writeConfig(dir, { ignores: ["vendor/**"] });
    const r = runStdin(["--stdin", "--stdin-filename", "vendor/.mcp.json", "-f", "json"], NPX, dir);
    expect(parseJsonOutput(r.stdout)[0]!.messages.map((m) => m.ruleId)).toEqual(["file-ignored"]);
  });
});
