import { describe, expect, it } from "vitest";
import { lintRule, slice } from "../helpers.js";

const lint = (file: string, text: string, options: Record<string, unknown> = {}) => lintRule("no-non-mcp-port", file, text, options);
const claude = (url: string) => `{"mcpServers": {"a": {"type": "http", "url": ${JSON.stringify(url)}}}}`;

describe("no-non-mcp-port", () => {
  it("accepts usual MCP ports and URLs without a port", () => {
    for (const url of ["http://localhost:3000/mcp", "http://127.0.0.1:8000/mcp", "https://mcp.example.com/mcp", "http://localhost:6277/mcp", "https://x.dev:443/mcp"]) {
      expect(lint(".mcp.json", claude(url)), url).toEqual([]);
    }
  });

  it("reports a Minecraft port at the URL value", () => {
    const text = `{\n  "mcpServers": {\n    "mc": {\n      "type": "http",\n      "url": "http://127.0.0.1:25565/mcp"\n    }\n  }\n}`;
    const findings = lint(".mcp.json", text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([5, 14, 5, 42]);
    expect(slice(text, f)).toBe('"http://127.0.0.1:25565/mcp"');
    expect(f.message).toBe(
      "Port 25565 is Minecraft's; nothing there speaks MCP, so Claude Code would get a refused connection or garbage. Use the port your MCP server listens on (its Streamable HTTP endpoint, often …/mcp).",
    );
    expect(f.severity).toBe("error");
  });

  it("names the service for well-known ports, including the scheme's own default", () => {
    const cases: Array<[string, string]> = [
      ["http://db.internal:5432", "PostgreSQL"],
      ["http://localhost:6379/mcp", "Redis"],
      ["https://host:22/mcp", "SSH"],
      ["http://localhost:27017", "MongoDB"],
      ["ftp://files.example.com:21/", "FTP"],
      ["http://[::1]:3306/mcp", "MySQL"],
    ];
    for (const [url, service] of cases) {
      const findings = lint(".mcp.json", claude(url));
      expect(findings, url).toHaveLength(1);
      expect(findings[0]!.message).toContain(`is ${service}'s`);
    }
  });

  it("also reads the port of scheme-less addresses", () => {
    expect(lint(".mcp.json", claude("127.0.0.1:25565"))[0]!.message).toContain("Port 25565");
    expect(lint(".mcp.json", claude("localhost:5432/mcp"))[0]!.message).toContain("Port 5432");
  });

  it("honours the allow option", () => {
    expect(lint(".mcp.json", claude("http://localhost:9200/mcp"), { allow: [9200] })).toEqual([]);
    expect(lint(".mcp.json", claude("http://localhost:9200/mcp"), { allow: [9300] })).toHaveLength(1);
  });

  it("ignores templated ports and non-string URLs", () => {
    expect(lint(".mcp.json", claude("http://localhost:${PORT}/mcp"))).toEqual([]);
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"type": "http", "url": 5432}}}`)).toEqual([]);
  });

  it("does not echo the path, query or user info", () => {
    const [f] = lint(".mcp.json", claude("http://admin:hunter2@localhost:6379/private?token=abc"));
    expect(f!.message).not.toMatch(/admin|hunter2|private|abc/);
  });

  it("reports in Codex TOML", () => {
    const text = `[mcp_servers.pg]\nurl = "http://localhost:5432/mcp"\n`;
    const findings = lint(".codex/config.toml", text);
    expect(findings).toHaveLength(1);
    expect(slice(text, findings[0]!)).toBe('"http://localhost:5432/mcp"');
    expect(findings[0]!.message).toContain("OpenAI Codex");
  });

  it("reports in registry server.json remotes", () => {
    const text = `{"$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json", "remotes": [{"type": "streamable-http", "url": "https://mcp.example.com:3389/mcp"}]}`;
    const [f] = lint("server.json", text);
    expect(f!.message).toContain("Port 3389 is RDP's");
    expect(f!.message).toContain("so MCP clients would get");
  });
});
