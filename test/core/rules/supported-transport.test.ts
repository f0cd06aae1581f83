import { describe, expect, it } from "vitest";
import { lintRule, slice } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("supported-transport", file, text);

describe("supported-transport", () => {
  it("accepts transports the client supports", () => {
    expect(lint("claude_desktop_config.json", `{"mcpServers": {"a": {"command": "uvx", "args": ["x"]}}}`)).toEqual([]);
    expect(lint(".vscode/mcp.json", `{"servers": {"a": {"type": "sse", "url": "https://x.dev/sse"}}}`)).toEqual([]);
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"type": "http", "url": "https://x.dev/mcp"}}}`)).toEqual([]);
    expect(lint(".codex/config.toml", `[mcp_servers.a]\nurl = "https://x.dev/mcp"\n`)).toEqual([]);
  });

  it("reports a URL server in Claude Desktop's file at the url key, without echoing the URL", () => {
    const text = `{\n  "mcpServers": {\n    "statamic": {\n      "url": "https://user:secret@cms.example.com/mcp?token=abc",\n      "headers": { "Authorization": "Bearer x" }\n    }\n  }\n}`;
    const findings = lint("/Users/me/Library/Application Support/Claude/claude_desktop_config.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([4, 7, 4, 12]);
    expect(slice(text, f!)).toBe('"url"');
    expect(f!.severity).toBe("error");
    expect(f!.pointer).toBe("/mcpServers/statamic/url");
    expect(f!.message).toBe(
      'Claude Desktop only starts stdio servers from claude_desktop_config.json: add remote servers in Settings ▸ Connectors, or bridge with "command": "npx", "args": ["-y", "mcp-remote", "<url>"].',
    );
    expect(f!.message).not.toContain("example.com");
  });

  it("reports a typed remote entry in Claude Desktop at the url key too", () => {
    const text = `{"mcpServers": {"a": {"type": "http", "url": "https://x.dev/mcp"}}}`;
    const [f, ...rest] = lint("claude_desktop_config.json", text);
    expect(rest).toEqual([]);
    expect(slice(text, f!)).toBe('"url"');
  });

  it("reports an SSE-only URL in Codex TOML at the url key", () => {
    const text = `[mcp_servers.legacy]\nurl = "http://localhost:8080/sse"\n`;
    const findings = lint("/home/me/.codex/config.toml", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([2, 1, 2, 4]);
    expect(f!.message).toBe(
      "OpenAI Codex connects over Streamable HTTP only, and this URL ends in /sse, the usual legacy SSE endpoint (a transport OpenAI Codex does not support). Use the server's Streamable HTTP endpoint (often ending in /mcp).",
    );
    expect(f!.message).not.toContain("localhost");
  });

  it("reports a type = \"sse\" that Codex ignores at the type value", () => {
    const text = `[mcp_servers.legacy]\ntype = "sse"\nurl = "https://x.dev/events"\n`;
    const [f, ...rest] = lint(".codex/config.toml", text);
    expect(rest).toEqual([]);
    expect(slice(text, f!)).toBe('"sse"');
    expect(f!.pointer).toBe("/mcp_servers/legacy/type");
    expect(f!.message).toBe(
      "OpenAI Codex does not support the legacy HTTP+SSE transport, so it cannot connect to this server. Use the server's Streamable HTTP endpoint (often ending in /mcp).",
    );
  });

  it("reports SSE at the type value where the client has no SSE (Kiro, opencode)", () => {
    const kiro = `{"mcpServers": {"a": {"type": "sse", "url": "https://x.dev/sse"}}}`;
    const [k, ...rest] = lint(".kiro/settings/mcp.json", kiro);
    expect(rest).toEqual([]);
    expect(slice(kiro, k!)).toBe('"sse"');
    expect(k!.message).toContain("Kiro does not support the legacy HTTP+SSE transport");
    const opencode = `{"mcp": {"a": {"type": "sse", "url": "https://x.dev/sse"}}}`;
    const [o] = lint("opencode.json", opencode);
    expect(slice(opencode, o!)).toBe('"sse"');
    expect(o!.message).toContain('(often ending in /mcp) with "type": "remote".');
  });

  it("reports an /sse URL in Zed, which has no SSE transport", () => {
    const text = `{"context_servers": {"a": {"url": "https://x.dev/sse/"}}}`;
    const [f] = lint(".zed/settings.json", text);
    expect(slice(text, f!)).toBe('"url"');
    expect(f!.message).toContain("Zed connects over Streamable HTTP only");
  });

  it("does not guess SSE from the URL where the client supports it", () => {
    expect(lint(".cursor/mcp.json", `{"mcpServers": {"a": {"url": "https://x.dev/sse"}}}`)).toEqual([]);
    expect(lint("goose/config.yaml", `extensions:\n  a:\n    type: sse\n    uri: https://x.dev/sse\n`)).toEqual([]);
  });

  it("reports a stdio entry among an MCP Registry server.json's remotes", () => {
    const text = `{"$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json", "name": "io.github.x/y", "remotes": [{"command": "npx"}]}`;
    const [f] = lint("server.json", text);
    expect(f!.pointer).toBe("/remotes/0/command");
    expect(f!.message).toBe(
      "MCP Registry server.json does not support the stdio transport in this file, so it cannot use this server. Use Streamable HTTP or legacy HTTP+SSE instead.",
    );
  });

  it("leaves malformed entries to server-shape", () => {
    expect(lint("claude_desktop_config.json", `{"mcpServers": {"a": {"args": []}}}`)).toEqual([]);
    expect(lint(".codex/config.toml", `[mcp_servers.a]\ncommand = "x"\nurl = "https://x.dev/sse"\n`)).toEqual([]);
  });

  it("checks Goose YAML entries against Goose's transports", () => {
    const text = `extensions:\n  a:\n    type: streamable_http\n    uri: https://x.dev/mcp\n`;
    expect(lint("/home/me/.config/goose/config.yaml", text)).toEqual([]);
  });
});
