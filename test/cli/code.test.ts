import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "./helpers.js";

const MIXED = join(ROOT, "test/fixtures/cli/mixed");

interface JsonFile {
  filePath: string;
  messages: Array<{ ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number; fix?: unknown }>;
}

function rows(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonFile[]).flatMap((r) =>
    r.messages.map((m) => `${r.filePath.slice(r.filePath.indexOf("mixed") + 6)} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId}`),
  );
}

describe("CLI on a folder mixing configs and code", () => {
  it("reports config and code findings with exact positions, and nothing for non-MCP or look-alike code", () => {
    // npx-yes is off by default since issue 12 (an info outside recommended): switched on here as the config probe rule.
    const r = runCli([MIXED, "--format", "json", "--no-config-lookup", "--rule", "npx-yes:warning"], { cwd: ROOT });
    expect(r.status).toBe(1);
    expect(rows(r.stdout)).toEqual([
      ".mcp.json 4:29-4:34 1 npx-yes",
      "src/client.mjs 4:20-4:26 1 close-mcp-client",
      "src/client.mjs 5:58-5:79 2 no-stdio-command-line",
      // line 12 is disabled by an eslint-disable-next-line comment
      "src/server.ts 7:3-7:14 2 no-stdout-in-stdio-server",
    ]);
    const files = JSON.parse(r.stdout) as JsonFile[];
    // Non-MCP code is skipped by the prefilter (not even in the results); look-alike code is linted and clean.
    expect(files.some((f) => f.filePath.endsWith("util.ts"))).toBe(false);
    expect(files.find((f) => f.filePath.endsWith("look-alike.ts"))?.messages).toEqual([]);
  });

  it("--fix applies config and code fixes in one run", () => {
    const dir = mkdtempSync(join(tmpdir(), "mcp-lint-mixed-"));
    cpSync(MIXED, dir, { recursive: true });
    const r = runCli([".", "--fix", "--format", "json", "--no-config-lookup", "--rule", "npx-yes:warning"], { cwd: dir });
    expect(r.status).toBe(1); // the stdout write in server.ts has a suggestion, not a fix
    expect(readFileSync(join(dir, ".mcp.json"), "utf8")).toContain(`"args": ["-y", "@playwright/mcp@0.0.41"]`);
    expect(readFileSync(join(dir, "src/client.mjs"), "utf8")).toContain(`new StdioClientTransport({ command: "npx", args: ["-y", "notes-server"] })`);
    expect(rows(r.stdout).map((x) => x.split(" ").pop())).toEqual(["close-mcp-client", "no-stdout-in-stdio-server"]);
  });

  it("passes code rule settings from the config file and --rule", () => {
    const r = runCli([MIXED, "--format", "json", "--no-config-lookup", "--rule", "no-stdout-in-stdio-server:off", "--rule", "close-mcp-client:off", "--rule", "npx-yes:warning"], { cwd: ROOT });
    // With no-stdout-in-stdio-server off, the fixture's eslint-disable comment for it disables nothing: an info says so.
    expect(rows(r.stdout).map((x) => x.split(" ").pop())).toEqual(["npx-yes", "no-stdio-command-line", "unused-disable-directive"]);
  });

  it("does not load ESLint or the TypeScript parser when no source file passes the MCP prefilter", () => {
    const dir = mkdtempSync(join(tmpdir(), "mcp-lint-plain-"));
    mkdirSync(join(dir, "src"));
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, "src", `m${i}.ts`), `export const x${i}: number = ${i};\n`);
    writeFileSync(join(dir, ".mcp.json"), `{"mcpServers": {"a": {"command": "npx", "args": ["-y", "pkg@1.0.0"]}}}`);
    const script = `
      import { createRequire } from "node:module";
      const { lintFiles } = await import(${JSON.stringify(join(ROOT, "packages/core/dist/index.js"))});
      const run = await lintFiles([${JSON.stringify(dir)}], { noConfigLookup: true });
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ files: run.results.length, typescript: loaded.some((k) => k.includes("/typescript/lib/")) }));
    `;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ files: 1, typescript: false });
    // And the same check loads it as soon as one MCP module is present.
    writeFileSync(join(dir, "src", "server.ts"), `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nexport const s = new McpServer({ name: "a", version: "1" });\n`);
    const again = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(again.stdout)).toEqual({ files: 2, typescript: true });
  });

  it("skips bundles and build output found by walking, but lints them when named on the command line or in overrides", () => {
    const dir = mkdtempSync(join(tmpdir(), "mcp-lint-generated-"));
    const server = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nconst server = new McpServer({ name: "x", version: "1" });\nconsole.log("up");\nawait server.connect(new StdioServerTransport());\n`;
    const put = (file: string, text: string): void => {
      mkdirSync(join(dir, file, ".."), { recursive: true });
      writeFileSync(join(dir, file), text);
    };
    put("src/server.ts", server);
    put("dist/server.js", server + "//# sourceMappingURL=server.js.map\n");
    put("build/mapped.js", server);
    put("build/mapped.js.map", "{}");
    put("dist/plain.js", server); // build output without a source map: hand-written as far as we can tell
    // Minified anywhere: one 25,000-character line.
    put("vendor/min.js", server.replace(/\n/g, ";") + "var pad=" + JSON.stringify("x".repeat(25_000)) + ";\n");
    const reported = (r: { stdout: string }): string[] =>
      (JSON.parse(r.stdout) as JsonFile[]).filter((f) => f.messages.length > 0).map((f) => f.filePath.slice(dir.length + 1)).sort();
    expect(reported(runCli([".", "--format", "json", "--no-config-lookup"], { cwd: dir }))).toEqual(["dist/plain.js", "src/server.ts"]);
    expect(reported(runCli(["dist/server.js", "vendor/min.js", "build", "--format", "json", "--no-config-lookup"], { cwd: dir }))).toEqual([
      "dist/server.js",
      "vendor/min.js",
    ]);
    put("mcp-lint.config.json", JSON.stringify({ overrides: [{ files: ["build/**"], rules: {} }] }));
    expect(reported(runCli([".", "--format", "json"], { cwd: dir }))).toEqual(["build/mapped.js", "dist/plain.js", "src/server.ts"]);
  });
});
