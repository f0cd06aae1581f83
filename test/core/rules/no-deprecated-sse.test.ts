import { describe, expect, it } from "vitest";
import { lintRule, slice, suggested } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("no-deprecated-sse", file, text);

describe("no-deprecated-sse", () => {
  it("accepts Streamable HTTP and stdio entries", () => {
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"type": "http", "url": "https://x.dev/mcp"}, "b": {"command": "npx", "args": ["-y", "pkg"]}}}`)).toEqual([]);
    expect(lint("cline_mcp_settings.json", `{"mcpServers": {"a": {"type": "streamableHttp", "url": "https://x.dev/mcp"}}}`)).toEqual([]);
    expect(lint(".cursor/mcp.json", `{"mcpServers": {"a": {"url": "https://x.dev/mcp/sse-docs"}}}`)).toEqual([]);
  });

  it("reports an explicit sse type at the type value and suggests the client's http type", () => {
    const text = `{\n  "mcpServers": {\n    "a": {\n      "type": "sse",\n      "url": "https://x.dev/mcp"\n    }\n  }\n}`;
    const findings = lint(".mcp.json", text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([4, 15, 4, 20]);
    expect(slice(text, f)).toBe('"sse"');
    expect(f.message).toBe(
      'HTTP+SSE was replaced by Streamable HTTP in protocol 2025-03-26 and is deprecated; point at the server\'s Streamable HTTP endpoint (usually /mcp) and set the type to "http".',
    );
    expect(f.fix).toBeUndefined();
    expect(f.suggestions![0]!.desc).toBe('Change the type to "http"');
    expect(suggested(text, f)).toBe(text.replace('"type": "sse"', '"type": "http"'));
  });

  it("uses each client's canonical http type", () => {
    const roo = lint(".roo/mcp.json", `{"mcpServers": {"a": {"type": "sse", "url": "https://x.dev/sse"}}}`);
    expect(roo).toHaveLength(1);
    expect(roo[0]!.message).toContain('"streamable-http"');
    const cline = lint("cline_mcp_settings.json", `{"mcpServers": {"a": {"type": "sse", "url": "https://x.dev/sse"}}}`);
    expect(cline[0]!.message).toContain('"streamableHttp"');
  });

  it("says that Cline treats a URL without type as SSE and suggests adding the type", () => {
    const text = `{"mcpServers": {"a": {"url": "https://x.dev/mcp"}}}`;
    const [f, ...rest] = lint("cline_mcp_settings.json", text);
    expect(rest).toEqual([]);
    expect(slice(text, f!)).toBe('"https://x.dev/mcp"');
    expect(f!.message).toBe(
      'Cline treats a URL without "type" as legacy HTTP+SSE, which Streamable HTTP replaced in protocol 2025-03-26; point at the server\'s Streamable HTTP endpoint (usually /mcp) and add "type": "streamableHttp".',
    );
    expect(suggested(text, f!)).toBe(`{"mcpServers": {"a": {"url": "https://x.dev/mcp", "type": "streamableHttp"}}}`);
  });

  it("reports URLs ending in /sse at the URL value", () => {
    const text = `{"mcpServers": {"a": {"url": "http://localhost:8080/sse"}}}`;
    const [f] = lint(".cursor/mcp.json", text);
    expect(slice(text, f!)).toBe('"http://localhost:8080/sse"');
    expect(f!.message).toContain("This URL ends in /sse");
    expect(f!.message).not.toContain("set the type");
    expect(f!.suggestions).toBeUndefined();
    expect(lint(".cursor/mcp.json", `{"mcpServers": {"a": {"url": "https://x.dev/v1/SSE/?k=1"}}}`)).toHaveLength(1);
    // Windsurf has no type key; Gemini's httpUrl is Streamable HTTP by key but /sse is still the legacy endpoint.
    expect(lint(".codeium/windsurf/mcp_config.json", `{"mcpServers": {"a": {"serverUrl": "https://x.dev/sse"}}}`)).toHaveLength(1);
  });

  it("reports one finding per entry", () => {
    const findings = lint(".vscode/mcp.json", `{"servers": {"a": {"type": "sse", "url": "http://localhost:3001/sse"}}}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.pointer).toBe("/servers/a/type");
  });

  it("checks registry remotes", () => {
    const text = `{"$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json", "remotes": [{"type": "sse", "url": "https://x.dev/sse"}]}`;
    const [f] = lint("server.json", text);
    expect(f!.pointer).toBe("/remotes/0/type");
    expect(f!.message).toContain('set the type to "streamable-http"');
    expect(suggested(text, f!)).toBe(text.replace('"type": "sse"', '"type": "streamable-http"'));
  });

  it("reports in Continue YAML and suggests the YAML type value", () => {
    const text = "name: x\nversion: 0.0.1\nmcpServers:\n  - name: a\n    type: sse\n    url: https://x.dev/sse\n";
    const [f, ...rest] = lint(".continue/mcpServers/a.yaml", text);
    expect(rest).toEqual([]);
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([5, 11, 5, 14]);
    expect(suggested(text, f!)).toBe(text.replace("type: sse", 'type: "streamable-http"'));
  });

  it("leaves clients without any SSE support to supported-transport (one finding, not two)", () => {
    const text = `[mcp_servers.a]\nurl = "https://x.dev/sse"\n`;
    expect(lint(".codex/config.toml", text)).toEqual([]);
    const [f] = lintRule("supported-transport", ".codex/config.toml", text);
    expect(f!.line).toBe(2);
  });

  it("reports an /sse URL in a Continue YAML block", () => {
    const text = `name: a\nversion: 1.0.0\nmcpServers:\n  - name: a\n    url: https://x.dev/sse\n`;
    const [f] = lint(".continue/mcpServers/a.yaml", text);
    expect(slice(text, f!)).toBe("https://x.dev/sse");
  });
});

describe("no-deprecated-sse in opencode (issue 12)", () => {
  it("reports a /sse URL: opencode falls back from Streamable HTTP to legacy SSE for a remote server", () => {
    const findings = lintRule("no-deprecated-sse", "opencode.json", `{"mcp": {"a": {"type": "remote", "url": "https://h.example.com/sse"}}}`);
    expect(findings.map((f) => [f.pointer, f.severity])).toEqual([["/mcp/a/url", "warning"]]);
    expect(findings[0]!.message).not.toMatch(/set the type/);
    expect(lintRule("supported-transport", "opencode.json", `{"mcp": {"a": {"type": "remote", "url": "https://h.example.com/sse"}}}`)).toEqual([]);
  });
});
