import { describe, expect, it } from "vitest";
import { runCli, tempDir, write } from "./helpers.js";

interface Sarif {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; properties?: Record<string, unknown> }> } };
    results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
  }>;
}

describe("no-tool-input-in-shell through the built CLI (SARIF)", () => {
  it("reports the JS and the Python tool handler at the command, as errors with the security properties", () => {
    const dir = tempDir();
    write(
      dir,
      "server.mjs",
      [
        `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";`,
        `import { exec } from "node:child_process";`,
        `import { z } from "zod";`,
        `const server = new McpServer({ name: "s", version: "1" });`,
        `server.registerTool("ping", { inputSchema: { host: z.string() } }, async ({ host }) => {`,
        `  exec("ping -c 1 " + host, () => {});`,
        `  exec("uptime", () => {});`,
        `  return { content: [] };`,
        `});`,
        ``,
      ].join("\n"),
    );
    write(
      dir,
      "server.py",
      [
        `import os`,
        `from mcp.server.fastmcp import FastMCP`,
        ``,
        `mcp = FastMCP("s")`,
        ``,
        `@mcp.tool()`,
        `def ping(host: str) -> str:`,
        `    return os.popen(f"ping -c 1 {host}").read()`,
        ``,
      ].join("\n"),
    );
    const r = runCli([dir, "--format", "sarif", "--no-config-lookup"], { cwd: dir });
    expect(r.status).toBe(1);
    const run = (JSON.parse(r.stdout) as Sarif).runs[0]!;
    const found = run.results
      .filter((x) => x.ruleId === "no-tool-input-in-shell")
      .map((x) => {
        const l = x.locations[0]!.physicalLocation;
        return `${l.artifactLocation.uri} ${l.region.startLine}:${l.region.startColumn} ${x.level}`;
      });
    expect(found).toEqual(["server.mjs 6:8 error", "server.py 8:21 error"]);
    expect(run.tool.driver.rules.find((x) => x.id === "no-tool-input-in-shell")!.properties).toMatchObject({ "security-severity": "8.8" });
  });
});
