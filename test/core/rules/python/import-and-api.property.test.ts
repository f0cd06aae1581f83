import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintPythonText } from "../../../../packages/core/src/code/python/runner.js";
import { allRules } from "../../../../packages/core/src/rules/catalog.js";
import type { RuleSettings } from "../../../../packages/core/src/engine/lint-config-text.js";

const RULES = ["valid-mcp-import", "mcp-api-mismatch", "no-sync-run-in-event-loop"];

/** Lines that are often almost right: SDK imports, constructors and run() calls, mutated and shuffled. */
const FRAGMENTS = [
  "from mcp import McpServer, ClientSession, types",
  "from mcp.server.fastmcp import FastMCP",
  "from mcp.server.mcpserver import MCPServer",
  "from fastmcp import FastMCP as F",
  "from mcp.server import Server",
  "import mcp.types",
  "import mcp.server.stdio as stdio",
  "import mcp.server.nothere",
  "from mcp.client.streamable_http import streamablehttp_client",
  "from mcp import Client",
  "mcp = FastMCP('x', host='0.0.0.0', version='1')",
  "m2 = MCPServer('x', 'a long sentence that reads like instructions to me', port=1)",
  "f = F('x', transport='http', stateless_http=True)",
  "server = Server()",
  "server = Server('x', '1.0')",
  "mcp.run(transport='http', host='h')",
  "f.run(transport='streamable_http')",
  "async def main():\n    mcp.run()\n    await f.run()",
  "def start():\n    mcp.run()",
  "async def go():\n    start()",
  "asyncio.run(mcp.run())",
  "anyio.run(f.run)",
  "x = mcp.types.GetResourceRequest",
  "y = stdio.stdio_serve().a.b",
  "try:\n    from mcp import Nope\nexcept ImportError:\n    pass",
  "types = mcp.types",
  "mcp = None",
];

function settings(): RuleSettings {
  const rules: RuleSettings = {};
  for (const r of allRules) rules[r.id] = { severity: RULES.includes(r.id) ? "error" : "off" };
  return rules;
}

describe("valid-mcp-import, mcp-api-mismatch, no-sync-run-in-event-loop on arbitrary text", () => {
  it("return located findings inside the file and never fail", async () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 30 }), fc.constantFrom("    ", "(", ")", ":", "\n", "\\", "'''")), { maxLength: 14 })
      .map((parts) => `import mcp\nfrom mcp.server.fastmcp import FastMCP\nmcp = FastMCP("x")\n${parts.join("\n")}`);
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const result = await lintPythonText("server.py", t, { rules: settings() });
        const lines = t.split(/\r\n|\r|\n/);
        for (const f of result.findings) {
          seen.add(f.ruleId);
          expect(f.ruleId).not.toBe("internal-error");
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.endLine).toBeLessThanOrEqual(lines.length);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeLessThanOrEqual(lines[f.line - 1]!.length + 1);
          expect(f.endColumn).toBeLessThanOrEqual(lines[f.endLine - 1]!.length + 1);
        }
      }),
      // Every fragment once, in order: each rule has something to report whatever the random runs draw.
      { numRuns: 150, examples: [[`import mcp\n${FRAGMENTS.join("\n")}`]] },
    );
    // The generator reaches every rule (the property is not vacuous).
    for (const id of RULES) expect(seen.has(id), id).toBe(true);
  });
});
