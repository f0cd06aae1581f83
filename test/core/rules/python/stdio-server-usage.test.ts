import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "stdio-server-usage";

describe(`${RULE} (Python)`, () => {
  it("reports stdio_server passed as a thread target or to asyncio.run", async () => {
    const text = py`
      import asyncio, threading
      from mcp.server.stdio import stdio_server
      threading.Thread(target=stdio_server, daemon=True).start()
      asyncio.run(stdio_server)
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [3, 25, "stdio_server"],
      [4, 13, "stdio_server"],
    ]);
    expect(f[0]!.message).toContain("target=stdio_server of threading.Thread()");
  });

  it("reports stdio_server() not entered, or entered with a plain `with`", async () => {
    const text = py`
      import mcp.server.stdio as stdio
      async def main(server):
          streams = stdio.stdio_server()
          with stdio.stdio_server() as (r, w):
              await server.run(r, w, server.create_initialization_options())
    `;
    const f = await lintPy(RULE, text);
    expect(f.map((x) => [x.line, x.message.slice(0, 40)])).toEqual([
      [3, "stdio_server() is called but not entered"],
      [4, "stdio_server() is called but not entered"],
    ]);
  });

  it("reports streams that are never handed to a server, and Server.run() without initialization options", async () => {
    const text = py`
      from mcp import stdio_server
      from mcp.server.lowlevel import Server
      server = Server("demo")
      async def main():
          async with stdio_server() as (read, write):
              pass
          async with stdio_server() as (read, write):
              await server.run(read, write)
    `;
    const f = await lintPy(RULE, text);
    expect(f.map((x) => [x.line, x.column, x.message.slice(0, 30)])).toEqual([
      [5, 16, "The (read, write) streams of s"],
      [8, 15, "Server.run() takes three argum"],
    ]);
  });

  it("accepts the documented patterns: async with, an exit stack, aliases", async () => {
    const text = py`
      import contextlib
      from mcp.server.lowlevel import Server
      from mcp.server.stdio import stdio_server as serve_stdio
      server = Server("demo")
      async def main():
          async with serve_stdio() as (read_stream, write_stream):
              await server.run(read_stream, write_stream, server.create_initialization_options())
      async def other():
          async with contextlib.AsyncExitStack() as stack:
              read, write = await stack.enter_async_context(serve_stdio())
              await server.run(read, write, initialization_options=server.create_initialization_options())
      async def third(streams):
          async with serve_stdio() as streams:
              await run_elsewhere(*streams)
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });

  it("ignores a stdio_server that is not the SDK's", async () => {
    const text = py`
      from mcp.server.fastmcp import FastMCP
      from myproject import stdio_server
      stdio_server()
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
