import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintPythonText } from "../../../../packages/core/src/code/python/runner.js";
import { allRules } from "../../../../packages/core/src/rules/catalog.js";
import type { RuleSettings } from "../../../../packages/core/src/engine/lint-config-text.js";

const RULES = ["await-mcp-connect", "client-session-initialize", "no-blocking-call-in-async-handler"];

/** Lines these rules look at, shuffled, re-indented and cut anywhere: most results are not valid Python. */
const FRAGMENTS = [
  "from mcp import ClientSession",
  "import mcp.client.session as cs",
  "from mcp.server.fastmcp import FastMCP",
  "from fastmcp import Client",
  "from mcp.server.lowlevel import Server",
  "import time, requests, subprocess",
  "from urllib.request import urlopen",
  "mcp = FastMCP('x')",
  "server = Server('s')",
  "@mcp.tool()",
  "@server.call_tool()",
  "async def f(session: ClientSession, server):",
  "def g(self):",
  "class A:",
  "async with ClientSession(r, w) as session:",
  "async with ClientSession(r, w) as self.session, x as y:",
  "session = ClientSession(r, w)",
  "self.session = await self.stack.enter_async_context(ClientSession(r, w))",
  "session.initialize()",
  "await session.list_tools()",
  "await ClientSession(r, w).initialize()",
  "server.run(r, w, opts)",
  "time.sleep(1)",
  "requests.get(url)",
  "await helper()",
  "helper()",
  "await self.g()",
  "lambda: requests.get(u)",
  "return session",
  "pass",
];

const pythonLike = fc
  .array(fc.record({ line: fc.constantFrom(...FRAGMENTS), indent: fc.integer({ min: 0, max: 4 }) }), { maxLength: 30 })
  .chain((lines) => {
    const text = lines.map((l) => `${"    ".repeat(l.indent)}${l.line}`).join("\n");
    return fc.tuple(fc.constant(text), fc.integer({ min: 0, max: text.length }), fc.string({ maxLength: 3 }));
  })
  .map(([text, cut, junk]) => text.slice(0, cut) + junk + text.slice(cut));

describe("Python session and handler rules: any text", () => {
  it("returns findings inside the file and never an internal error", async () => {
    const rules: RuleSettings = {};
    for (const r of allRules) rules[r.id] = { severity: "off" };
    for (const id of RULES) rules[id] = { severity: "error" };
    await fc.assert(
      fc.asyncProperty(pythonLike, async (text) => {
        const result = await lintPythonText("x.py", text, { rules });
        const lines = text.split(/\r\n|\r|\n/);
        for (const f of result.findings) {
          expect(f.ruleId).not.toBe("internal-error");
          expect([...RULES, "syntax"]).toContain(f.ruleId);
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.endLine).toBeLessThanOrEqual(lines.length);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.endColumn).toBeLessThanOrEqual(lines[f.endLine - 1]!.length + 1);
        }
      }),
      { numRuns: 150 },
    );
  });
});
