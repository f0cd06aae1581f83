import { describe, expect, it } from "vitest";
import { parseJsonOutput, runCli, tempDir, write } from "./helpers.js";

/** rule:severity@line of one file's JSON result. */
function found(stdout: string): string[] {
  return parseJsonOutput(stdout).flatMap((f) => f.messages.map((m) => `${m.ruleId}:${m.severity}@${m.line}`));
}

describe("--report-unused-disable-directives (JS/TS and Python, through the CLI)", () => {
  const ts = [
    'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";',
    "import { StdioServerTransport } from \"@modelcontextprotocol/sdk/server/stdio.js\";",
    "// eslint-disable-next-line mcp-lint/no-stdout-in-stdio-server",
    "const x = 1;",
    "// eslint-disable-next-line no-console -- another plugin's rule: not mcp-lint's business",
    "const y = 2;",
    'const server = new McpServer({ name: "x", version: "1" });',
    "await server.connect(new StdioServerTransport());",
    "",
  ].join("\n");
  const py = ['from mcp.server.fastmcp import FastMCP', 'mcp = FastMCP("x")', "# mcp-lint-disable-next-line no-stdout-in-stdio-server", "x = 1", "# mcplint-disable-line", 'mcp.run()', ""].join("\n");

  it("reports unused directives naming mcp-lint rules as infos by default, as errors with the flag", () => {
    const dir = tempDir();
    write(dir, "server.ts", ts);
    write(dir, "server.py", py);
    const r = runCli(["-f", "json", "server.py", "server.ts"], { cwd: dir });
    // JSON severities: 1 for warnings and infos.
    expect(found(r.stdout)).toEqual(["unused-disable-directive:1@3", "misspelt-disable-directive:1@5", "unused-disable-directive:1@3"]);
    expect(r.status).toBe(0);
    const strict = runCli(["-f", "json", "--report-unused-disable-directives", "server.py", "server.ts"], { cwd: dir });
    expect(found(strict.stdout)).toEqual(["unused-disable-directive:2@3", "misspelt-disable-directive:2@5", "unused-disable-directive:2@3"]);
    expect(strict.status).toBe(1);
    const off = runCli(["-f", "json", "--report-unused-disable-directives-severity", "off", "server.py", "server.ts"], { cwd: dir });
    expect(found(off.stdout)).toEqual([]);
  });

  it("rejects a bad severity and both flags together", () => {
    const dir = tempDir();
    expect(runCli(["--report-unused-disable-directives-severity", "loud"], { cwd: dir }).stderr).toMatch(/use off, info, warn or error, not "loud"/);
    const both = runCli(["--report-unused-disable-directives", "--report-unused-disable-directives-severity", "warn"], { cwd: dir });
    expect(both.status).toBe(2);
  });
});
