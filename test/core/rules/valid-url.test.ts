import { describe, expect, it } from "vitest";
import { lintRule, slice } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("valid-url", file, text);
const cursor = (url: string) => `{"mcpServers": {"a": {"url": ${JSON.stringify(url)}}}}`;

describe("valid-url", () => {
  it("accepts absolute http and https URLs", () => {
    for (const url of ["https://mcp.example.com/mcp", "http://localhost:3000/mcp", "HTTPS://Example.COM", "http://[::1]:8080/mcp", "https://x.dev/mcp?project_ref=abc"]) {
      expect(lint(".cursor/mcp.json", cursor(url)), url).toEqual([]);
    }
  });

  it("leaves placeholders, non-strings and stdio entries alone", () => {
    for (const url of ["${env:MCP_URL}", "https://${env:HOST}:${env:PORT}/mcp", "${MCP_URL}/mcp"]) {
      expect(lint(".cursor/mcp.json", cursor(url)), url).toEqual([]);
    }
    expect(lint(".cursor/mcp.json", `{"mcpServers": {"a": {"url": 42}}}`)).toEqual([]);
    expect(lint(".cursor/mcp.json", `{"mcpServers": {"a": {"command": "npx", "args": ["-y", "pkg"]}}}`)).toEqual([]);
  });

  it("reports a URL without scheme at the value", () => {
    const text = `{\n  "mcpServers": {\n    "a": { "url": "localhost:3000/mcp" }\n  }\n}`;
    const [f, ...rest] = lint(".cursor/mcp.json", text);
    expect(rest).toEqual([]);
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([3, 19, 3, 39]);
    expect(slice(text, f!)).toBe('"localhost:3000/mcp"');
    expect(f!.message).toContain("add http:// or https://");
    expect(f!.message).toContain("Cursor");
    expect(f!.pointer).toBe("/mcpServers/a/url");

    const [g] = lint(".cursor/mcp.json", cursor("example.com/mcp"));
    expect(g!.message).toContain("add http:// or https://");
    expect(g!.message).toContain("example.com");
    expect(g!.message).not.toContain("/mcp)");
  });

  it("reports a bare host:port as not a URL and not a transport", () => {
    const [f] = lint(".cursor/mcp.json", cursor("127.0.0.1:25565"));
    expect(f!.message).toMatch(/^127\.0\.0\.1:25565 is a bare host:port/);
    expect(f!.message).toContain("MCP has no TCP transport");
    expect(f!.message).toContain("command/args");
  });

  it("reports TCP, WebSocket, socket and file schemes", () => {
    for (const url of ["tcp://localhost:9000", "udp://10.0.0.1:53", "ws://localhost:8080/mcp", "wss://x.dev/mcp", "unix:///tmp/mcp.sock", "file:///tmp/server.py", "stdio://server"]) {
      const findings = lint(".cursor/mcp.json", cursor(url));
      expect(findings, url).toHaveLength(1);
      expect(findings[0]!.message).toContain("MCP has no TCP/WebSocket transport");
      expect(findings[0]!.message).toContain(`${url.split(":")[0]}: URL`);
    }
  });

  it("allows VS Code's unix:// and pipe:// sockets, but only in VS Code", () => {
    expect(lint(".vscode/mcp.json", `{"servers": {"a": {"type": "http", "url": "unix:///tmp/mcp.sock#/mcp"}}}`)).toEqual([]);
    expect(lint(".vscode/mcp.json", `{"servers": {"a": {"type": "http", "url": "pipe:///mcp-pipe"}}}`)).toEqual([]);
    expect(lint(".vscode/mcp.json", `{"servers": {"a": {"type": "http", "url": "tcp://localhost:1"}}}`)).toHaveLength(1);
  });

  it("allows ws:// for Claude Code's own ws type only", () => {
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"type": "ws", "url": "wss://x.dev/ws"}}}`)).toEqual([]);
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"type": "http", "url": "wss://x.dev/ws"}}}`)).toHaveLength(1);
  });

  it("reports empty and unparsable URLs", () => {
    expect(lint(".cursor/mcp.json", cursor(""))[0]!.message).toContain("The URL is empty");
    expect(lint(".cursor/mcp.json", cursor("   "))[0]!.message).toContain("The URL is empty");
    for (const url of ["https://exa mple.com/mcp", "http://", "http://host:99999/mcp"]) {
      const [f] = lint(".cursor/mcp.json", cursor(url));
      expect(f?.message, url).toContain("cannot be parsed");
    }
    expect(lint(".cursor/mcp.json", cursor("/mcp"))[0]!.message).toContain("not a URL");
  });

  it("never echoes userinfo, path or query", () => {
    const url = "tcp://admin:hunter2@db.internal:9000/secret-path?token=abc123";
    const [f] = lint(".cursor/mcp.json", cursor(url));
    expect(f!.message).not.toMatch(/admin|hunter2|secret-path|abc123|db\.internal/);
    const [g] = lint(".cursor/mcp.json", cursor("mcp.example.com/private/path?key=abcdef"));
    expect(g!.message).not.toMatch(/private|abcdef/);
  });

  it("leaves credentials in user info to no-hardcoded-secrets", () => {
    expect(lint(".cursor/mcp.json", cursor("https://user:pass@mcp.example.com/mcp"))).toEqual([]);
  });

  it("checks registry remotes and allows {var} URL templates there", () => {
    const server = (url: string) =>
      `{"$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json", "name": "io.github.x/y", "remotes": [{"type": "streamable-http", "url": ${JSON.stringify(url)}}]}`;
    expect(lint("server.json", server("https://{tenant}.example.com/mcp"))).toEqual([]);
    expect(lint("server.json", server("https://api.example.com:{port}/mcp"))).toEqual([]);
    const [f] = lint("server.json", server("wss://api.example.com/mcp"));
    expect(f!.pointer).toBe("/remotes/0/url");
    expect(f!.message).toContain("MCP clients cannot use a wss: URL");
    // Outside the registry, {var} is literal text.
    expect(lint(".cursor/mcp.json", cursor("https://api.example.com:{port}/mcp"))[0]!.message).toContain("cannot be parsed");
  });

  it("reports in Continue YAML", () => {
    const text = "name: x\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: a\n    type: streamable-http\n    url: localhost:8000/mcp\n";
    const findings = lint(".continue/mcpServers/a.yaml", text);
    expect(findings).toHaveLength(1);
    expect(slice(text, findings[0]!)).toBe("localhost:8000/mcp");
    expect(findings[0]!.message).toContain("Continue");
  });

  it("reports in Codex TOML", () => {
    const text = `[mcp_servers.a]\nurl = "ws://localhost:3000"\n`;
    const findings = lint(".codex/config.toml", text);
    expect(findings).toHaveLength(1);
    expect([findings[0]!.line, findings[0]!.column, findings[0]!.endColumn]).toEqual([2, 7, 28]);
  });
});
