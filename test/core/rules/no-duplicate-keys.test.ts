import { describe, expect, it } from "vitest";
import { lintRule, slice } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("no-duplicate-keys", file, text);

describe("no-duplicate-keys", () => {
  it("accepts objects without duplicates, and the same key in different objects", () => {
    const text = `{"mcpServers": {"a": {"command": "uvx", "args": ["x"]}, "b": {"command": "uvx", "args": ["y"]}}}`;
    expect(lint(".mcp.json", text)).toEqual([]);
  });

  it("reports the earlier of two servers with the same name at its key", () => {
    const text = `{\n  "mcpServers": {\n    "github": { "command": "npx", "args": ["-y", "a"] },\n    "fs": { "command": "npx" },\n    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" }\n  }\n}\n`;
    const findings = lint(".mcp.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([3, 5, 3, 13]);
    expect(slice(text, f!)).toBe('"github"');
    expect(f!.severity).toBe("error");
    expect(f!.pointer).toBe("/mcpServers/github");
    expect(f!.message).toBe(
      'The server "github" defined at line 3 is silently replaced by the one at line 5: only the last definition is used. Rename one of them, or delete the one you do not want.',
    );
  });

  it("reports every earlier definition against the one that wins", () => {
    const text = `{"servers": {\n"a": {"command": "x"},\n"a": {"command": "y"},\n"a": {"command": "z"}\n}}`;
    const findings = lint(".vscode/mcp.json", text);
    expect(findings.map((f) => f.line)).toEqual([2, 3]);
    expect(findings.every((f) => f.message.includes("replaced by the one at line 4"))).toBe(true);
  });

  it("uses a generic message for keys that are not server names", () => {
    const text = `{\n  "mcpServers": {\n    "a": {\n      "command": "npx",\n      "args": ["-y", "a"],\n      "args": ["-y", "b"]\n    }\n  }\n}`;
    const [f, ...rest] = lint(".cursor/mcp.json", text);
    expect(rest).toEqual([]);
    expect(slice(text, f!)).toBe('"args"');
    expect(f!.line).toBe(5);
    expect(f!.pointer).toBe("/mcpServers/a/args");
    expect(f!.message).toBe(
      'The key "args" is defined again at line 6: only the last value is used, so this one is silently ignored. Remove one of them or merge them.',
    );
  });

  it("reports a duplicated root key such as two mcpServers blocks", () => {
    const text = `{\n  "mcpServers": { "a": { "command": "uvx" } },\n  "mcpServers": { "b": { "command": "uvx" } }\n}`;
    const [f] = lint("claude_desktop_config.json", text);
    expect(f!.line).toBe(2);
    expect(f!.message).toContain('The key "mcpServers" is defined again at line 3');
  });

  it("looks inside arrays", () => {
    const text = `{"servers": {}, "inputs": [{"id": "a", "type": "promptString", "id": "b"}]}`;
    const [f] = lint(".vscode/mcp.json", text);
    expect(f!.pointer).toBe("/inputs/0/id");
    expect(f!.column).toBe(29);
  });

  it("checks per-project server maps of ~/.claude.json as server maps", () => {
    const text = `{"projects": {"/p": {"mcpServers": {"x": {"command": "a"}, "x": {"command": "b"}}}}}`;
    const [f] = lint("/home/me/.claude.json", text);
    expect(f!.pointer).toBe("/projects/~1p/mcpServers/x");
    expect(f!.message).toContain('The server "x" defined at line 1');
  });

  it("reports server names that differ only in case, at the later spelling", () => {
    const text = `{\n  "mcpServers": {\n    "GitHub": { "command": "npx", "args": ["-y", "a"] },\n    "github": { "command": "npx", "args": ["-y", "b"] }\n  }\n}`;
    const findings = lint(".cursor/mcp.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(slice(text, f!)).toBe('"github"');
    expect(f!.line).toBe(4);
    expect(f!.severity).toBe("error");
    expect(f!.message).toBe(
      'Servers "GitHub" (line 3) and "github" differ only in case, which is most likely the same server added twice. Remove one, or give them clearly different names if both are meant to run.',
    );
  });

  it("does not compare case outside server maps", () => {
    const text = `{"mcpServers": {"a": {"command": "x", "env": {"Path": "a", "PATH": "b"}}}}`;
    expect(lint(".mcp.json", text)).toEqual([]);
  });

  it("never quotes a secret-looking key", () => {
    const token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    const text = `{"mcpServers": {"a": {"command": "x", "env": {"${token}": "1", "${token}": "2"}}}}`;
    const [f] = lint(".mcp.json", text);
    expect(f!.message).not.toContain(token);
    expect(f!.message).toMatch(/^This key is defined again at line 1/);
  });

  it("reports duplicate extensions in Goose's YAML config", () => {
    const text = `extensions:\n  github:\n    type: stdio\n    cmd: npx\n    args: [-y, a]\n  github:\n    type: stdio\n    cmd: npx\n    args: [-y, b]\n`;
    const findings = lint("/home/me/.config/goose/config.yaml", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([2, 3, 2, 9]);
    expect(f!.message).toContain('The server "github" defined at line 2 is silently replaced by the one at line 6');
  });

  it("reports duplicate keys inside a Continue YAML entry", () => {
    const text = `name: x\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: a\n    command: uvx\n    command: npx\n`;
    const [f, ...rest] = lint(".continue/mcpServers/a.yaml", text);
    expect(rest).toEqual([]);
    expect(slice(text, f!)).toBe("command");
    expect(f!.line).toBe(6);
    expect(f!.pointer).toBe("/mcpServers/0/command");
  });

  it("has nothing to report in TOML, which rejects duplicates when parsing", () => {
    const text = `[mcp_servers.a]\ncommand = "uvx"\n\n[mcp_servers.b]\ncommand = "uvx"\n`;
    expect(lint(".codex/config.toml", text)).toEqual([]);
    const dup = `[mcp_servers.a]\ncommand = "uvx"\ncommand = "npx"\n`;
    expect(lint(".codex/config.toml", dup)).toEqual([]);
    expect(lintRule("syntax", ".codex/config.toml", dup)).toHaveLength(1);
  });
});
