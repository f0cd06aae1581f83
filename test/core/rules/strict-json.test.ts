import { describe, expect, it } from "vitest";
import { fixed, lintRule, slice, suggested } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("strict-json", file, text);

describe("strict-json", () => {
  it("accepts plain JSON everywhere", () => {
    const text = `{\n  "mcpServers": {\n    "a": { "command": "npx", "args": ["-y", "pkg"] }\n  }\n}\n`;
    expect(lint("claude_desktop_config.json", text)).toEqual([]);
    expect(lint(".cursor/mcp.json", text)).toEqual([]);
  });

  it("accepts comments and trailing commas in clients that read JSONC (VS Code, Zed, opencode)", () => {
    const vscode = `{\n  // GitHub\n  "servers": {\n    "gh": { "type": "http", "url": "https://api.githubcopilot.com/mcp/", },\n  },\n}\n`;
    expect(lint(".vscode/mcp.json", vscode)).toEqual([]);
    const zed = `{\n  /* MCP */\n  "context_servers": { "a": { "command": "uvx", "args": ["x",], }, },\n}`;
    expect(lint(".zed/settings.json", zed)).toEqual([]);
    const opencode = `{\n  // local\n  "mcp": { "a": { "type": "local", "command": ["npx", "-y", "pkg",], }, },\n}`;
    expect(lint("opencode.jsonc", opencode)).toEqual([]);
  });

  it("reports a comment in Claude Desktop's file at its exact range, with a suggestion and no fix", () => {
    const text = `{\n  // my servers\n  "mcpServers": {\n    "a": { "command": "uvx", "args": ["mcp-server-git"] }\n  }\n}\n`;
    const findings = lint("claude_desktop_config.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([2, 3, 2, 16]);
    expect(slice(text, f!)).toBe("// my servers");
    expect(f!.severity).toBe("error");
    expect(f!.message).toContain("Claude Desktop");
    expect(f!.message).toContain("discards the whole file");
    expect(f!.fix).toBeUndefined();
    expect(f!.suggestions).toHaveLength(1);
    // The comment's line goes away entirely.
    const out = suggested(text, f!);
    expect(out).toBe(`{\n  "mcpServers": {\n    "a": { "command": "uvx", "args": ["mcp-server-git"] }\n  }\n}\n`);
    expect(() => JSON.parse(out)).not.toThrow();
  });

  it("removes an end-of-line comment together with the spaces before it", () => {
    const text = `{\n  "mcpServers": { // servers\n    "a": { "command": "uvx" }\n  }\n}`;
    const [f] = lint(".mcp.json", text);
    expect(slice(text, f!)).toBe("// servers");
    expect(suggested(text, f!)).toBe(`{\n  "mcpServers": {\n    "a": { "command": "uvx" }\n  }\n}`);
  });

  it("removes an inline block comment together with the spaces after it", () => {
    const text = `{"mcpServers": {"a": {"command": /* uv */ "uvx"}}}`;
    const [f] = lint(".cursor/mcp.json", text);
    expect(slice(text, f!)).toBe("/* uv */");
    expect(f!.pointer).toBe("/mcpServers/a");
    expect(suggested(text, f!)).toBe(`{"mcpServers": {"a": {"command": "uvx"}}}`);
  });

  it("keeps CRLF line breaks when removing a comment", () => {
    const text = `{\r\n  // a\r\n  "mcpServers": {} // b\r\n}\r\n`;
    const [a, b] = lint(".mcp.json", text);
    expect(suggested(text, a!)).toBe(`{\r\n  "mcpServers": {} // b\r\n}\r\n`);
    expect(suggested(text, b!)).toBe(`{\r\n  // a\r\n  "mcpServers": {}\r\n}\r\n`);
  });

  it("reports a multi-line block comment over its whole range", () => {
    const text = `{\n  /* one\n     two */\n  "mcpServers": {}\n}`;
    const [f] = lint(".mcp.json", text);
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([2, 3, 3, 12]);
    expect(suggested(text, f!)).toBe(`{\n  "mcpServers": {}\n}`);
  });

  it("reports and fixes a trailing comma in a strict client", () => {
    const text = `{\n  "mcpServers": {\n    "context7": { "url": "https://mcp.context7.com/mcp", }\n  }\n}\n`;
    const findings = lint(".cursor/mcp.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(slice(text, f!)).toBe(",");
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([3, 56, 3, 57]);
    expect(f!.pointer).toBe("/mcpServers/context7");
    expect(f!.message).toContain("Cursor");
    const out = fixed(text, findings);
    expect(out).toBe(text.replace(`/mcp", }`, `/mcp" }`));
    expect(() => JSON.parse(out)).not.toThrow();
  });

  it("fixes trailing commas in arrays and nested objects in one pass", () => {
    const text = `{"mcpServers": {"a": {"command": "npx", "args": ["-y", "pkg",],},},}`;
    const findings = lint("claude_desktop_config.json", text);
    expect(findings).toHaveLength(4);
    expect(findings.map((f) => f.pointer)).toEqual(["/mcpServers/a/args", "/mcpServers/a", "/mcpServers", ""]);
    const out = fixed(text, findings);
    expect(out).toBe(`{"mcpServers": {"a": {"command": "npx", "args": ["-y", "pkg"]}}}`);
    expect(JSON.parse(out)).toEqual({ mcpServers: { a: { command: "npx", args: ["-y", "pkg"] } } });
  });

  it("accepts comments but not trailing commas in Gemini CLI's settings", () => {
    const text = `{\n  // servers\n  "mcpServers": {\n    "a": { "command": "uvx", "args": ["x"], }\n  }\n}`;
    const findings = lint(".gemini/settings.json", text);
    expect(findings).toHaveLength(1);
    expect(slice(text, findings[0]!)).toBe(",");
    expect(findings[0]!.message).toContain("Gemini CLI");
    expect(fixed(text, findings)).toBe(text.replace(`["x"], }`, `["x"] }`));
  });

  it("reports a comment and a trailing comma separately", () => {
    const text = `{\n  "mcpServers": {\n    "a": { "command": "uvx" }, // old\n  }\n}`;
    const findings = lint(".kiro/settings/mcp.json", text);
    expect(findings.map((f) => slice(text, f))).toEqual([",", "// old"]);
    expect(findings.map((f) => (f.fix ? "fix" : "suggestion"))).toEqual(["fix", "suggestion"]);
  });

  it("does not apply to YAML or TOML files", () => {
    const yaml = `name: x\nversion: 0.0.1\nschema: v1\n# servers\nmcpServers:\n  - name: a\n    command: uvx\n`;
    expect(lint(".continue/mcpServers/a.yaml", yaml)).toEqual([]);
    const toml = `# codex\n[mcp_servers.a]\ncommand = "uvx"\nargs = ["x",]\n`;
    expect(lint(".codex/config.toml", toml)).toEqual([]);
  });
});
