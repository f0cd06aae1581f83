import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "http-server-origin-host-protection";

describe(`${RULE} (Python)`, () => {
  it("reports mcp 1.x FastMCP(host=...) on every interface or a public name without transport_security", async () => {
    const text = py`
      import os
      from mcp.server.fastmcp import FastMCP
      mcp = FastMCP("demo", host="0.0.0.0", port=8000)
      other = FastMCP("other", host=os.getenv("HOST", "mcp.example.com"))
      mcp.run(transport="streamable-http")
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [3, 28, '"0.0.0.0"'],
      [4, 49, '"mcp.example.com"'],
    ]);
    expect(f[0]!.message).toContain('listens on "0.0.0.0" (every interface)');
    expect(f[0]!.message).toContain("mcp 1.23+ turns DNS-rebinding protection on by itself only for host 127.0.0.1, localhost or ::1");
    expect(f[0]!.message).toContain("to FastMCP(...)");
    expect(f[1]!.message).toContain('"mcp.example.com" (not a loopback address)');
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.suggestions?.[0]?.fix).toEqual({ range: [text.indexOf('"0.0.0.0"'), text.indexOf('"0.0.0.0"') + 9], text: '"127.0.0.1"' });
  });

  it("reports mcp 2.x MCPServer run()/streamable_http_app() with host and no transport_security", async () => {
    const text = py`
      from mcp.server import MCPServer
      server = MCPServer("demo")
      HOST = "::"
      server.run("streamable-http", host=HOST, port=8000)
      app = server.streamable_http_app(host="0.0.0.0")
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [3, 8, '"::"'],
      [5, 39, '"0.0.0.0"'],
    ]);
    expect(f[0]!.message).toContain("MCPServer turns DNS-rebinding protection on by itself only");
  });

  it("reports fastmcp HTTP on every interface without host_origin_protection, and uvicorn serving an unprotected app", async () => {
    const text = py`
      import uvicorn
      from fastmcp import FastMCP
      mcp = FastMCP("demo")
      def main():
          mcp.run(transport="http", host="0.0.0.0", port=8000)
      def asgi():
          app = mcp.http_app()
          uvicorn.run(app, host="0.0.0.0", port=8000)
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [5, 36, '"0.0.0.0"'],
      [8, 27, '"0.0.0.0"'],
    ]);
    expect(f[0]!.message).toContain("fastmcp checks Host/Origin only when asked (host_origin_protection=True, fastmcp 3.4.4+");
    expect(f[1]!.message).toContain("uvicorn serves this module's MCP app on \"0.0.0.0\" (every interface), and fastmcp's http_app()");
  });

  it("reports low-level transports without security_settings served by uvicorn on every interface", async () => {
    const text = py`
      import uvicorn as uv
      from mcp.server.lowlevel import Server
      from mcp.server.sse import SseServerTransport
      server = Server("demo")
      from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
      def sse_main():
          sse = SseServerTransport("/messages/")
          uv.run(app, host="0.0.0.0")
      def http_main():
          manager = StreamableHTTPSessionManager(app=server)
          uv.run(app, host="0.0.0.0")
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [8, 22, '"0.0.0.0"'],
      [11, 22, '"0.0.0.0"'],
    ]);
    expect(f[0]!.message).toContain("SseServerTransport without security_settings validates no Host/Origin header");
    expect(f[1]!.message).toContain("StreamableHTTPSessionManager without security_settings validates no Host/Origin header");
    expect(f[1]!.message).toContain("Pass security_settings=TransportSecuritySettings(");
  });

  it("accepts loopback hosts, protection, authentication, stdio-only serving and protected apps", async () => {
    const text = py`
      import uvicorn
      from mcp.server.fastmcp import FastMCP
      from mcp.server.transport_security import TransportSecuritySettings
      from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
      a = FastMCP("a", host="127.0.0.1")
      b = FastMCP("b", host="0.0.0.0", transport_security=TransportSecuritySettings(allowed_hosts=["mcp.example.com"]))
      c = FastMCP("c", host="0.0.0.0", token_verifier=MyVerifier())
      d = FastMCP("d", host="0.0.0.0")
      d.run()
      e = FastMCP("e")
      m = StreamableHTTPSessionManager(app=server, security_settings=TransportSecuritySettings(allowed_hosts=["x"]))
      uvicorn.run(e.streamable_http_app(), host="0.0.0.0")
      def serve(host):
          f = FastMCP("f", host=host)
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
    const fm = py`
      from fastmcp import FastMCP
      from starlette.middleware import Middleware
      from starlette.middleware.trustedhost import TrustedHostMiddleware
      a = FastMCP("a", auth=provider)
      a.run(transport="http", host="0.0.0.0")
      b = FastMCP("b")
      b.run(transport="http", host="0.0.0.0", host_origin_protection=True)
      b.run(transport="stdio")
    `;
    expect(await lintPy(RULE, fm)).toEqual([]);
    const guarded = py`
      from fastmcp import FastMCP
      from starlette.middleware import Middleware
      from starlette.middleware.trustedhost import TrustedHostMiddleware
      b = FastMCP("b")
      b.run(transport="http", host="0.0.0.0", middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=["x"])])
    `;
    expect(await lintPy(RULE, guarded)).toEqual([]);
  });

  it("still reports transport_security that turns protection off", async () => {
    const text = py`
      from mcp.server.fastmcp import FastMCP
      from mcp.server.transport_security import TransportSecuritySettings
      mcp = FastMCP("demo", host="0.0.0.0", transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False))
    `;
    expect(located(text, await lintPy(RULE, text))).toEqual([[3, 28, '"0.0.0.0"']]);
  });
});
