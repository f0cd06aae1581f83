import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintFiles } from "../../packages/core/src/engine/lint-files.js";

const dir = mkdtempSync(join(tmpdir(), "mcp-lint-results-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("lintFiles results", () => {
  it("do not hold the files' text (config or code): a run keeps findings, not sources", async () => {
    writeFileSync(join(dir, ".mcp.json"), `{ "mcpServers": { "a": { "command": "npx", "args": ["pkg"] } } }\n`);
    mkdirSync(join(dir, "src"));
    writeFileSync(
      join(dir, "src/server.ts"),
      `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nconst s = new McpServer({ name: "x", version: "1" });\nconsole.log("up");\nawait s.connect(new StdioServerTransport());\n`,
    );
    const run = await lintFiles(["."], { cwd: dir, noConfigLookup: true });
    expect(run.results.map((r) => [r.file, r.findings.length > 0])).toEqual([
      [".mcp.json", true],
      ["src/server.ts", true],
    ]);
    for (const r of run.results) expect(Object.keys(r)).not.toContain("source");
  });
});
