import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintFiles } from "../../packages/core/src/engine/lint-files.js";

const dir = mkdtempSync(join(tmpdir(), "mcp-lint-results-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("lintFiles results", () => {
  it("do not hold the files' text (config, JS/TS or Python): a run keeps findings, not sources", async () => {
    // A trailing comma: a finding under the default rules (strict-json).
    writeFileSync(join(dir, ".mcp.json"), `{ "mcpServers": { "a": { "command": "npx", "args": ["-y", "pkg"] }, } }\n`);
    mkdirSync(join(dir, "src"));
    writeFileSync(
      join(dir, "src/server.ts"),
      `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nconst s = new McpServer({ name: "x", version: "1" });\nconsole.log("up");\nawait s.connect(new StdioServerTransport());\n`,
    );
    writeFileSync(join(dir, "src/server.py"), `from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("x")\nprint("up")\nmcp.run()\n`);
    const run = await lintFiles(["."], { cwd: dir, noConfigLookup: true });
    expect(run.results.map((r) => [r.file, r.findings.length > 0])).toEqual([
      [".mcp.json", true],
      ["src/server.py", true],
      ["src/server.ts", true],
    ]);
    for (const r of run.results) expect(Object.keys(r)).not.toContain("source");
  });
});
