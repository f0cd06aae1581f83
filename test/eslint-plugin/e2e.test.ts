import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_BIN, ESLINT_BINS, PROJECT, ROOT } from "./helpers.js";

/**
 * The real `eslint` command (ESLint 10 and ESLint 9) on a fixture project whose eslint.config.js is the README's
 * snippet, against the real `mcp-lint` command on the same files: same findings, same fixes.
 */

interface Row {
  file: string;
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number; message: string }>;
}

function run(bin: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || ["NO_COLOR", "FORCE_COLOR", "DEBUG", "NODE_OPTIONS", "ESLINT_USE_FLAT_CONFIG"].includes(k)) continue;
    env[k] = v;
  }
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function rows(stdout: string, cwd: string): Row[] {
  const results = JSON.parse(stdout) as JsonResult[];
  const out: Row[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      out.push({
        file: relative(cwd, r.filePath).split(sep).join("/"),
        rule: (m.ruleId ?? "(fatal)").replace(/^mcp-lint\//, ""),
        line: m.line,
        column: m.column,
        endLine: m.endLine ?? m.line,
        endColumn: m.endColumn ?? m.column,
        message: m.message,
      });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

function files(dir: string, base = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, base, out);
    else out[relative(base, path).split(sep).join("/")] = readFileSync(path, "utf8");
  }
  return out;
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A copy of the fixture project whose node_modules is the workspace's (so `@mcp-lint/eslint-plugin` resolves). */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "mcp-lint-eslint-"));
  temps.push(dir);
  cpSync(PROJECT, dir, { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/** Files the CLI reads that no ESLint language covers. */
const CLI_ONLY = [".codex/config.toml"];

const cli = run(CLI_BIN, ["--format", "json", "."], PROJECT);
const cliRows = rows(cli.stdout, PROJECT);

describe("the README snippet", () => {
  it("is exactly the fixture project's eslint.config.js", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf("<!-- eslint-plugin-start -->");
    const end = readme.indexOf("<!-- eslint-plugin-end -->");
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(readme.indexOf("## Benchmarks")).toBeGreaterThan(end);
    const section = readme.slice(start, end);
    const snippet = /```js\n(\/\/ eslint\.config\.js\n[\s\S]*?)```/.exec(section)?.[1];
    expect(snippet).toBeDefined();
    expect(snippet).toBe(readFileSync(join(PROJECT, "eslint.config.js"), "utf8"));
  });
});

describe("mcp-lint on the fixture project", () => {
  it("finds problems in config files and code, and in the TOML file only it reads", () => {
    expect(cli.status, cli.stderr).toBe(1);
    const rules = new Set(cliRows.map((r) => r.rule));
    // npx-yes is an info outside recommended since issue 12.
    for (const id of ["strict-json", "no-command-line", "variable-syntax", "no-stdout-in-stdio-server", "no-stdio-command-line"]) expect(rules).toContain(id);
    expect(cliRows.filter((r) => CLI_ONLY.includes(r.file)).length).toBeGreaterThan(0);
    // 25 before issue 12; npx-yes (now an info outside recommended) accounted for three of them.
    expect(cliRows.length).toBeGreaterThanOrEqual(22);
  });
});

describe.each(Object.entries(ESLINT_BINS))("%s on the fixture project", (_name, bin) => {
  const eslint = run(bin, ["--format", "json", "."], PROJECT);

  it("reports exactly what mcp-lint reports (rule, line, column, end, message) on every file ESLint reads", () => {
    expect(eslint.status, eslint.stderr).toBe(1);
    const eslintRows = rows(eslint.stdout, PROJECT);
    expect(eslintRows).toEqual(cliRows.filter((r) => !CLI_ONLY.includes(r.file)));
    // The config files, the TypeScript stdio server (console.log) and the JS client are all in.
    expect(eslintRows.find((r) => r.file === "src/server.ts" && r.rule === "no-stdout-in-stdio-server")).toMatchObject({ line: 7, column: 3 });
    expect(new Set(eslintRows.map((r) => r.file))).toEqual(
      new Set([".cursor/mcp.json", ".gemini/settings.json", ".mcp.json", ".vscode/mcp.json", "claude_desktop_config.json", "opencode.jsonc", "src/client.mjs", "src/server.ts"]),
    );
  });

  it("applies the same fixes with --fix as mcp-lint --fix", () => {
    const byCli = copyProject();
    const byEslint = copyProject();
    run(CLI_BIN, ["--fix", "."], byCli);
    const fixRun = run(bin, ["--fix", "."], byEslint);
    expect(fixRun.stderr).toBe("");
    const original = files(PROJECT);
    const cliFixed = files(byCli);
    const eslintFixed = files(byEslint);
    // Something was fixed in config files and in code.
    for (const f of [".mcp.json", ".vscode/mcp.json", ".gemini/settings.json", "src/client.mjs"]) expect(eslintFixed[f], f).not.toBe(original[f]);
    for (const f of Object.keys(original)) {
      if (CLI_ONLY.includes(f)) expect(eslintFixed[f], f).toBe(original[f]);
      else expect(eslintFixed[f], f).toBe(cliFixed[f]);
    }
  });
});
