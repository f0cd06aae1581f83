import { describe, expect, it } from "vitest";
import { located, lintPy, py } from "../../python-helpers.js";

const RULE = "no-tool-input-in-shell";

describe(`${RULE} (Python)`, () => {
  it("reports tool arguments reaching os.system, subprocess(shell=True), os.popen and create_subprocess_shell", async () => {
    const text = py`
      import os, asyncio
      import subprocess as sp
      from subprocess import check_output
      from mcp.server.fastmcp import FastMCP, Context

      mcp = FastMCP("demo")

      @mcp.tool()
      def grep(pattern: str, path: str = ".") -> str:
          os.system("grep -r " + pattern + " " + path)
          cmd = f"grep -rn {pattern.strip()} {path}"
          out = sp.run(cmd, shell=True, capture_output=True, text=True)
          check_output("ls %s" % path, shell=True)
          return os.popen(cmd).read()

      @mcp.tool()
      async def run(command: str, ctx: Context) -> str:
          proc = await asyncio.create_subprocess_shell(command)
          return ""
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [10, 15, '"grep -r " + pattern + " " + path'],
      [12, 18, "cmd"],
      [13, 18, '"ls %s" % path'],
      [14, 21, "cmd"],
      [18, 50, "command"],
    ]);
    expect(f.map((x) => x.severity)).toEqual(["error", "error", "error", "error", "error"]);
    expect(f[0]!.message).toContain("os.system() runs this string through a shell");
    expect(f[0]!.message).toContain("`pattern`, which holds the tool input of the tool handler `grep`");
    expect(f[1]!.message).toContain("sp.run(..., shell=True)");
  });

  it("reports the low-level call_tool handler and a bash -c argv", async () => {
    const text = py`
      import subprocess
      from mcp.server.lowlevel import Server

      server = Server("x")

      @server.call_tool()
      async def call_tool(name: str, arguments: dict):
          script = arguments["script"]
          subprocess.run(["bash", "-c", script])
          return []
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([[9, 35, "script"]]);
    expect(f[0]!.message).toContain("runs bash -c with a command built from `script`");
  });

  it("follows a helper of the same file that the handler hands its argument to", async () => {
    const text = py`
      import subprocess
      from mcp.server.fastmcp import FastMCP

      mcp = FastMCP("ps")

      def run_ps(command, capture=True):
          cmd = ["powershell", "-Command", command]
          return subprocess.run(cmd, shell=True)

      def unused(command):
          return subprocess.run(command, shell=True)

      @mcp.tool()
      def open_window(directory: str = "") -> str:
          command = f'Start-Process powershell -WorkingDirectory "{directory}"'
          run_ps(command, capture=False)
          run_ps("Get-Date")
          return ""
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([[8, 27, "cmd"]]);
    expect(f[0]!.message).toContain("tool handler `open_window` (in `run_ps`, which it calls with it)");
  });

  it("with shell=True and a list, counts the first item on POSIX and every item for a Windows program", async () => {
    const text = py`
      import subprocess
      from mcp.server.fastmcp import FastMCP

      mcp = FastMCP("x")

      @mcp.tool()
      def t(path: str, cmd: str) -> str:
          subprocess.run(["ls", path], shell=True)
          subprocess.run([f"ls {path}"], shell=True)
          argv = ["cmd.exe", "/d", path]
          subprocess.run(argv, shell=True)
          return ""
    `;
    const f = await lintPy(RULE, text);
    expect(located(text, f)).toEqual([
      [9, 20, '[f"ls {path}"]'],
      [11, 20, "argv"],
    ]);
  });

  it("does not report argv lists, constant commands, quoting, numbers, the context or code outside tool handlers", async () => {
    const text = py`
      import os, shlex, subprocess
      from mcp.server.fastmcp import FastMCP, Context

      mcp = FastMCP("demo")

      @mcp.tool()
      def safe(path: str, n: int, ctx: Context) -> str:
          subprocess.run(["ls", "-la", path])
          subprocess.run("uptime", shell=True)
          os.system("ls " + shlex.quote(path))
          subprocess.run(f"head -n {int(n)} log", shell=True)
          os.system(f"echo {len(path)}")
          os.system("echo " + ctx.request_id)
          subprocess.run("ls " + path, shell=False)
          return ""

      @mcp.resource("res://{name}")
      def res(name: str) -> str:
          return os.popen("cat " + name).read()

      def helper(cmd):
          os.system(cmd)
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
  });
});
