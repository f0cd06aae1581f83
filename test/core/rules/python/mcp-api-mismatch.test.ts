import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "mcp-api-mismatch";

describe(`${RULE} (Python)`, () => {
  it("reports the issue's low-level Server() without a name, through every import spelling", async () => {
    const text = py`
      from mcp.server.stdio import stdio_server
      from mcp.server import Server
      import mcp.server.lowlevel as lowlevel
      from mcp.server.lowlevel import Server as LowServer
      server = Server()
      other = lowlevel.Server()
      third = LowServer(version="1.0")
      fine = Server("demo")
      named = Server(name="demo")
      unknown = Server(**options)
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [5, 10, "Server()"],
      [6, 9, "lowlevel.Server()"],
      [7, 9, 'LowServer(version="1.0")'],
    ]);
    expect(f[0]!.severity).toBe("error");
    expect(f[0]!.message).toContain("required `name` parameter in mcp 1.x and 2.x");
  });

  it("reports host/port on mcp 1.x FastMCP.run(), where they belong to the constructor", async () => {
    const text = py`
      from mcp.server.fastmcp import FastMCP as Fast
      mcp = Fast("demo")
      mcp.run(transport="sse", host="0.0.0.0", port=8080)
      mcp.run(transport="streamable-http", mount_path="/x")
      Fast("other").run(port=1)
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [3, 26, 'host="0.0.0.0"'],
      [3, 42, "port=8080"],
      [5, 19, "port=1"],
    ]);
    expect(f[0]!.message).toContain("`host=` is not a parameter of `FastMCP.run()` in mcp 1.x");
    expect(f[0]!.message).toContain('`FastMCP("name", host=..., port=...)`');
  });

  it("accepts host/port on run() in fastmcp and in mcp 2.x MCPServer", async () => {
    const fast = py`
      from fastmcp import FastMCP
      mcp = FastMCP("demo")
      mcp.run(transport="http", host="127.0.0.1", port=8000)
    `;
    const v2 = py`
      from mcp.server.mcpserver import MCPServer
      mcp = MCPServer("demo")
      mcp.run("streamable-http", host="127.0.0.1", port=8000)
    `;
    expect(await lintPy(RULE, fast)).toEqual([]);
    expect(await lintPy(RULE, v2)).toEqual([]);
  });

  it('reports transport="http" and "streamable_http" on the mcp package\'s servers, not on fastmcp', async () => {
    const text = py`
      from mcp.server.fastmcp import FastMCP
      from mcp.server.mcpserver import MCPServer
      import fastmcp
      a = FastMCP("a")
      b = MCPServer("b")
      c = fastmcp.FastMCP("c")
      a.run(transport="http")
      b.run("streamable_http")
      c.run(transport="http")
      c.run(transport="streamable_http")
      a.run(transport=choice)
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [7, 17, '"http"'],
      [8, 7, '"streamable_http"'],
      [10, 17, '"streamable_http"'],
    ]);
    expect(f[0]!.message).toContain('`http` is not a transport of mcp 1.x `FastMCP.run()`');
    expect(f[0]!.message).toContain('ValueError("Unknown transport: http")');
    expect(f[0]!.message).toContain('only the fastmcp package also accepts "http"');
    expect(f[1]!.message).toContain("mcp 2.x `MCPServer.run()`");
    expect(f[2]!.message).toContain('fastmcp\'s `FastMCP.run()`');
    expect(f[2]!.message).toContain('Use "streamable-http"');
  });

  it("reports host/port/transport on the mcp 2.x MCPServer constructor, and a v1-style second positional argument", async () => {
    const text = py`
      from mcp.server import MCPServer
      mcp = MCPServer("demo", "Answers questions about the weather in any city.", host="0.0.0.0", port=9000, transport="sse")
      ok = MCPServer("demo", "Weather", instructions="Use the tools.")
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [2, 25, '"Answers questions about the weather in any city."'],
      [2, 77, 'host="0.0.0.0"'],
      [2, 93, "port=9000"],
      [2, 104, 'transport="sse"'],
    ]);
    expect(f.map((x) => x.severity)).toEqual(["warning", "error", "error", "error"]);
    expect(f[0]!.message).toContain("second positional parameter of `MCPServer()` is `title`");
    expect(f[1]!.message).toContain('`mcp.run("streamable-http", host=...)`');
  });

  it("reports unknown constructor keywords on mcp 1.x FastMCP (TypeError since 1.12.3) and fastmcp; fastmcp's removed ones as warnings", async () => {
    const text = py`
      from mcp.server.fastmcp import FastMCP
      from fastmcp import FastMCP as Standalone
      a = FastMCP("a", version="1.0", host="0.0.0.0", port=8000, stateless_http=True)
      b = Standalone("b", host="0.0.0.0", transport="http", dependencies=["x"], version="2")
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [3, 18, 'version="1.0"'],
      [4, 21, 'host="0.0.0.0"'],
      [4, 37, 'transport="http"'],
      [4, 55, 'dependencies=["x"]'],
    ]);
    expect(f.map((x) => x.severity)).toEqual(["error", "warning", "error", "warning"]);
    expect(f[0]!.message).toContain("mcp 1.12.3 and later");
    expect(f[1]!.message).toContain("removed from fastmcp's `FastMCP()` in fastmcp 3.0");
    expect(f[1]!.message).toContain('`b.run(transport="http", host=...)`');
    expect(f[2]!.message).toContain("fastmcp 2.8 and later");
  });

  it("reports a positional version on the low-level Server only when the file uses mcp 2.x, where it is keyword-only", async () => {
    const v2 = py`
      from mcp.server.lowlevel import Server
      from mcp import Client
      server = Server("demo", "1.0.0")
      ok = Server("demo", version="1.0.0")
    `;
    const f = await lintPy(RULE, v2);
    expect(located(v2, f)).toEqual([[3, 25, '"1.0.0"']]);
    expect(f[0]!.message).toContain("In mcp 2.x the low-level `Server()` takes only its name positionally");
    // mcp 1.x: Server(name, version, instructions, ...); a file that does not show its line is not reported.
    expect(await lintPy(RULE, 'from mcp.server.lowlevel import Server\nserver = Server("demo", "1.0.0")\n')).toEqual([]);
    expect(await lintPy(RULE, 'from mcp.server.lowlevel import Server\nfrom mcp.server.fastmcp import FastMCP\nserver = Server("demo", "1.0.0")\n')).toEqual([]);
  });

  it("does not guess when the same class name is imported from two packages (try/except fallback)", async () => {
    const text = py`
      try:
          from fastmcp import FastMCP
      except ImportError:
          from mcp.server.fastmcp import FastMCP
      mcp = FastMCP("x")
      mcp.run(transport="http", host="0.0.0.0")
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
