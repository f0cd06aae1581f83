import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "mcp-server-must-connect";

describe(`${RULE} (Python)`, () => {
  it("reports a low-level Server that is only decorated, and a server built in a function and dropped", async () => {
    const text = py`
      import mcp.server.lowlevel as lowlevel
      from fastmcp import FastMCP
      server = lowlevel.Server("files")
      @server.list_tools()
      async def list_tools():
          return []
      def build():
          app = FastMCP("x")
          @app.tool()
          def ping() -> str:
              return "pong"
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [3, 10, 'lowlevel.Server("files")'],
      [8, 11, 'FastMCP("x")'],
    ]);
    expect(f[0]!.message).toContain("await server.run(read, write, server.create_initialization_options())");
    expect(f[1]!.message).toContain("This FastMCP is never run or served");
  });

  it("accepts module-level high-level servers (mcp run / fastmcp run serve them), run, returned or passed-on servers", async () => {
    const text = py`
      from mcp.server.fastmcp import FastMCP
      from mcp.server.mcpserver import MCPServer
      from mcp.server.lowlevel import Server
      mcp = FastMCP("served by mcp run")
      other = MCPServer("also")
      low = Server("low")
      def factory():
          s = FastMCP("returned")
          return s
      def mounted(app):
          s = FastMCP("mounted")
          app.mount("/", s.streamable_http_app())
      async def main(read, write):
          await low.run(read, write, low.create_initialization_options())
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });

  it("leaves a public member alone (whoever holds the object may serve it), and checks a private one", async () => {
    const text = py`
      from fastmcp import FastMCP
      class App:
          def __init__(self):
              self.mcp = FastMCP("public")
              self._hidden = FastMCP("private")
              @self._hidden.tool()
              def ping() -> str:
                  return "pong"
      async def main():
          await App().mcp.run_async()
    `;
    expect(located(text, await lintPy(RULE, text))).toEqual([[5, 24, 'FastMCP("private")']]);
  });
});
