import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "no-stdout-in-stdio-server";

describe(`${RULE} (Python)`, () => {
  it("reports print, sys.stdout.write, stdout logging, rich Console and click.echo in a FastMCP stdio server", async () => {
    const text = py`
      import logging, sys
      import click
      from rich.console import Console
      from mcp.server.fastmcp import FastMCP
      mcp = FastMCP("demo")
      print("starting")
      sys.stdout.write("x")
      logging.basicConfig(level=logging.INFO, stream=sys.stdout)
      handler = logging.StreamHandler(sys.stdout)
      console = Console()
      click.echo("hi")
      print("to stdout", file=sys.stdout)
      @mcp.tool()
      def add(a: int, b: int) -> int:
          print(a)
          return a + b
      if __name__ == "__main__":
          mcp.run()
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [6, 1, "print"],
      [7, 1, "sys.stdout.write"],
      [8, 48, "sys.stdout"],
      [9, 33, "sys.stdout"],
      [10, 11, "Console()"],
      [11, 1, "click.echo"],
      [12, 1, "print"],
      [15, 5, "print"],
    ]);
    // mcp.server.fastmcp is mcp 1.x: no note about the line.
    expect(f[0]!.message).not.toContain("mcp 2.x");
  });

  it("offers file=sys.stderr as a suggestion, not a fix", async () => {
    const text = py`
      import sys
      from fastmcp import FastMCP
      mcp = FastMCP("demo")
      print("a", "b")
      print()
      mcp.run()
    `;
    const f = await lintPy(RULE, text);
    expect(f.map((x) => x.fix)).toEqual([undefined, undefined]);
    const apply = (i: number): string => {
      const s = f[i]!.suggestions![0]!.fix;
      return text.slice(0, s.range[0]) + s.text + text.slice(s.range[1]);
    };
    expect(apply(0)).toContain('print("a", "b", file=sys.stderr)');
    expect(apply(1)).toContain("print(file=sys.stderr)");
  });

  it("does not report stderr output, HTTP-only servers, clients, or output after serving", async () => {
    const http = py`
      from mcp.server.fastmcp import FastMCP
      mcp = FastMCP("demo")
      print("listening on 8000")
      mcp.run(transport="streamable-http")
    `;
    const client = py`
      from mcp import ClientSession, StdioServerParameters
      from mcp.client.stdio import stdio_client
      print("connecting")
    `;
    const ok = py`
      import sys, logging
      from mcp.server.fastmcp import FastMCP
      mcp = FastMCP("demo")
      print("starting", file=sys.stderr)
      logging.basicConfig(level=logging.INFO)
      logging.StreamHandler()
      if __name__ == "__main__":
          mcp.run()
          print("bye")
    `;
    for (const text of [http, client, ok]) expect(await lintPy(RULE, text)).toEqual([]);
  });

  it("does not report --help / --version text followed by an exit, nor a branch that serves another transport", async () => {
    const text = py`
      import sys
      from mcp.server.fastmcp import FastMCP
      mcp = FastMCP("demo")
      def main():
          if "--version" in sys.argv:
              print("1.0.0")
              sys.exit(0)
          transport = sys.argv[1] if len(sys.argv) > 1 else "stdio"
          if transport == "sse":
              print("SSE on :8000")
              mcp.run(transport="sse")
          else:
              mcp.run(transport=transport)
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });

  it("reports output before serving in a low-level stdio server and names the assumed line", async () => {
    const text = py`
      import anyio
      from mcp.server.lowlevel import Server
      from mcp.server.stdio import stdio_server as serve
      server = Server("demo")
      async def main():
          print("ready")
          async with serve() as (r, w):
              await server.run(r, w, server.create_initialization_options())
          print("done")
      anyio.run(main)
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([[6, 5, "print"]]);
    expect(f[0]!.message).toContain("(mcp 1.x; mcp 2.x redirects stdout while serving");
  });

  it("mcp 2.x: reports output before serving, not inside handlers (stdout is redirected while serving)", async () => {
    const text = py`
      from mcp.server.mcpserver import MCPServer
      mcp = MCPServer("demo")
      print("starting")
      @mcp.tool()
      def add(a: int, b: int) -> int:
          print(a)
          return a + b
      mcp.run()
    `;
    expect(located(text, await lintPy(RULE, text))).toEqual([[3, 1, "print"]]);
  });

  it("honours disable comments", async () => {
    const text = py`
      from mcp.server.fastmcp import FastMCP
      mcp = FastMCP("demo")
      # mcp-lint-disable-next-line no-stdout-in-stdio-server -- printed before the client connects, on purpose
      print("a")
      print("b")  # mcp-lint-disable-line no-stdout-in-stdio-server
      print("c")
      mcp.run()
    `;
    expect(located(text, await lintPy(RULE, text))).toEqual([[6, 1, "print"]]);
  });

  it("does not report output in an HTTP app factory beside the stdio run, nor in a function nothing calls", async () => {
    const text = py`
      import contextlib
      from mcp.server.fastmcp import FastMCP
      from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
      mcp = FastMCP("demo")
      def create_app(server):
          session_manager = StreamableHTTPSessionManager(app=server)
          @contextlib.asynccontextmanager
          async def lifespan(app):
              async with session_manager.run():
                  print("HTTP app started")
                  yield
          return lifespan
      def debug_banner():
          print("debug on")
      # debug_banner()
      def main(http: bool):
          if http:
              create_app(mcp._mcp_server)
          else:
              mcp.run()
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
