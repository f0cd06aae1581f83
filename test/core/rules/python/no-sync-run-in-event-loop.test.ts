import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "no-sync-run-in-event-loop";

describe(`${RULE} (Python)`, () => {
  it("reports the synchronous run() of an mcp 1.x FastMCP inside async def, with the awaitable twin", async () => {
    const text = py`
      import asyncio
      from mcp.server.fastmcp import FastMCP as Server
      mcp = Server("demo")
      async def main():
          await setup()
          mcp.run()
      async def http():
          mcp.run(transport="streamable-http")
      asyncio.run(main())
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [6, 5, "mcp.run"],
      [8, 5, "mcp.run"],
    ]);
    expect(f[0]!.severity).toBe("error");
    expect(f[0]!.message).toContain('RuntimeError("Already running asyncio in this thread")');
    expect(f[0]!.message).toContain("(mcp 1.x FastMCP)");
    expect(f[0]!.message).toContain("`await mcp.run_stdio_async()`");
    expect(f[0]!.suggestions?.[0]?.fix).toEqual({ range: [text.indexOf("mcp.run()"), text.indexOf("mcp.run()") + 9], text: "await mcp.run_stdio_async()" });
    expect(f[1]!.message).toContain("`await mcp.run_streamable_http_async()`");
  });

  it("reports mcp 2.x MCPServer and fastmcp (2.x/3.x) run() in async code, including `await server.run()`", async () => {
    const text = py`
      from mcp.server.mcpserver import MCPServer
      import fastmcp
      a = MCPServer("a")
      b = fastmcp.FastMCP("b")
      async def one():
          a.run()
      async def two():
          await b.run(transport="http", port=8000)
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [6, 5, "a.run"],
      [8, 5, 'await b.run(transport="http", port=8000)'],
    ]);
    expect(f[0]!.message).toContain("(mcp 2.x MCPServer)");
    expect(f[1]!.message).toContain('`await b.run_async(transport="http", port=8000)`');
    expect(f[1]!.suggestions).toBeUndefined();
  });

  it("follows one sync helper called inside async def; asyncio.run(mcp.run()) is a warning", async () => {
    const text = py`
      import asyncio
      from fastmcp import FastMCP
      server = FastMCP("x")
      def start():
          server.run()
      async def main():
          start()
      if __name__ == "__main__":
          asyncio.run(server.run())
          asyncio.run(start())
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [7, 5, "start()"],
      [9, 17, "server.run()"],
      [10, 17, "start()"],
    ]);
    expect(f.map((x) => x.severity)).toEqual(["error", "warning", "warning"]);
    expect(f[0]!.message).toContain("`start()` calls the synchronous `server.run()` (line 5)");
    expect(f[1]!.message).toContain("`asyncio.run()` receives None");
  });

  it("reports run handed uncalled to anyio.run / asyncio.run", async () => {
    const text = py`
      import anyio, asyncio
      from fastmcp import FastMCP
      from mcp.server.fastmcp import FastMCP as V1
      a = FastMCP("a")
      b = V1("b")
      anyio.run(a.run)
      asyncio.run(b.run)
      anyio.run(a.run_async)
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [6, 11, "a.run"],
      [7, 13, "b.run"],
    ]);
    expect(f[0]!.message).toContain('RuntimeError("Already running asyncio in this thread")');
    expect(f[0]!.message).toContain("`anyio.run(a.run_async)`");
    expect(f[1]!.message).toContain('ValueError ("a coroutine was expected")');
    expect(f[1]!.message).toContain("`asyncio.run(b.run_stdio_async())`");
  });

  it("accepts the awaitable forms, threads, and other run() calls", async () => {
    const text = py`
      import asyncio, anyio, subprocess, uvicorn
      from mcp.server.fastmcp import FastMCP
      from mcp.server.lowlevel import Server
      from mcp.server.stdio import stdio_server
      mcp = FastMCP("demo")
      low = Server("low")
      async def main():
          await mcp.run_stdio_async()
          await asyncio.to_thread(mcp.run)
          await asyncio.get_running_loop().run_in_executor(None, lambda: mcp.run())
          async with stdio_server() as (r, w):
              await low.run(r, w, low.create_initialization_options())
          async with mcp.session_manager.run():
              pass
          subprocess.run(["ls"])
          uvicorn.run(app)
          def in_thread():
              mcp.run()
      def sync_main():
          mcp.run()
      if __name__ == "__main__":
          sync_main()
          anyio.run(main)
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
