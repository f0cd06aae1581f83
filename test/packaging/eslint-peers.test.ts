import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Issue 14: the packed packages installed into fresh projects as ESLint users have them — ESLint 9 with the oldest
 * supported @eslint/json and their own @eslint/json block before the plugin's, ESLint 10 with their block after it,
 * and ESLint 10 with the README's eslint.config.js literally (no @eslint/json of their own: npm adds the peer).
 * Each must lint without a stack trace and hold exactly one eslint and one @eslint/json.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const BROKEN = '{\n  "mcpServers": {\n    "a": { "command": "npx", "args": ["-y", "pkg@1.0.0"] },\n  }\n}\n';

function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith("npm_") || ["NODE_OPTIONS", "ESLINT_USE_FLAT_CONFIG", "FORCE_COLOR"].includes(k)) continue;
    env[k] = v;
  }
  return env;
}

/** The README's eslint.config.js, as printed in the "ESLint plugin" section. */
function readmeConfig(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("<!-- eslint-plugin-start -->"), readme.indexOf("<!-- eslint-plugin-end -->"));
  return /```js\n([\s\S]*?)```/.exec(section)![1]!;
}

const USER_BLOCK = '{ files: ["**/*.json"], plugins: { json }, language: "json/json", rules: json.configs.recommended.rules }';
function userConfig(order: "before" | "after"): string {
  const blocks = order === "before" ? [USER_BLOCK, "...mcpLint.configs.recommended"] : ["...mcpLint.configs.recommended", USER_BLOCK];
  return `import json from "@eslint/json";\nimport mcpLint from "@mcp-lint/eslint-plugin";\n\nexport default [\n  ${blocks.join(",\n  ")},\n];\n`;
}

/** Every installed copy of a package, by walking node_modules (bounded by the tree npm made). */
function copies(dir: string, name: string): string[] {
  const found: string[] = [];
  const walk = (nm: string, depth: number) => {
    if (depth > 12) return;
    let entries: string[];
    try {
      entries = readdirSync(nm);
    } catch {
      return;
    }
    for (const e of entries) {
      const names = e.startsWith("@") ? readdirSync(join(nm, e)).map((s) => `${e}/${s}`) : [e];
      for (const n of names) {
        if (n === name) found.push(join(nm, n));
        walk(join(nm, n, "node_modules"), depth + 1);
      }
    }
  };
  walk(join(dir, "node_modules"), 0);
  return found;
}

let temp: string;
const tarballs: string[] = [];

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "mcp-lint-peers-"));
  const dest = join(temp, "tarballs");
  mkdirSync(dest);
  for (const w of ["packages/core", "packages/probe", "packages/cli", "packages/eslint-plugin"]) {
    const [info] = JSON.parse(execFileSync(NPM, ["pack", "--json", "--pack-destination", dest], { cwd: join(ROOT, w), env: cleanEnv(), encoding: "utf8" })) as Array<{ filename: string }>;
    tarballs.push(join(dest, info!.filename));
  }
}, 120_000);

// Removing three installed projects takes a while on a loaded machine: a generous bound, not a deadline.
afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
}, 120_000);

const cases = [
  { name: "ESLint 9, the oldest supported @eslint/json (0.9.0), the user's block before", deps: ["eslint@9", "@eslint/json@0.9.0"], config: () => userConfig("before"), strictJson: true },
  { name: "ESLint 10, the user's @eslint/json block after (their json/json wins: a parse error, no crash)", deps: ["eslint@10", "@eslint/json@2"], config: () => userConfig("after"), strictJson: false },
  { name: "ESLint 10, the README's eslint.config.js literally, no @eslint/json of the user's", deps: ["eslint@10"], config: readmeConfig, strictJson: true },
];

describe.each(cases)("$name", ({ deps, config, strictJson }) => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(temp, "project-"));
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }) + "\n");
    writeFileSync(join(project, ".mcp.json"), BROKEN);
    writeFileSync(join(project, "eslint.config.js"), config());
    execFileSync(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs, ...deps], { cwd: project, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
  }, 240_000);

  it("installs one eslint and one @eslint/json", () => {
    expect(copies(project, "eslint")).toHaveLength(1);
    expect(copies(project, "@eslint/json")).toHaveLength(1);
  });

  it("eslint lints the broken .mcp.json without a stack trace", () => {
    const r = spawnSync("npx", ["--no-install", "eslint", ".mcp.json"], { cwd: project, env: cleanEnv(), encoding: "utf8" });
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    if (strictJson) expect(r.stdout).toMatch(/^\s+3:59\s+error\s+Trailing commas .*mcp-lint\/strict-json$/m);
    else expect(r.stdout).toMatch(/^\s+4:3\s+error\s+Parsing error/m);
  });

  it("the mcp-lint CLI runs with the project's ESLint", () => {
    const r = spawnSync("npx", ["--no-install", "mcp-lint", ".mcp.json"], { cwd: project, env: cleanEnv(), encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/strict-json$/m);
  });
});
