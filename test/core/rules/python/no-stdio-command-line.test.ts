import { describe, expect, it } from "vitest";
import { lintPythonText } from "../../../../packages/core/src/code/python/runner.js";
import { allRules } from "../../../../packages/core/src/rules/catalog.js";
import type { RuleSettings } from "../../../../packages/core/src/engine/lint-config-text.js";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "no-stdio-command-line";

async function fixed(text: string): Promise<string> {
  const rules: RuleSettings = {};
  for (const r of allRules) rules[r.id] = { severity: r.id === RULE ? "error" : "off" };
  const result = await lintPythonText("client.py", text, { rules, fix: true });
  return result.output ?? text;
}

describe(`${RULE} (Python)`, () => {
  it("reports a whole command line in StdioServerParameters(command=) and fastmcp's StdioTransport", async () => {
    const text = py`
      from mcp import StdioServerParameters
      from fastmcp.client.transports import StdioTransport
      params = StdioServerParameters(command="python server.py")
      other = StdioServerParameters(command="/opt/venv/bin/python -m weather", args=["--verbose"])
      t = StdioTransport("uv run server.py", [])
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [3, 40, '"python server.py"'],
      [4, 39, '"/opt/venv/bin/python -m weather"'],
      [5, 20, '"uv run server.py"'],
    ]);
    expect(f[0]!.message).toContain('command is a whole command line ("python" and 1 more words)');
    expect(f[0]!.message).toContain("FileNotFoundError");
    expect(f[2]!.message).toContain("fastmcp's StdioTransport");
    expect(f[0]!.severity).toBe("error");
  });

  it("fixes the command into command + args", async () => {
    const text = py`
      import mcp
      a = mcp.StdioServerParameters(command="python server.py")
      b = mcp.StdioServerParameters(command='npx -y @scope/pkg', args=['--port', '1'])
      c = mcp.StdioServerParameters(command="python server.py", args=[])
    `;
    expect(await fixed(text)).toBe(py`
      import mcp
      a = mcp.StdioServerParameters(command="python", args=["server.py"])
      b = mcp.StdioServerParameters(command='npx', args=['-y', '@scope/pkg', '--port', '1'])
      c = mcp.StdioServerParameters(command="python", args=["server.py"])
    `);
  });

  it("reports a one-item args list holding a command line, and fixes it", async () => {
    const text = py`
      from mcp import StdioServerParameters as Params
      p = Params(command="uv", args=["run, weather.py"])
      q = Params(command="npx", args=["-y @modelcontextprotocol/server-everything"])
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [2, 32, '"run, weather.py"'],
      [3, 33, '"-y @modelcontextprotocol/server-everything"'],
    ]);
    expect(f[0]!.message).toContain("(2 words separated by commas): the server gets it as ONE argument");
    expect(f[1]!.message).toContain("(2 words separated by spaces)");
    expect(f[1]!.message).not.toContain("server-everything");
    expect(await fixed(text)).toBe(py`
      from mcp import StdioServerParameters as Params
      p = Params(command="uv", args=["run", "weather.py"])
      q = Params(command="npx", args=["-y", "@modelcontextprotocol/server-everything"])
    `);
  });

  it("reports stdio_client given a command instead of StdioServerParameters", async () => {
    const text = py`
      from mcp.client.stdio import stdio_client
      async def main():
          async with stdio_client(command="python", args=["server.py"]) as (r, w):
              pass
          async with stdio_client("python server.py") as (r, w):
              pass
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [3, 29, 'command="python"'],
      [5, 29, '"python server.py"'],
    ]);
    expect(f[0]!.message).toContain("TypeError");
    expect(f[1]!.message).toContain("AttributeError ('str' object has no attribute 'command')");
  });

  it("accepts executable paths with spaces, real args lists, script-path transports and other packages", async () => {
    const text = py`
      from mcp import StdioServerParameters
      from mcp.client.stdio import stdio_client
      from fastmcp.client.transports import PythonStdioTransport
      from other import Params
      a = StdioServerParameters(command="C:\\\\Program Files\\\\My Server\\\\server.exe")
      b = StdioServerParameters(command="/Applications/My App/server", args=["--stdio"])
      c = StdioServerParameters(command="python", args=["server.py", "--name", "Hello World"])
      d = StdioServerParameters(command="python", args=["Hello World"])
      e = PythonStdioTransport("my server.py")
      g = Params(command="python server.py")
      async def main(params):
          async with stdio_client(params) as (r, w):
              pass
          async with stdio_client(StdioServerParameters(command="python", args=["server.py"])) as (r, w):
              pass
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
