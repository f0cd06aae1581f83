import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "valid-mcp-import";

describe(`${RULE} (Python)`, () => {
  it("reports a TypeScript SDK class name imported from mcp, with the Python spellings", async () => {
    const text = py`
      from mcp import McpServer as Server, ClientSession
      from fastmcp import McpServer
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [1, 17, "McpServer"],
      [2, 21, "McpServer"],
    ]);
    expect(f[0]!.severity).toBe("error");
    expect(f[0]!.message).toContain("`McpServer` is not exported by `mcp` in any supported version (checked against mcp 1.0.0–1.29.0 and 2.0.0)");
    expect(f[0]!.message).toContain("`MCPServer` (from mcp.server.mcpserver, mcp 2.x)");
    expect(f[1]!.message).toContain("checked against fastmcp 2.0.0–2.14.7 and 3.0.2–3.4.7");
  });

  it("reports a name imported from the wrong module, pointing to the module that has it", async () => {
    const text = py`
      from mcp.server import Server, stdio_client
      from mcp.server.stdio import stdio_server as ok
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([[1, 32, "stdio_client"]]);
    expect(f[0]!.message).toContain("`from mcp.server import stdio_client` raises ImportError");
    expect(f[0]!.message).toContain("`stdio_client` from mcp or `stdio_client` from mcp.client.stdio");
  });

  it("reports attribute reads on an imported module, through `import x.y`, `as` and `from x import module`", async () => {
    const text = py`
      import mcp.types
      import mcp.server.stdio as stdio
      from mcp import types
      a = mcp.types.GetResourceRequest
      b = types.ReadResourceRequest
      c = stdio.stdio_serve()
      d = mcp.server.stdio_client
      e = types.Tool.model_validate({})
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [4, 15, "GetResourceRequest"],
      [6, 11, "stdio_serve"],
      [7, 16, "stdio_client"],
    ]);
    expect(f[0]!.message).toContain("`mcp.types.GetResourceRequest` raises AttributeError. Did you mean `ReadResourceRequest`?");
    expect(f[1]!.message).toContain("Did you mean `stdio_server`?");
  });

  it("reports a module that does not exist, at the first missing part, with the closest module", async () => {
    const text = py`
      from mcp.server.fastmcpp import FastMCP
      import mcp.client.stdio_client
      import fastmcp.client.transport as t
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [1, 6, "mcp.server.fastmcpp"],
      [2, 8, "mcp.client.stdio_client"],
      [3, 8, "fastmcp.client.transport"],
    ]);
    expect(f[0]!.message).toContain("Did you mean `mcp.server.fastmcp`?");
    expect(f[2]!.message).toContain("Did you mean `fastmcp.client.transports`?");
  });

  it("reports a name of one mcp line only when the file's other imports prove the other line", async () => {
    // mcp.server.fastmcp was removed in mcp 2.x; MCPServer and mcp.Client exist only in 2.x.
    const onV2 = py`
      from mcp import Client
      from mcp.server.fastmcp import FastMCP
      from mcp.client.streamable_http import streamablehttp_client
    `;
    const f = await lintPy(RULE, onV2);
    expect(located(onV2, f)).toEqual([
      [1, 17, "Client"],
      [2, 6, "mcp.server.fastmcp"],
    ]);
    expect(f[0]!.message).toContain("`mcp.Client` exists only in mcp 2.x, but this file uses mcp 1.x (it imports `mcp.server.fastmcp`)");
    expect(f[1]!.message).toContain("`mcp.server.fastmcp` exists only in mcp 1.x, but this file uses mcp 2.x (it imports `mcp.Client`): with mcp 2.x installed this raises ModuleNotFoundError");
    const onV2Only = py`
      from mcp.server.mcpserver import MCPServer
      from mcp.client.streamable_http import streamablehttp_client
    `;
    const g = await lintPy(RULE, onV2Only);
    expect(located(onV2Only, g)).toEqual([[2, 40, "streamablehttp_client"]]);
    expect(g[0]!.message).toContain("Did you mean `streamable_http_client`?");
    // Alone, each line's own names are fine: the installed version is unknown.
    expect(await lintPy(RULE, "from mcp.server.fastmcp import FastMCP\nfrom mcp.client.streamable_http import streamablehttp_client\n")).toEqual([]);
    expect(await lintPy(RULE, "from mcp.server.mcpserver import MCPServer\nfrom mcp import Client\n")).toEqual([]);
    // mcp.server re-exported stdio_server in mcp 1.0 and 1.1 only: reported once the file proves mcp 2.x.
    const v2 = "from mcp.server.mcpserver import MCPServer\nfrom mcp.server import stdio_server\n";
    const h = await lintPy(RULE, v2);
    expect(located(v2, h)).toEqual([[2, 24, "stdio_server"]]);
    expect(h[0]!.message).toContain("`mcp.server.stdio_server` exists only in mcp 1.x, but this file uses mcp 2.x (it imports `mcp.server.mcpserver`)");
    expect(h[0]!.message).toContain("Did you mean `stdio_server` from mcp");
  });

  it("does not report imports guarded by try/except ImportError, TYPE_CHECKING or a version check", async () => {
    const text = py`
      from typing import TYPE_CHECKING
      from mcp import Client
      try:
          from mcp.server.fastmcp import FastMCP
      except ImportError:
          from mcp.server.mcpserver import MCPServer as FastMCP
      try:
          from mcp import NotYetReleased
      except (ImportError, AttributeError):
          NotYetReleased = None
      if TYPE_CHECKING:
          from mcp.types import SomethingTyped
      import mcp.types as types
      if hasattr(types, "NewThing"):
          x = types.NewThing
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });

  it("accepts the public names of both mcp lines and of fastmcp 2.x / 3.x", async () => {
    const text = py`
      from mcp import ClientSession, StdioServerParameters, stdio_client, types
      from mcp.server.lowlevel import Server, NotificationOptions
      from mcp.server.models import InitializationOptions
      from mcp.server.fastmcp import FastMCP, Context, Image
      from mcp.server.fastmcp.prompts import base
      from mcp.server.transport_security import TransportSecuritySettings
      from mcp.server.auth.provider import AccessToken, TokenVerifier
      from mcp.shared.exceptions import McpError
      from mcp.client.sse import sse_client
      from mcp.types import Tool, TextContent, CallToolResult
      import mcp.server.stdio
      from fastmcp import FastMCP as F2, Client, Context as C2
      from fastmcp.client.transports import StdioTransport, StreamableHttpTransport
      from fastmcp.exceptions import ToolError
      from fastmcp.server.dependencies import get_http_headers
      from . import local
      from .helpers import anything
      def f(types):
          return types.Whatever
      mcp.server.stdio.stdio_server
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });

  it("reads attributes of an object that hides a submodule (fastmcp's `settings` instance) as unknown", async () => {
    // fastmcp/__init__.py binds `settings = Settings()` over the fastmcp.settings module.
    const text = py`
      import fastmcp
      from fastmcp import settings as fastmcp_settings
      path = fastmcp.settings.home / "x"
      http_path = fastmcp_settings.streamable_http_path
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });

  it("knows names that an earlier release of a line had (fastmcp.tools.tool: 3.0 and 3.1, removed in 3.2)", async () => {
    const text = py`
      from fastmcp.server.providers import Provider
      from fastmcp.tools.tool import Tool, ToolResult
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });

  it("does not read attributes through a name the file rebinds (`mcp = FastMCP(...)` after `import mcp.types`)", async () => {
    const text = py`
      import mcp.types
      from mcp.server.fastmcp import FastMCP
      mcp = FastMCP("x")
      @mcp.tool()
      def f() -> str:
          return mcp.settings.host
      types = mcp.types
      async def g(client):
          async with client.session() as mcp:
              await mcp.call_tool("x")
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
    // An alias of the same module is still the module.
    const alias = py`
      import mcp.types
      t = mcp.types
      x = t.GetResourceRequest
    `;
    expect(located(alias, await lintPy(RULE, alias))).toEqual([[3, 7, "GetResourceRequest"]]);
  });

  it("ignores private names and other packages", async () => {
    const text = py`
      from mcp.server.fastmcp.server import _private_helper
      from mcp_extra import McpServer
      import mcp
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
