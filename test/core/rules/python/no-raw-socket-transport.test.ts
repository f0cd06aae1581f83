import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "no-raw-socket-transport";

describe(`${RULE} (Python)`, () => {
  it("reports a socket that MCP JSON-RPC is written to", async () => {
    const text = py`
      import json
      import socket
      from mcp import ClientSession
      def call_tool(name):
          sock = socket.create_connection(("localhost", 25565))
          sock.sendall(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": name}}).encode())
          return sock.recv(65536)
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([[5, 12, 'socket.create_connection(("localhost", 25565))']]);
    expect(f[0]!.message).toContain("raw socket (socket.create_connection)");
    expect(f[0]!.severity).toBe("warning");
  });

  it("reports asyncio.open_connection and aliased socket imports in a class that sends initialize as JSON text", async () => {
    const text = py`
      import asyncio as aio
      from socket import socket as Sock, AF_INET, SOCK_STREAM
      import mcp.types
      class RawClient:
          async def connect(self):
              self.reader, self.writer = await aio.open_connection("127.0.0.1", 9000)
              self.s = Sock(AF_INET, SOCK_STREAM)
          async def initialize(self):
              self.writer.write(b'{"jsonrpc": "2.0", "id": 0, "method": "initialize"}\\n'.decode().encode())
              self.writer.write('{"jsonrpc": "2.0", "id": 0, "method": "initialize"}\\n'.encode())
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [6, 42, 'aio.open_connection("127.0.0.1", 9000)'],
      [7, 18, "Sock(AF_INET, SOCK_STREAM)"],
    ]);
  });

  it("reports a hand-written TCP server that dispatches MCP methods", async () => {
    const text = py`
      import asyncio
      from mcp.server.lowlevel import Server
      async def handle(reader, writer):
          msg = await reader.readline()
          if msg["method"] == "tools/list":
              writer.write(b"...")
      async def main():
          await asyncio.start_server(handle, "0.0.0.0", 9000)
    `;
    expect(located(text, await lintPy(RULE, text))).toEqual([[8, 11, 'asyncio.start_server(handle, "0.0.0.0", 9000)']]);
  });

  it("accepts a free-port socket next to hand-written HTTP JSON-RPC, and a tool that talks to an application", async () => {
    const text = py`
      import socket, httpx
      from mcp.server.fastmcp import FastMCP
      mcp = FastMCP("blender")
      def free_port():
          with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
              s.bind(("127.0.0.1", 0))
              return s.getsockname()[1]
      def test_initialize():
          port = free_port()
          httpx.post(f"http://127.0.0.1:{port}/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "initialize"})
      @mcp.tool()
      def scene(method: str = "initialize") -> str:
          s = socket.create_connection(("localhost", 9876))
          s.sendall(b'{"type": "get_scene_info"}')
          if method == "tools/list":
              return "x"
          return s.recv(1024).decode()
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });

  it("accepts sockets in a module that writes no MCP JSON-RPC, or writes it elsewhere; reports them with reportInSdkModules", async () => {
    const text = py`
      import socket
      from mcp.server.fastmcp import FastMCP
      class Bridge:
          def open(self):
              return socket.create_connection(("localhost", 9876))
      class Other:
          def payload(self):
              return {"method": "tools/call"}
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
    expect(located(text, await lintPy(RULE, text, { reportInSdkModules: true }))).toEqual([[5, 16, 'socket.create_connection(("localhost", 9876))']]);
  });
});
