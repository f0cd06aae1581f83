import { describe, expect, it } from "vitest";
import { lintRule, slice } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("syntax", file, text);

describe("syntax", () => {
  it("accepts valid files of every format", () => {
    expect(lint(".mcp.json", `{"mcpServers": {}}`)).toEqual([]);
    expect(lint(".codex/config.toml", `[mcp_servers.a]\ncommand = "npx"\n`)).toEqual([]);
    expect(lint(".continue/mcpServers/a.yaml", `name: a\nversion: 1.0.0\nmcpServers:\n  - name: a\n    command: npx\n`)).toEqual([]);
  });

  it("locates a missing comma", () => {
    const text = `{\n  "mcpServers": {\n    "a": { "command": "npx" }\n    "b": { "command": "uvx" }\n  }\n}`;
    const [f, ...rest] = lint(".mcp.json", text);
    expect(rest).toEqual([]);
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([4, 5, 4, 6]);
    expect(f!.message).toBe("Missing ',' before this string. Claude Code cannot read this file, so none of its servers start.");
    expect(f!.severity).toBe("error");
  });

  it("explains an invalid backslash escape in a Windows path", () => {
    const text = `{"mcpServers": {"fs": {"command": "npx", "args": ["C:\\Users\\me"]}}}`;
    const [f] = lint("claude_desktop_config.json", text);
    expect(slice(text, f!)).toBe("\\U");
    expect(f!.message).toMatch(/Invalid escape sequence/);
  });

  it("explains two JSON documents pasted one after the other", () => {
    const text = `{"mcpServers": {"a": {"command": "x"}}}\n{"mcpServers": {"b": {"command": "y"}}}`;
    const [f] = lint(".cursor/mcp.json", text);
    expect([f!.line, f!.column]).toEqual([2, 1]);
    expect(f!.message).toMatch(/single value/);
  });

  it("reports an unclosed object at the end of the file", () => {
    const text = `{"mcpServers": {"a": {"command": "x"}}`;
    const [f] = lint(".mcp.json", text);
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([1, 39, 1, 39]);
    expect(f!.message).toMatch(/Unexpected end of file/);
  });

  it("reports raw control characters inside strings, which momoa tolerates but clients do not", () => {
    const text = `{"mcpServers": {"a": {"command": "n\tpx"}}}`;
    const [f] = lint(".mcp.json", text);
    expect([f!.line, f!.column]).toEqual([1, 36]);
    expect(f!.message).toMatch(/control character/);
  });

  it("never quotes the source text around the error", () => {
    const token = "ghp_" + "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn";
    for (const [file, text] of [
      [".mcp.json", `{"mcpServers": {"a": {"env": {"T": ${token}}}}}`],
      [".mcp.json", `{"mcpServers": {"a": {"env": {"T": '${token}'}}}}`],
      [".codex/config.toml", `[mcp_servers.a]\nenv = { T = ${token} }\n`],
      [".continue/mcpServers/a.yaml", `mcpServers:\n  - name: a\n    env: {T: ${token}\n`],
    ] as const) {
      const findings = lint(file, text);
      expect(findings.length, file).toBeGreaterThan(0);
      for (const f of findings) expect(f.message).not.toContain(token.slice(4));
    }
  });

  it("locates TOML and YAML errors", () => {
    const toml = `[mcp_servers.a]\ncommand = \n`;
    const [t] = lint(".codex/config.toml", toml);
    expect(t!.line).toBe(2);
    const yaml = `mcpServers:\n  - name: a\n   command: npx\n`;
    const [y] = lint(".continue/mcpServers/a.yaml", yaml);
    expect(y!.line).toBe(3);
  });
});
