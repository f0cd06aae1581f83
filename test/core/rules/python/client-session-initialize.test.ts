import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "client-session-initialize";

describe(`${RULE} (Python)`, () => {
  it("reports a ClientSession that is never entered", async () => {
    const text = py`
      from mcp import ClientSession
      from mcp.client.stdio import stdio_client

      async def main(params):
          async with stdio_client(params) as (read, write):
              session = ClientSession(read, write)
              await session.initialize()
              return await session.list_tools()

      async def direct(read, write):
          await ClientSession(read, write).initialize()
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [6, 19, "ClientSession(read, write)"],
      [11, 11, "ClientSession(read, write)"],
    ]);
    expect(f[0]!.message).toContain("await session.initialize()");
    expect(f[0]!.message).toContain("waits forever");
  });

  it("reports through `import mcp.client.session` and aliases, and a self attribute in a class", async () => {
    const text = py`
      import mcp.client.session
      from mcp.client.session import ClientSession as Session

      async def run(r, w):
          s = mcp.client.session.ClientSession(r, w)
          await s.list_tools()

      class Agent:
          def __init__(self, r, w):
              self.session = Session(r, w)

          async def tools(self):
              await self.session.initialize()
              return await self.session.list_tools()
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [5, 9, "mcp.client.session.ClientSession(r, w)"],
      [10, 24, "Session(r, w)"],
    ]);
    expect(f[1]!.message).toContain("await self.session.initialize()");
  });

  it("accepts sessions entered by async with, an exit stack, __aenter__, or handed to other code", async () => {
    const text = py`
      from contextlib import AsyncExitStack
      from mcp import ClientSession

      async def a(read, write):
          async with ClientSession(read, write) as session:
              await session.initialize()
              await session.list_tools()

      async def b(read, write, stack: AsyncExitStack):
          session = await stack.enter_async_context(ClientSession(read, write))
          await session.initialize()

      async def c(read, write, stack):
          session = ClientSession(read, write)
          await stack.enter_async_context(session)
          await session.initialize()

      class Manual:
          async def start(self, read, write):
              self._session = ClientSession(read, write)
              await self._session.__aenter__()
              await self._session.initialize()

      def factory(read, write):
          session = ClientSession(read, write)
          return session

      async def later(read, write):
          session = ClientSession(read, write)
          async with session:
              await session.initialize()

      async def handed(read, write):
          session = ClientSession(read, write)
          await run_with(session)
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });

  it("reports the first request sent before initialize() in the body that owns the session", async () => {
    const text = py`
      from mcp import ClientSession
      from mcp.client.streamable_http import streamable_http_client

      async def main(url):
          async with streamable_http_client(url) as (read, write, _):
              async with ClientSession(read, write) as session:
                  await session.send_ping()
                  tools = await session.list_tools()
                  await session.initialize()
                  await session.call_tool("x", {})
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([[8, 27, "session.list_tools()"]]);
    expect(f[0]!.message).toContain("Invalid request parameters");
    expect(f[0]!.message).toContain("Missing session ID");
  });

  it("accepts initialize first, a helper given the session first, and clients that initialize on enter (mcp 2.x, fastmcp)", async () => {
    const text = py`
      import fastmcp
      from mcp import Client, ClientSession

      async def ok(read, write):
          async with ClientSession(read, write) as session:
              result = await session.initialize()
              await session.list_tools()

      async def helper_first(read, write):
          async with ClientSession(read, write) as session:
              await prepare(session)
              await session.list_tools()

      async def given(session: ClientSession):
          return await session.list_tools()

      async def v2(server):
          async with Client(server) as client:
              await client.list_tools()

      async def fm():
          async with fastmcp.Client("server.py") as client:
              await client.call_tool("x", {})

      async def nested(read, write):
          async with ClientSession(read, write) as session:
              async def later():
                  await session.list_tools()
              await session.initialize()
              await later()
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
