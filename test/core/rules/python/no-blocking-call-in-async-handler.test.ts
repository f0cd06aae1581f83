import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "no-blocking-call-in-async-handler";

describe(`${RULE} (Python)`, () => {
  it("reports blocking calls directly inside an async FastMCP tool (mcp 1.x), with aliases", async () => {
    const text = py`
      import asyncio, time, subprocess
      import requests as rq
      from urllib.request import urlopen
      from mcp.server.fastmcp import FastMCP

      mcp = FastMCP("demo")

      @mcp.tool()
      async def fetch(url: str) -> str:
          time.sleep(1)
          r = rq.get(url, timeout=5)
          out = subprocess.run(["ls"], capture_output=True)
          with urlopen(url) as f:
              body = f.read()
          await asyncio.sleep(1)
          return r.text
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [10, 5, "time.sleep(1)"],
      [11, 9, "rq.get(url, timeout=5)"],
      [12, 11, 'subprocess.run(["ls"], capture_output=True)'],
      [13, 10, "urlopen(url)"],
    ]);
    expect(f[0]!.message).toContain("inside the async tool handler `fetch`");
    expect(f[0]!.message).toContain("await asyncio.sleep");
    expect(f[0]!.severity).toBe("warning");
  });

  it("follows local async helpers the handler awaits, and methods of the same class", async () => {
    const text = py`
      import time
      import mcp.server.fastmcp

      server = mcp.server.fastmcp.FastMCP("demo")

      async def wait_a_bit():
          time.sleep(2)

      async def not_awaited_by_a_handler():
          time.sleep(3)

      @server.resource("res://x")
      async def resource() -> str:
          await wait_a_bit()
          return "x"

      class Tools:
          def __init__(self):
              self.mcp = mcp.server.fastmcp.FastMCP("cls")

              @self.mcp.prompt()
              async def prompt() -> str:
                  await self.slow()
                  return "p"

          async def slow(self):
              time.sleep(1)
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [7, 5, "time.sleep(2)"],
      [27, 9, "time.sleep(1)"],
    ]);
    expect(f[0]!.message).toContain("handler `resource` (in `wait_a_bit`, which it awaits)");
  });

  it("follows plain helpers the handler calls directly (they run on the loop), but not helpers handed to a thread", async () => {
    const text = py`
      import asyncio, requests
      from fastmcp import FastMCP

      mcp = FastMCP("prom")

      def make_request(path):
          return requests.get("http://prometheus:9090/api/v1/" + path, timeout=10).json()

      def fetch_targets():
          return make_request("targets")

      def offloaded():
          return requests.get("http://example.com").text

      @mcp.tool()
      async def query() -> dict:
          return fetch_targets()

      @mcp.tool()
      async def threaded() -> str:
          return await asyncio.to_thread(offloaded)
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([[7, 12, 'requests.get("http://prometheus:9090/api/v1/" + path, timeout=10)']]);
    expect(f[0]!.message).toContain("handler `query` (in `make_request`, reached through `fetch_targets`)");
  });

  it("covers the low-level Server decorators, mcp 2.x MCPServer, and fastmcp (bare @mcp.tool)", async () => {
    const text = py`
      import subprocess, requests
      from mcp.server.lowlevel import Server
      from mcp.server.mcpserver import MCPServer
      from fastmcp import FastMCP

      low = Server("low")
      v2 = MCPServer("v2")
      fm = FastMCP("fm")

      @low.call_tool()
      async def call(name, arguments):
          return subprocess.check_output(["date"])

      @v2.tool()
      async def post(x: str) -> str:
          return requests.post("https://example.com", json={"x": x}).text

      @fm.tool
      async def run() -> int:
          return subprocess.call(["true"])
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [12, 12, 'subprocess.check_output(["date"])'],
      [16, 12, 'requests.post("https://example.com", json={"x": x})'],
      [20, 12, 'subprocess.call(["true"])'],
    ]);
  });

  it("finds handlers registered on a server parameter (a register(mcp) module)", async () => {
    const text = py`
      import time
      from mcp.server.fastmcp import FastMCP

      def register(mcp: FastMCP) -> None:
          @mcp.tool()
          async def slow() -> str:
              time.sleep(5)
              return "done"
    `;
    expect(located(text, await lintPy(RULE, text))).toEqual([[7, 9, "time.sleep(5)"]]);
  });

  it("accepts calls run off the loop, sync tools, non-handlers and other servers' decorators", async () => {
    const text = py`
      import asyncio, functools, time, subprocess
      import anyio
      import requests
      from mcp.server.fastmcp import FastMCP
      from somewhere import other_app

      mcp = FastMCP("demo")

      @mcp.tool()
      async def offloaded(url: str) -> str:
          loop = asyncio.get_running_loop()
          await loop.run_in_executor(None, lambda: requests.get(url))
          await asyncio.to_thread(time.sleep, 1)
          def work():
              return subprocess.run(["ls"])
          await anyio.to_thread.run_sync(work)
          await loop.run_in_executor(None, functools.partial(requests.get, url))
          return "ok"

      @mcp.tool()
      def sync_tool() -> str:
          time.sleep(1)
          return "slow but not on the loop in v2 / fastmcp 3"

      async def main():
          time.sleep(1)

      @other_app.tool()
      async def foreign():
          time.sleep(1)
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
