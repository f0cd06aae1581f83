import fc from "fast-check";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintFiles } from "../../../packages/core/src/engine/lint-files.js";
import { pythonParserLoaded } from "../../../packages/core/src/code/python/parser.js";
import { lintPythonText } from "../../../packages/core/src/code/python/runner.js";
import { mightBePythonMcp } from "../../../packages/core/src/code/python/sdk-catalog.js";
import { allRules } from "../../../packages/core/src/rules/catalog.js";
import type { Finding } from "../../../packages/core/src/model/finding.js";
import { assertInside as assertLocated } from "../helpers.js";
import type { RuleSettings } from "../../../packages/core/src/engine/lint-config-text.js";

const temp = mkdtempSync(join(tmpdir(), "mcp-lint-python-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// Runs first in this file (fresh module state): nothing has asked for the grammar yet.
describe("loading the Python grammar", () => {
  it("never happens in a run without Python MCP code, and happens on the first Python MCP file", async () => {
    writeFileSync(join(temp, ".mcp.json"), '{ "mcpServers": { "a": { "command": "node", "args": ["s.js"] } } }\n');
    writeFileSync(join(temp, "util.py"), "import os\nprint(os.getcwd())  # mentions mcp in a comment only\n");
    writeFileSync(join(temp, "app.ts"), "export const x = 1;\n");
    const run = await lintFiles(["."], { cwd: temp, noConfigLookup: true });
    expect(run.results.map((r) => r.file)).toEqual([".mcp.json"]);
    expect(pythonParserLoaded()).toBe(false);

    mkdirSync(join(temp, "srv"));
    writeFileSync(join(temp, "srv/server.py"), "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP('x')\nprint('hi')\nmcp.run()\n");
    const second = await lintFiles(["."], { cwd: temp, noConfigLookup: true });
    expect(second.results.map((r) => [r.file, r.findings.map((f) => f.ruleId)])).toEqual([
      [".mcp.json", []],
      ["srv/server.py", ["no-stdout-in-stdio-server"]],
    ]);
    expect(pythonParserLoaded()).toBe(true);
  });
});

describe("the prefilter", () => {
  it("takes files that import mcp or fastmcp, in every import form, and nothing else", () => {
    for (const yes of ["import mcp", "import mcp.server.stdio as s", "from mcp import ClientSession", "from mcp.server.fastmcp import FastMCP", "  from fastmcp import FastMCP", "import os, mcp", "import json as j, fastmcp.client"]) {
      expect(mightBePythonMcp(`x = 1\n${yes}\n`), yes).toBe(true);
    }
    for (const no of ["import mcpx", "from mcp_use import MCPClient", "# from mcp import x", "s = 'from mcp import x'", "from mcpserver import y"]) {
      expect(mightBePythonMcp(`x = 1\n${no}\n`), no).toBe(false);
    }
  });
});

const everyPythonRule: RuleSettings = Object.fromEntries(allRules.filter((r) => r.languages.includes("python")).map((r) => [r.id, { severity: r.severity }]));

function assertInside(text: string, f: Finding): void {
  assertLocated(text, f);
  expect(f.ruleId).not.toBe("internal-error");
}

const PIECES = [
  "from mcp.server.fastmcp import FastMCP\n",
  "from mcp.server.lowlevel import Server\n",
  "from mcp.server.stdio import stdio_server\n",
  "import mcp.server.stdio as stdio\n",
  "from fastmcp import FastMCP as F, Client\n",
  "from mcp import ClientSession, StdioServerParameters\n",
  "mcp = FastMCP('x')\n",
  "server = Server()\n",
  "print('x')\n",
  "mcp.run()\n",
  "mcp.run(transport='sse')\n",
  "async def main():\n    async with stdio_server() as (r, w):\n        await server.run(r, w)\n",
  "threading.Thread(target=stdio_server).start()\n",
  "def f(:\n",
  "    ",
  "'''unterminated\n",
  "\t\u200b\u00e9\ud83d\ude00\r\n",
  "if x:\n",
  "((((((((\n",
];

describe("property: any text given to the Python pass", () => {
  it("returns findings located inside the file and never throws", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 14 }), async (parts) => {
        const text = `import mcp\n${parts.join("")}`;
        const result = await lintPythonText("server.py", text, { rules: everyPythonRule });
        for (const f of result.findings) assertInside(text, f);
      }),
      { numRuns: 150 },
    );
  });

  it("handles deep nesting without overflowing the stack", async () => {
    const deep = `import mcp\nx = ${"(".repeat(5000)}1${")".repeat(5000)}\ny = ${"[".repeat(3000)}\n`;
    const result = await lintPythonText("server.py", deep, { rules: everyPythonRule });
    for (const f of result.findings) assertInside(deep, f);
    const nested = `import mcp\n${Array.from({ length: 400 }, (_, i) => `${"    ".repeat(i)}if x:\n`).join("")}${"    ".repeat(400)}print(1)\n`;
    const r2 = await lintPythonText("server.py", nested, { rules: everyPythonRule });
    for (const f of r2.findings) assertInside(nested, f);
  });
});
