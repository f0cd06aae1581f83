import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The packages as a user gets them: `npm pack` each publishable workspace package, install the tarballs into a fresh
 * project outside the repository (no workspace links, no hoisted dev dependencies), then run the installed
 * `mcp-lint` command and the installed `eslint` with the plugin's recommended config on the same broken project.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PROJECT = join(ROOT, "test/fixtures/eslint-plugin/project");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

interface Row {
  file: string;
  rule: string;
  line: number;
  column: number;
  message: string;
}

function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || ["NO_COLOR", "FORCE_COLOR", "DEBUG", "NODE_OPTIONS", "ESLINT_USE_FLAT_CONFIG"].includes(k)) continue;
    // npm_* variables of the `npm test` that runs us would leak the repository's npm context into the child npm.
    if (k.startsWith("npm_")) continue;
    env[k] = v;
  }
  return env;
}

function rows(stdout: string, cwd: string): Row[] {
  const results = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number; message: string }> }>;
  return results
    .flatMap((r) =>
      r.messages.map((m) => ({
        file: relative(cwd, r.filePath).split(sep).join("/"),
        rule: (m.ruleId ?? "(fatal)").replace(/^mcp-lint\//, ""),
        line: m.line,
        column: m.column,
        message: m.message,
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

const workspaces = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { workspaces: string[] }).workspaces;
const publishable = workspaces.filter((w) => !(JSON.parse(readFileSync(join(ROOT, w, "package.json"), "utf8")) as { private?: boolean }).private);
const eslintVersion = (JSON.parse(readFileSync(join(ROOT, "node_modules/eslint/package.json"), "utf8")) as { version: string }).version;

let temp: string;
let project: string;
const packed: Record<string, { filename: string; files: string[] }> = {};

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "mcp-lint-install-"));
  const tarballs = join(temp, "tarballs");
  mkdirSync(tarballs);
  for (const w of publishable) {
    const out = execFileSync(NPM, ["pack", "--json", "--pack-destination", tarballs], { cwd: join(ROOT, w), env: cleanEnv(), encoding: "utf8" });
    const [info] = JSON.parse(out) as Array<{ name: string; filename: string; files: Array<{ path: string }> }>;
    packed[info!.name] = { filename: join(tarballs, info!.filename), files: info!.files.map((f) => f.path) };
  }
  project = join(temp, "project");
  cpSync(PROJECT, project, { recursive: true });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }, null, 2) + "\n");
  // The npm cache is warm from `npm ci`; the registry is reached only for what it lacks.
  execFileSync(
    NPM,
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...Object.values(packed).map((p) => p.filename), `eslint@${eslintVersion}`],
    { cwd: project, env: cleanEnv(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}, 240_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("packs every publishable package with its LICENSE, manifest and built files, and no sources or tests", () => {
    expect(Object.keys(packed).sort()).toEqual(["@mcp-lint/core", "@mcp-lint/eslint-plugin", "@mcp-lint/probe", "mcp-lint"]);
    for (const [name, { files }] of Object.entries(packed)) {
      expect(files, name).toContain("LICENSE");
      expect(files, name).toContain("package.json");
      expect(files, name).toContain("dist/index.js");
      expect(files, name).toContain("dist/index.d.ts");
      expect(files.filter((f) => f.startsWith("src/") || f.endsWith(".tsbuildinfo") || f.includes("test")), name).toEqual([]);
    }
    expect(packed["mcp-lint"]!.files).toContain("bin/mcp-lint.js");
  });
});

describe("installed from the tarballs into a fresh project", () => {
  it("is a real install: the packages are copies, not links into the repository", () => {
    const installed = readdirSync(join(project, "node_modules/@mcp-lint")).sort();
    expect(installed).toEqual(["core", "eslint-plugin", "probe"]);
    expect(readFileSync(join(project, "node_modules/mcp-lint/package.json"), "utf8")).toContain('"name": "mcp-lint"');
  });

  it("`npx mcp-lint` fails on the broken configs and code with located findings, and `eslint` reports the same", () => {
    const env = cleanEnv();
    const cli = spawnSync("npx", ["--no-install", "mcp-lint", "--format", "json", "."], { cwd: project, env, encoding: "utf8" });
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(1);
    const cliRows = rows(cli.stdout, project);
    const strict = cliRows.find((r) => r.file === ".mcp.json" && r.rule === "strict-json");
    expect(strict).toBeDefined();
    expect(strict!.line).toBeGreaterThan(0);
    expect(cliRows.find((r) => r.file === "src/server.ts" && r.rule === "no-stdout-in-stdio-server")).toMatchObject({ line: 7, column: 3 });

    const eslint = spawnSync("npx", ["--no-install", "eslint", "--format", "json", "."], { cwd: project, env, encoding: "utf8" });
    expect(eslint.status, eslint.stderr).toBe(1);
    // The TOML file (Codex) is read by the CLI only: ESLint has no TOML language.
    expect(rows(eslint.stdout, project)).toEqual(cliRows.filter((r) => r.file !== ".codex/config.toml"));
  });

  it("the stylish output names the file, the position and the rule", () => {
    const cli = spawnSync("npx", ["--no-install", "mcp-lint", ".mcp.json"], { cwd: project, env: cleanEnv(), encoding: "utf8" });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/^\.mcp\.json$/m);
    expect(cli.stdout).toMatch(/^\s+\d+:\d+\s+error\s+.*\bstrict-json$/m);
  });
});
