import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "no-deprecated-sse-transport";

describe(`${RULE} (Python)`, () => {
  it("reports servers that serve only SSE, for mcp 1.x, mcp 2.x and fastmcp", async () => {
    const v1 = py`
      from mcp.server.fastmcp import FastMCP
      mcp = FastMCP("demo", host="127.0.0.1")
      if __name__ == "__main__":
          mcp.run(transport="sse")
    `;
    const f1 = await lintPy(RULE, v1);
    expect(located(v1, f1)).toEqual([[4, 5, 'mcp.run(transport="sse")']]);
    expect(f1[0]!.message).toContain('run() with transport "sse" serves the HTTP+SSE transport');
    expect(f1[0]!.message).toContain('run(transport="streamable-http") or streamable_http_app() (mcp 1.8+)');
    expect(f1[0]!.severity).toBe("warning");

    const v2 = py`
      from mcp.server import MCPServer
      server = MCPServer("demo")
      app = server.sse_app()
    `;
    const f2 = await lintPy(RULE, v2);
    expect(located(v2, f2)).toEqual([[3, 7, "server.sse_app()"]]);
    expect(f2[0]!.message).toContain('run("streamable-http")');

    const fm = py`
      import fastmcp
      mcp = fastmcp.FastMCP("demo")
      mcp.run("sse", host="127.0.0.1")
    `;
    const f3 = await lintPy(RULE, fm);
    expect(located(fm, f3)).toEqual([[3, 1, 'mcp.run("sse", host="127.0.0.1")']]);
    expect(f3[0]!.message).toContain('run(transport="http") or http_app() (fastmcp 2.9+');
  });

  it("reports SseServerTransport, sse_client and fastmcp's SSETransport", async () => {
    const text = py`
      from mcp.server.sse import SseServerTransport
      from mcp.client.sse import sse_client as connect
      from fastmcp.client.transports import SSETransport
      sse = SseServerTransport("/messages/")
      async def main():
          async with connect("http://localhost:8000/sse") as (r, w):
              pass
      t = SSETransport("http://localhost:8000/sse")
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [4, 7, "SseServerTransport"],
      [6, 16, "connect"],
      [8, 5, "SSETransport"],
    ]);
    expect(f[0]!.message).toContain("StreamableHTTPSessionManager (mcp 1.8+)");
    expect(f[1]!.message).toContain("sse_client connects with the deprecated HTTP+SSE transport");
    expect(f[1]!.message).toContain("streamable_http_client (mcp 1.24+");
    expect(f[2]!.message).toContain("StreamableHttpTransport");
  });

  it("accepts SSE chosen from a variable, offered as one choice, served next to Streamable HTTP, or as a client fallback", async () => {
    const text = py`
      import argparse
      from mcp.server.fastmcp import FastMCP
      from mcp.client.sse import sse_client
      from mcp.client.streamable_http import streamable_http_client
      mcp = FastMCP("demo")
      def main(transport):
          mcp.run(transport=transport)
      def cli(args):
          if args.transport == "sse":
              mcp.run(transport="sse")
          else:
              mcp.run()
      async def connect(url, kind):
          if kind == "sse":
              return sse_client(url)
          return streamable_http_client(url)
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
    const fallback = py`
      from mcp.client.sse import sse_client
      from mcp.client.streamable_http import streamablehttp_client
      async def connect(url):
          try:
              return await open_streams(streamablehttp_client(url))
          except Exception:
              return await open_streams(sse_client(url))
    `;
    expect(await lintPy(RULE, fallback)).toEqual([]);
    const connector = py`
      from mcp.client.sse import sse_client
      class SseConnector:
          def __init__(self, url):
              self.url = url
          async def connect(self):
              return sse_client(url=self.url)
      async def run_sse_client(url: str):
          async with sse_client(url + "/sse") as streams:
              pass
    `;
    expect(await lintPy(RULE, connector)).toEqual([]);
    const both = py`
      from fastmcp import FastMCP
      mcp = FastMCP("demo")
      http = mcp.http_app()
      sse = mcp.http_app(transport="sse")
    `;
    expect(await lintPy(RULE, both)).toEqual([]);
    expect(located(both, await lintPy(RULE, both, { allowBackwardCompatibility: false }))).toEqual([[4, 7, 'mcp.http_app(transport="sse")']]);
  });
});
