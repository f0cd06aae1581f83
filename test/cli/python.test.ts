import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "./helpers.js";

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; line: number; column: number; severity: number; message: string; suggestions?: unknown[] }>;
}

const SEED = join(ROOT, "test/fixtures/python/threaded-stdio-server.py");

describe("the CLI on Python", () => {
  it("reports the issue's example on each wrong line, in every format", () => {
    const dir = tempDir();
    cpSync(SEED, join(dir, "server.py"));
    const json = runCli(["-f", "json", "server.py"], { cwd: dir });
    expect(json.status).toBe(1);
    const [result] = JSON.parse(json.stdout) as JsonResult[];
    const rows = result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    // A finding on each wrong line of the example, and nothing else.
    expect(rows).toEqual(["6:10 mcp-api-mismatch", "7:25 stdio-server-usage", "9:1 no-fixed-sleep-before-connect", "10:1 no-stdout-in-stdio-server"]);
    for (const format of ["stylish", "sarif", "github", "markdown"]) {
      const r = runCli(["-f", format, "server.py"], { cwd: dir });
      expect(r.status, format).toBe(1);
      expect(r.stdout, format).toContain("stdio-server-usage");
      expect(r.stderr, format).toBe("");
    }
  });

  it("walks folders for .py files, skipping virtualenvs, caches and git-ignored files, and non-MCP Python quietly", () => {
    const dir = tempDir();
    for (const sub of [".venv/lib", "venv", "env/lib", "__pycache__", ".tox", "pkg", "ignored"]) mkdirSync(join(dir, sub), { recursive: true });
    for (const place of [".venv/lib/s.py", "venv/s.py", "env/lib/s.py", "__pycache__/s.py", ".tox/s.py", "pkg/server.py", "ignored/s.py"]) cpSync(SEED, join(dir, place));
    writeFileSync(join(dir, "env/pyvenv.cfg"), "home = /usr/bin\n");
    writeFileSync(join(dir, "pkg/util.py"), "def add(a, b):\n    return a + b\n");
    writeFileSync(join(dir, ".gitignore"), "ignored/\n");
    mkdirSync(join(dir, ".git"));
    const r = runCli(["-f", "json", "."], { cwd: dir });
    const files = (JSON.parse(r.stdout) as JsonResult[]).map((x) => x.filePath.slice(dir.length + 1));
    expect(files).toEqual(["pkg/server.py"]);
    // Named explicitly, a file in a skipped folder is checked; a non-MCP Python file is skipped quietly.
    const explicit = runCli(["-f", "json", ".venv/lib/s.py", "pkg/util.py"], { cwd: dir });
    expect((JSON.parse(explicit.stdout) as JsonResult[]).map((x) => x.filePath.slice(dir.length + 1))).toEqual([".venv/lib/s.py"]);
  });

  it("applies config overrides by glob and disable comments to Python findings", () => {
    const dir = tempDir();
    cpSync(SEED, join(dir, "server.py"));
    writeFileSync(join(dir, "mcp-lint.config.json"), JSON.stringify({ rules: { "no-stdout-in-stdio-server": "off" } }));
    const r = runCli(["-f", "json", "server.py"], { cwd: dir });
    const ids = (JSON.parse(r.stdout) as JsonResult[])[0]!.messages.map((m) => m.ruleId);
    expect(ids).toContain("stdio-server-usage");
    expect(ids).not.toContain("no-stdout-in-stdio-server");

    // An override by file glob: off for scripts/, on elsewhere.
    mkdirSync(join(dir, "scripts"));
    cpSync(SEED, join(dir, "scripts/demo.py"));
    writeFileSync(join(dir, "mcp-lint.config.json"), JSON.stringify({ overrides: [{ files: ["scripts/**/*.py"], rules: { "stdio-server-usage": "off" } }] }));
    const both = JSON.parse(runCli(["-f", "json", "server.py", "scripts/demo.py"], { cwd: dir }).stdout) as JsonResult[];
    expect(both.map((x) => [x.filePath.slice(dir.length + 1), x.messages.some((m) => m.ruleId === "stdio-server-usage")])).toEqual([
      ["scripts/demo.py", false],
      ["server.py", true],
    ]);
  });

  it("the suppressions baseline holds Python findings across edits above them, and catches a new one", () => {
    const dir = tempDir();
    cpSync(SEED, join(dir, "server.py"));
    expect(runCli(["--suppress-all", "server.py"], { cwd: dir }).status).toBe(0);
    expect(runCli(["server.py"], { cwd: dir }).status).toBe(0);
    const text = readFileSync(join(dir, "server.py"), "utf8");
    writeFileSync(join(dir, "server.py"), `"""A docstring added above."""\nimport os\n${text}`);
    // The baseline holds errors (as ESLint's); --quiet leaves out warnings.
    expect(runCli(["--quiet", "server.py"], { cwd: dir })).toEqual({ status: 0, stdout: "", stderr: "" });
    writeFileSync(join(dir, "server.py"), `${readFileSync(join(dir, "server.py"), "utf8")}print("one more")\n`);
    const r = runCli(["--quiet", "server.py"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^\s+13:1\s+error\s+print\(\) writes to stdout/m);
  });
});
