import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "mcp-transport-target";

describe(`${RULE} (Python)`, () => {
  it("reports tcp://, ws:// and scheme-less targets of the mcp HTTP clients", async () => {
    const text = py`
      from mcp.client.streamable_http import streamable_http_client, streamablehttp_client as legacy
      from mcp.client.sse import sse_client
      async def main():
          async with streamable_http_client("tcp://127.0.0.1:9000") as (r, w):
              pass
          async with legacy(url="ws://localhost:8000/mcp") as (r, w, _):
              pass
          async with sse_client("localhost:8000/sse") as (r, w):
              pass
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [4, 39, '"tcp://127.0.0.1:9000"'],
      [6, 27, '"ws://localhost:8000/mcp"'],
      [8, 27, '"localhost:8000/sse"'],
    ]);
    expect(f[0]!.message).toContain('streamable_http_client speaks HTTP, but this URL\'s scheme is "tcp:"');
    expect(f[0]!.message).toContain("httpx.UnsupportedProtocol");
    expect(f[1]!.message).toContain("streamablehttp_client speaks HTTP");
    expect(f[2]!.message).toContain('"localhost:8000" has no scheme');
    expect(f[2]!.severity).toBe("error");
  });

  it("reads module-level constants, f-string heads, env defaults, and `import mcp.x` attribute access", async () => {
    const text = py`
      import os
      import mcp.client.sse
      SERVER_URL = "http://localhost:25565/sse"
      async def main(port):
          async with mcp.client.sse.sse_client(SERVER_URL) as s:
              pass
          async with mcp.client.sse.sse_client(f"tcp://localhost:{port}") as s:
              pass
          async with mcp.client.sse.sse_client(os.getenv("MCP_URL", "http://0.0.0.0:8000/sse")) as s:
              pass
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [3, 14, '"http://localhost:25565/sse"'],
      [7, 42, 'f"tcp://localhost:{port}"'],
      [9, 63, '"http://0.0.0.0:8000/sse"'],
    ]);
    expect(f[0]!.message).toContain("Port 25565 is Minecraft's");
    expect(f[2]!.message).toContain("0.0.0.0 is the address a server binds");
  });

  it("reports URL-shaped targets of fastmcp's Client and transports, and of mcp 2.x Client", async () => {
    const text = py`
      from fastmcp import Client
      from fastmcp.client.transports import StreamableHttpTransport, SSETransport
      from mcp import Client as V2Client
      from mcp.client.session_group import StreamableHttpParameters
      a = Client("tcp://127.0.0.1:8000")
      b = Client("localhost:8000")
      c = StreamableHttpTransport(url="ws://localhost:8000/mcp")
      d = SSETransport("http://localhost:6379/sse")
      e = V2Client("ws://localhost:8000/mcp")
      g = StreamableHttpParameters(url="localhost:8000/mcp")
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [5, 12, '"tcp://127.0.0.1:8000"'],
      [6, 12, '"localhost:8000"'],
      [7, 33, '"ws://localhost:8000/mcp"'],
      [8, 18, '"http://localhost:6379/sse"'],
      [9, 14, '"ws://localhost:8000/mcp"'],
      [10, 34, '"localhost:8000/mcp"'],
    ]);
    expect(f[0]!.message).toContain("fastmcp's Client takes an http(s) URL");
    expect(f[0]!.message).toContain("ValueError");
    expect(f[2]!.message).toContain("ValueError: Invalid HTTP/S URL");
    expect(f[3]!.message).toContain("Port 6379 is Redis's");
    expect(f[4]!.message).toContain("mcp.Client takes an http(s) URL");
  });

  it("accepts ws:// for websocket_client, http(s) endpoints, script paths, allowed ports and unknown values", async () => {
    const text = py`
      import os
      from mcp.client.websocket import websocket_client
      from mcp.client.streamable_http import streamable_http_client
      from fastmcp import Client
      URL = os.environ["MCP_URL"]
      async def main(url, host):
          async with websocket_client("ws://localhost:8000/ws") as (r, w):
              pass
          async with streamable_http_client("https://example.com:8443/mcp") as (r, w, _):
              pass
          async with streamable_http_client(url) as (r, w, _):
              pass
          async with streamable_http_client(f"http://{host}:25565/mcp") as (r, w, _):
              pass
          async with streamable_http_client(URL) as (r, w, _):
              pass
          async with streamable_http_client("http://localhost:3306/mcp") as (r, w, _):
              pass
          async with Client("server.py") as c:
              pass
          async with Client("C:\\\\servers\\\\server.py") as c:
              pass
    `;
    expect(await lintPy(RULE, text, { allowPorts: [3306] })).toEqual([]);
  });

  it("does not look at sockets a tool opens to talk to an application", async () => {
    const text = py`
      import socket
      from mcp.server.fastmcp import FastMCP
      mcp = FastMCP("blender")
      @mcp.tool()
      def scene() -> str:
          s = socket.create_connection(("localhost", 9876))
          return s.recv(1024).decode()
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });

  it("ignores a shadowed or reassigned constant and a function of another package", async () => {
    const text = py`
      from mcp.client.sse import sse_client
      from other import Client
      URL = "tcp://localhost:1"
      URL = "http://localhost:8000/sse"
      ADDR = "tcp://localhost:2"
      async def main(ADDR):
          async with sse_client(URL) as s:
              pass
          async with sse_client(ADDR) as s:
              pass
          Client("tcp://localhost:3")
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
