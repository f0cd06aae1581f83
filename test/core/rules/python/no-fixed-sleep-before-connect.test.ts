import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "no-fixed-sleep-before-connect";

describe(`${RULE} (Python)`, () => {
  it("reports the issue's example: a fixed sleep after starting stdio_server in a thread (line 9)", async () => {
    const text = py`
      from mcp.server.stdio import stdio_server
      from mcp.server import Server
      import threading
      import time
      # Start MCP stdio server in a background thread
      server = Server()
      threading.Thread(target=stdio_server, args=(server,), daemon=True).start()
      # Give server time to start
      time.sleep(1)
      print("MCP stdio server started successfully.")
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([[9, 1, "time.sleep(1)"]]);
    expect(f[0]!.message).toContain("A fixed 1 s wait after starting stdio_server in a thread is no readiness check");
    expect(f[0]!.severity).toBe("warning");
  });

  it("reports a sleep between starting an HTTP server process and connecting to it", async () => {
    const text = py`
      import asyncio, subprocess
      from mcp.client.streamable_http import streamable_http_client
      from mcp import ClientSession
      async def main():
          proc = subprocess.Popen(["python", "server.py"])
          await asyncio.sleep(2.5)
          async with streamable_http_client("http://127.0.0.1:8000/mcp") as (r, w, _):
              async with ClientSession(r, w) as s:
                  await s.initialize()
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([[6, 5, "await asyncio.sleep(2.5)"]]);
    expect(f[0]!.message).toContain("A fixed 2.5 s wait between starting the server and connecting (streamable_http_client())");
  });

  it("reports a sleep after a server thread (aliases, t.start(), a target function) before fastmcp's Client, and before stdio_client", async () => {
    const text = py`
      from threading import Thread as T
      from time import sleep as wait
      from fastmcp import Client, FastMCP
      from mcp.client.stdio import stdio_client
      mcp = FastMCP("demo")
      def serve():
          mcp.run(transport="http", port=8000)
      async def main(params):
          t = T(target=serve, daemon=True)
          t.start()
          wait(1)
          async with Client("http://127.0.0.1:8000/mcp") as c:
              await c.list_tools()
      async def other(params):
          T(target=mcp.run).start()
          wait(3)
      async def third(params):
          proc = T(target=print).start()
          wait(1)
          async with stdio_client(params) as (r, w):
              pass
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [11, 5, "wait(1)"],
      [16, 5, "wait(3)"],
      [19, 5, "wait(1)"],
    ]);
    expect(f[0]!.message).toContain("connecting (Client())");
    expect(f[1]!.message).toContain("after starting mcp.run in a thread");
    expect(f[2]!.message).toContain("stdio_client starts the server process itself");
    expect(f[2]!.suggestions?.[0]?.fix.text).toBe("");
  });

  it("accepts sleeps in retry and polling loops, in tools, sleep(0), and sleeps with nothing started or nothing connecting", async () => {
    const text = py`
      import time, asyncio, subprocess, threading
      import httpx
      from mcp.server.fastmcp import FastMCP
      from mcp.client.sse import sse_client
      mcp = FastMCP("demo")
      @mcp.tool()
      async def slow() -> str:
          proc = subprocess.Popen(["worker"])
          await asyncio.sleep(1)
          async with sse_client("http://127.0.0.1:8000/sse") as s:
              return "x"
      async def main():
          proc = subprocess.Popen(["python", "server.py"])
          for attempt in range(10):
              try:
                  async with sse_client("http://127.0.0.1:8000/sse") as s:
                      break
              except Exception:
                  await asyncio.sleep(0.5)
          while True:
              if httpx.get("http://127.0.0.1:8000/health").status_code == 200:
                  break
              time.sleep(0.2)
          proc2 = subprocess.Popen(["python", "server.py"])
          await asyncio.sleep(0)
          async with sse_client("http://127.0.0.1:8000/sse") as s:
              pass
          time.sleep(1)
          async with sse_client("http://127.0.0.1:8000/sse") as s:
              pass
      def worker():
          threading.Thread(target=print).start()
          time.sleep(1)
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
