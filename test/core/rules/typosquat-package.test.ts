import { describe, expect, it } from "vitest";
import { lintRule, slice } from "../helpers.js";
import { typosquatOf } from "../../../packages/core/src/rules/config/typosquat-package.js";

const lint = (file: string, text: string, options: Record<string, unknown> = {}) => lintRule("typosquat-package", file, text, options);
const flagged = (command: string, args: string[], options: Record<string, unknown> = {}) => {
  const text = JSON.stringify({ mcpServers: { a: { command, args } } });
  return lint(".mcp.json", text, options).map((f) => JSON.parse(slice(text, f)) as string);
};

describe("typosquat-package", () => {
  it("reports a package one edit away from a well-known server and names the real one", () => {
    const text = `{\n  "mcpServers": {\n    "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesytem", "/tmp"] }\n  }\n}`;
    const findings = lint(".mcp.json", text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([3, 46, 3, 86]);
    expect(f.pointer).toBe("/mcpServers/fs/args/1");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain('npx "@modelcontextprotocol/server-filesytem" is one edit away from the well-known MCP server "@modelcontextprotocol/server-filesystem"');
  });

  it("sees versions, scopes, swaps and other runners", () => {
    expect(flagged("npx", ["-y", "@playwrigth/mcp@latest"])).toEqual(["@playwrigth/mcp@latest"]);
    expect(flagged("npx", ["-y", "@modelcontextprotocol/server-memroy@1.0.0"])).toEqual(["@modelcontextprotocol/server-memroy@1.0.0"]);
    expect(flagged("npx", ["@modelcontextprotocols/server-github"])).toEqual(["@modelcontextprotocols/server-github"]);
    expect(flagged("bunx", ["chrome-devtool-mcp"])).toEqual(["chrome-devtool-mcp"]);
    expect(flagged("cmd", ["/c", "npx", "-y", "firecrawl-mpc"])).toEqual(["firecrawl-mpc"]);
    expect(flagged("uvx", ["mcp-server-fech"])).toEqual(["mcp-server-fech"]);
    expect(flagged("uvx", ["--from", "mcp_server_fetsh==1.0", "mcp-server-fetch"])).toEqual(["mcp_server_fetsh==1.0"]);
    expect(flagged("pipx", ["run", "mcp-atlasian"])).toEqual(["mcp-atlasian"]);
    expect(flagged("docker", ["run", "-i", "--rm", "ghcr.io/github/gihub-mcp-server:v1"])).toEqual(["ghcr.io/github/gihub-mcp-server:v1"]);
  });

  it("does not report the real names, other spellings of them, scoped forks or unrelated packages", () => {
    expect(flagged("npx", ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"])).toEqual([]);
    expect(flagged("npx", ["-y", "@playwright/mcp@0.0.41"])).toEqual([]);
    expect(flagged("npx", ["-y", "@hisma/server-puppeteer"])).toEqual([]);
    expect(flagged("npx", ["-y", "@my-org/server-filesystem"])).toEqual([]);
    expect(flagged("npx", ["-y", "@modelcontextprotocol/server-gitlab"])).toEqual([]);
    expect(flagged("uvx", ["mcp_server_fetch"])).toEqual([]);
    expect(flagged("uvx", ["mcp-server-fetch2"])).toEqual([]);
    expect(flagged("uvx", ["mcp-server-git"])).toEqual([]);
    expect(flagged("npx", ["-y", "./server-filesytem"])).toEqual([]);
    expect(flagged("npx", ["-y", "${PKG}"])).toEqual([]);
    expect(flagged("node", ["@playwrigth/mcp"])).toEqual([]);
    expect(flagged("docker", ["run", "ghcr.io/github/github-mcp-server"])).toEqual([]);
  });

  it("honours ignore", () => {
    expect(flagged("npx", ["-y", "@playwrigth/mcp"], { ignore: ["@playwrigth/mcp"] })).toEqual([]);
  });

  it("checks server.json packages at their identifier", () => {
    const text = JSON.stringify(
      {
        $schema: "https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json",
        name: "io.github.x/fs",
        version: "1.0.0",
        description: "x",
        packages: [
          { registryType: "npm", identifier: "@modelcontextprotocol/server-filesystem", version: "1.0.0", transport: { type: "stdio" } },
          { registryType: "npm", identifier: "@modelcontextprotocol/server-filesystme", version: "1.0.0", transport: { type: "stdio" } },
        ],
      },
      null,
      2,
    );
    const findings = lint("server.json", text);
    expect(findings.map((f) => [f.pointer, slice(text, f)])).toEqual([["/packages/1/identifier", '"@modelcontextprotocol/server-filesystme"']]);
  });

  it("never matches a name against itself, and needs exactly one edit", () => {
    expect(typosquatOf("npm", "@modelcontextprotocol/server-everything")).toBeUndefined();
    expect(typosquatOf("npm", "@modelcontextprotocol/server-everythin")).toBe("@modelcontextprotocol/server-everything");
    expect(typosquatOf("npm", "@modelcontextprotocol/server-everyth")).toBeUndefined();
    expect(typosquatOf("npm", "x".repeat(100_000))).toBeUndefined();
  });
});
