import { describe, expect, it } from "vitest";
import { codeRuleMeta } from "../../../../packages/core/src/rules/js/index.js";
import { pythonRules } from "../../../../packages/core/src/rules/python/index.js";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "await-mcp-connect";

describe(`${RULE} (Python)`, () => {
  it("shares the JavaScript rule's severity", () => {
    const js = codeRuleMeta.find((m) => m.id === RULE)!;
    const python = pythonRules.find((r) => r.meta.id === RULE)!;
    expect(python.meta.severity).toBe(js.severity);
    expect(python.meta.recommended).toBe(js.recommended);
  });

  it("reports ClientSession coroutines called without await", async () => {
    const text = py`
      import asyncio
      from mcp import ClientSession, StdioServerParameters
      from mcp.client.stdio import stdio_client

      async def main(params):
          async with stdio_client(params) as (read, write):
              async with ClientSession(read, write) as session:
                  session.initialize()
                  tools = await session.list_tools()
                  session.call_tool("add", {"a": 1})
                  task = asyncio.create_task(session.call_tool("x", {}))
                  await session.call_tool("x", {})
                  caps = session.get_server_capabilities()
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [8, 13, "session.initialize()"],
      [10, 13, 'session.call_tool("add", {"a": 1})'],
    ]);
    expect(f[0]!.message).toContain("never runs");
    expect(f[0]!.message).toContain("the initialize handshake is never sent");
    expect(f[0]!.message).toContain("Write `await session.initialize()`");
    expect(f[1]!.message).toContain("the request is never sent");
    expect(f[1]!.message).toContain("Write `await session.call_tool(...)`");
    expect(f[0]!.suggestions?.[0]?.fix).toEqual({ range: [text.indexOf("session.initialize()"), text.indexOf("session.initialize()")], text: "await " });
  });

  it("follows `import mcp.client.session` attribute access, aliases, annotated parameters and exit stacks", async () => {
    const text = py`
      import mcp.client.session
      from mcp import ClientSession as CS
      from contextlib import AsyncExitStack

      async def helper(s: mcp.client.session.ClientSession):
          s.list_tools()

      class Chat:
          async def connect(self, read, write):
              self.stack = AsyncExitStack()
              self.session = await self.stack.enter_async_context(CS(read, write))
              self.session.initialize()

      def sync_caller(session: "CS"):
          session.send_ping()
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [6, 5, "s.list_tools()"],
      [12, 9, "self.session.initialize()"],
      [15, 5, "session.send_ping()"],
    ]);
    // No `await` can be written in a plain def: no suggestion there.
    expect(f[2]!.suggestions ?? []).toEqual([]);
  });

  it("reports a low-level Server.run and the async run methods of high-level servers (mcp 1.x, mcp 2.x, fastmcp)", async () => {
    const text = py`
      import mcp.server.stdio
      from mcp.server.lowlevel import Server as LowServer
      from mcp.server.mcpserver import MCPServer
      from fastmcp import FastMCP

      server = LowServer("demo")
      app = MCPServer("v2")
      fm = FastMCP("fm")

      async def main():
          async with mcp.server.stdio.stdio_server() as (r, w):
              server.run(r, w, server.create_initialization_options())
          app.run_stdio_async()
          fm.run_async(transport="http")
          fm.run()
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [12, 9, "server.run(r, w, server.create_initialization_options())"],
      [13, 5, "app.run_stdio_async()"],
      [14, 5, 'fm.run_async(transport="http")'],
    ]);
    expect(f[0]!.message).toContain("the server never serves");
  });

  it("reports fastmcp and mcp 2.x Client requests without await", async () => {
    const text = py`
      from fastmcp import Client

      async def main():
          async with Client("http://127.0.0.1:8000/mcp") as client:
              client.ping()
              await client.list_tools()
    `;
    expect(located(text, await lintPy(RULE, text))).toEqual([[5, 9, "client.ping()"]]);
    const v2 = py`
      from mcp import Client
      async def main(server):
          async with Client(server) as c:
              c.call_tool("x", {})
    `;
    expect(located(v2, await lintPy(RULE, v2))).toEqual([[4, 9, 'c.call_tool("x", {})']]);
  });

  it("does not follow a name that a function rebinds to something else", async () => {
    const text = py`
      import uvicorn
      from mcp.server.lowlevel import Server

      server = Server("demo")

      def serve_http(app):
          server = uvicorn.Server(uvicorn.Config(app))
          server.run()

      def serve_more(app, server):
          server.run()

      async def serve_stdio(r, w):
          server.run(r, w, server.create_initialization_options())
    `;
    expect(located(text, await lintPy(RULE, text))).toEqual([[14, 5, "server.run(r, w, server.create_initialization_options())"]]);
  });

  it("accepts awaited calls, sync methods, other objects and other ClientSession classes", async () => {
    const text = py`
      import aiohttp
      from mcp import ClientSession
      from mcp.server.fastmcp import FastMCP

      mcp = FastMCP("demo")

      async def main(read, write):
          async with ClientSession(read, write) as session:
              await session.initialize()
              result = session.list_tools()
              await result
          async with aiohttp.ClientSession() as http:
              http.get("https://example.com")
          other.initialize()

      if __name__ == "__main__":
          mcp.run()
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
