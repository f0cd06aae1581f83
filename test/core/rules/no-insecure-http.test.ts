import { describe, expect, it } from "vitest";
import { lintRule, slice, suggested } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("no-insecure-http", file, text);
const vscode = (url: string) => `{"servers": {"a": {"type": "http", "url": ${JSON.stringify(url)}}}}`;

describe("no-insecure-http", () => {
  it("accepts https and http to this machine", () => {
    for (const url of [
      "https://mcp.example.com/mcp",
      "http://localhost:3000/mcp",
      "http://LOCALHOST:3000/mcp",
      "http://app.localhost:3000/mcp",
      "http://127.0.0.1:8000/mcp",
      "http://127.1.2.3/mcp",
      "http://[::1]:8080/mcp",
      "http://[::ffff:127.0.0.1]:8080/mcp",
      "http://${env:HOST}/mcp",
    ]) {
      expect(lint(".vscode/mcp.json", vscode(url)), url).toEqual([]);
    }
  });

  it("reports plain http to another host at the URL value, with an https suggestion", () => {
    const text = `{\n  "servers": {\n    "lan": { "type": "http", "url": "http://192.168.64.1:5000/mcp?key=abc" }\n  }\n}`;
    const findings = lint(".vscode/mcp.json", text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([3, 37, 3, 75]);
    expect(slice(text, f)).toBe('"http://192.168.64.1:5000/mcp?key=abc"');
    expect(f.message).toBe(
      "http://192.168.64.1:5000 is plain HTTP to another machine: credentials and tool traffic cross the network in clear text, and many clients and bridges (mcp-remote) refuse it. Use https://.",
    );
    expect(f.fix).toBeUndefined();
    expect(suggested(text, f)).toBe(text.replace('"http://192', '"https://192'));
  });

  it("reports public hosts and private addresses alike", () => {
    for (const url of ["http://mcp.example.com/mcp", "http://10.0.0.5:8080/mcp", "http://my-box:3000/sse", "http://127.example.com/mcp"]) {
      expect(lint(".vscode/mcp.json", vscode(url)), url).toHaveLength(1);
    }
  });

  it("reports 0.0.0.0 as a listen address, not as clear text", () => {
    const [f] = lint(".vscode/mcp.json", vscode("http://0.0.0.0:8000/mcp"));
    expect(f!.message).toContain("0.0.0.0/[::], an address servers listen on");
    expect(f!.message).toContain("127.0.0.1");
    expect(f!.suggestions).toBeUndefined();
    expect(lint(".vscode/mcp.json", vscode("http://[::]:8000/mcp"))[0]!.message).toContain("listen on");
  });

  it("never shows user info, path or query", () => {
    const [f] = lint(".vscode/mcp.json", vscode("http://bob:s3cr3tpass@mcp.corp.example:8080/private/mcp?token=abc"));
    expect(f!.message).toContain("http://mcp.corp.example:8080 ");
    expect(f!.message).not.toMatch(/bob|s3cr3tpass|private|token=abc/);
    expect(f!.suggestions![0]!.desc).not.toMatch(/bob|s3cr3t/);
  });

  it("ignores other schemes and broken URLs (valid-url reports them)", () => {
    expect(lint(".vscode/mcp.json", vscode("ws://example.com/mcp"))).toEqual([]);
    expect(lint(".vscode/mcp.json", vscode("http://exa mple.com/mcp"))).toEqual([]);
    expect(lint(".vscode/mcp.json", vscode("example.com/mcp"))).toEqual([]);
  });

  it("keeps the suggestion exact when the string has escapes", () => {
    const text = `{"servers": {"a": {"type": "http", "url": "http://example.com/a\\u0062"}}}`;
    const [f] = lint(".vscode/mcp.json", text);
    expect(suggested(text, f!)).toBe(`{"servers": {"a": {"type": "http", "url": "https://example.com/ab"}}}`);
  });

  it("reports in Continue YAML and suggests https in place", () => {
    const text = "name: x\nversion: 0.0.1\nmcpServers:\n  - name: a\n    type: streamable-http\n    url: http://mcp.example.com/mcp # remote\n";
    const findings = lint(".continue/mcpServers/a.yaml", text);
    expect(findings).toHaveLength(1);
    expect(slice(text, findings[0]!)).toBe("http://mcp.example.com/mcp");
    expect(suggested(text, findings[0]!)).toBe(text.replace("url: http:", "url: https:"));
  });

  it("reports in Codex TOML", () => {
    const text = `[mcp_servers.a]\nurl = 'http://mcp.example.com/mcp'\n`;
    const [f] = lint(".codex/config.toml", text);
    expect(slice(text, f!)).toBe("'http://mcp.example.com/mcp'");
    expect(suggested(text, f!)).toBe(`[mcp_servers.a]\nurl = 'https://mcp.example.com/mcp'\n`);
  });
});

describe("no-insecure-http quotes the host as written (issue 12)", () => {
  it("keeps the host's case in the message", () => {
    const findings = lintRule("no-insecure-http", ".cursor/mcp.json", `{"mcpServers": {"a": {"url": "http://MyServer.Example.COM:8080/mcp"}}}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^http:\/\/MyServer\.Example\.COM:8080 is plain HTTP/);
  });
});
