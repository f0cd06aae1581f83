import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir, write } from "./helpers.js";

/**
 * Fixed costs stay out of runs that do not need them: ESLint and TypeScript load only when a file passes the MCP
 * code prefilter, the YAML and TOML parsers only when such a file turns up. Checked in real processes: the bundle
 * (dist/cli.js) through a module loader hook that logs every module it resolves (ESLint and TypeScript are chunks
 * of their own there), the built package through Node's require cache.
 */

const HOOKS = `
import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.MCP_LINT_TEST_LOAD_LOG, r.url + "\\n");
  return r;
}`;

function configsAndPlainCode(): string {
  const dir = tempDir();
  write(dir, ".mcp.json", `{ "mcpServers": { "a": { "command": "npx", "args": ["-y", "pkg@1.0.0"] } } }\n`);
  write(dir, ".vscode/mcp.json", `{ "servers": { "b": { "type": "http", "url": "https://example.com/mcp" } } }\n`);
  for (let i = 0; i < 10; i++) write(dir, `src/m${i}.ts`, `// mentions @modelcontextprotocol/sdk in a comment only\nexport const x${i} = ${i};\n`);
  return dir;
}

describe("what a run loads", () => {
  it("dist/cli.js over configs and non-MCP code never loads ESLint or TypeScript; one MCP module does", () => {
    const dir = configsAndPlainCode();
    const hooks = write(dir, "../hooks.mjs", HOOKS);
    const register = write(dir, "../register.mjs", `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const loaded = (): string[] => {
      const log = join(dir, "..", `load-${Math.random().toString(36).slice(2)}.log`);
      writeFileSync(log, "");
      const r = spawnSync(process.execPath, ["--import", pathToFileURL(register).href, join(ROOT, "dist/cli.js"), ".", "--no-config-lookup", "--format", "json"], {
        cwd: dir,
        env: { ...process.env, MCP_LINT_TEST_LOAD_LOG: log, NO_COLOR: "1" },
        encoding: "utf8",
      });
      expect(r.stderr).toBe("");
      return readFileSync(log, "utf8").split("\n").filter(Boolean);
    };
    const heavy = (urls: string[]): string[] => urls.filter((u) => /\/dist\/chunks\/(?:eslint|typescript|typescript-estree|parser|espree)-[\w]+\.js$/.test(u)).map((u) => u.replace(/.*\/chunks\/(\w+(?:-\w+)?)-\w+\.js$/, "$1"));
    const before = loaded();
    expect(before.some((u) => u.endsWith("/dist/cli.js"))).toBe(true);
    expect(heavy(before)).toEqual([]);
    write(dir, "src/server.ts", `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nexport const s = new McpServer({ name: "a", version: "1" });\n`);
    expect(heavy(loaded())).toContain("eslint");
  });

  it("the built package loads the YAML and TOML parsers only when a YAML or TOML file is linted", () => {
    const dir = configsAndPlainCode();
    const script = `
      import { createRequire } from "node:module";
      const { lintFiles } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "packages/core/dist/index.js")).href)});
      const run = await lintFiles(["."], { noConfigLookup: true });
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ files: run.results.length, yaml: cache.some((k) => k.includes("/node_modules/yaml/")), toml: cache.some((k) => k.includes("/node_modules/toml-eslint-parser/")) }));
    `;
    const run = () => JSON.parse(spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, encoding: "utf8" }).stdout) as unknown;
    expect(run()).toEqual({ files: 2, yaml: false, toml: false });
    write(dir, ".codex/config.toml", `[mcp_servers.a]\ncommand = "npx"\nargs = ["-y", "pkg@1.0.0"]\n`);
    expect(run()).toEqual({ files: 3, yaml: false, toml: true });
    write(dir, ".continue/mcpServers/a.yaml", `name: a\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: a\n    command: npx\n    args: ["-y", "pkg@1.0.0"]\n`);
    expect(run()).toEqual({ files: 4, yaml: true, toml: true });
  });

  it("a lint run (packages/cli/bin) never loads @mcp-lint/probe or the MCP SDK; a probe run does", () => {
    const dir = configsAndPlainCode();
    const hooks = write(dir, "../hooks-probe.mjs", HOOKS);
    const register = write(dir, "../register-probe.mjs", `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const loaded = (args: string[]): string[] => {
      const log = join(dir, "..", `load-${Math.random().toString(36).slice(2)}.log`);
      writeFileSync(log, "");
      spawnSync(process.execPath, ["--import", pathToFileURL(register).href, join(ROOT, "packages/cli/bin/mcp-lint.js"), ...args], {
        cwd: dir,
        env: { ...process.env, MCP_LINT_TEST_LOAD_LOG: log, NO_COLOR: "1" },
        encoding: "utf8",
      });
      return readFileSync(log, "utf8").split("\n").filter(Boolean);
    };
    const probeModules = (urls: string[]) => urls.filter((u) => u.includes("/packages/probe/") || u.includes("/@modelcontextprotocol/sdk/"));
    expect(probeModules(loaded([".", "--no-config-lookup", "--format", "json"]))).toEqual([]);
    expect(probeModules(loaded(["probe", "--url", "http://127.0.0.1:1/mcp", "--retries", "0"])).length).toBeGreaterThan(0);
  });
});
