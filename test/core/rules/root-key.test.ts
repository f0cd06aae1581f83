import { describe, expect, it } from "vitest";
import { lintRule, slice, suggested } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("root-key", file, text);

describe("root-key", () => {
  it("accepts files that use the client's root key", () => {
    expect(lint(".vscode/mcp.json", `{"servers": {"a": {"command": "uvx"}}}`)).toEqual([]);
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"command": "uvx"}}}`)).toEqual([]);
    expect(lint(".zed/settings.json", `{"context_servers": {"a": {"command": "uvx", "args": []}}}`)).toEqual([]);
    // The expected key is there: another one next to it is not this rule's business.
    expect(lint(".vscode/mcp.json", `{"servers": {}, "mcpServers": {"a": {"command": "uvx"}}}`)).toEqual([]);
  });

  it("reports a Claude-style file in VS Code at the foreign key, and suggests renaming it", () => {
    const text = `{\n  "mcpServers": {\n    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] }\n  }\n}\n`;
    const findings = lint(".vscode/mcp.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([2, 3, 2, 15]);
    expect(slice(text, f!)).toBe('"mcpServers"');
    expect(f!.severity).toBe("error");
    expect(f!.pointer).toBe("/mcpServers");
    expect(f!.message).toBe(
      'VS Code reads servers from "servers"; "mcpServers" is the Claude/Cursor format, so VS Code finds no servers here. Rename the key to "servers".',
    );
    expect(f!.fix).toBeUndefined();
    expect(suggested(text, f!)).toBe(text.replace('"mcpServers"', '"servers"'));
  });

  it("reports a VS Code-style file in a Claude Code .mcp.json", () => {
    const text = `{"servers": {"a": {"type": "http", "url": "https://x.dev/mcp"}}}`;
    const [f] = lint(".mcp.json", text);
    expect(f!.message).toBe(
      'Claude Code reads servers from "mcpServers"; "servers" is the VS Code format, so Claude Code finds no servers here. Rename the key to "mcpServers".',
    );
    expect(suggested(text, f!)).toBe(`{"mcpServers": {"a": {"type": "http", "url": "https://x.dev/mcp"}}}`);
  });

  it("names the format of each foreign key", () => {
    const zed = lint(".cursor/mcp.json", `{"context_servers": {"a": {"command": "x", "args": []}}}`);
    expect(zed[0]!.message).toContain('"context_servers" is the Zed format');
    const goose = lint(".mcp.json", `{"extensions": {"a": {"cmd": "x", "args": []}}}`);
    expect(goose[0]!.message).toContain('"extensions" is the Goose format');
    const codex = lint(".cursor/mcp.json", `{"mcp_servers": {"a": {"command": "x"}}}`);
    expect(codex[0]!.message).toContain('"mcp_servers" is the Codex format');
    const opencode = lint(".zed/settings.json", `{"mcp": {"a": {"type": "local", "command": ["x"]}}}`);
    expect(opencode[0]!.message).toBe(
      'Zed reads servers from "context_servers"; "mcp" is the opencode format, so Zed finds no servers here. Rename the key to "context_servers".',
    );
  });

  it("reports the settings.json \"mcp\" wrapper in VS Code's mcp.json, without a rename", () => {
    const text = `{\n  "mcp": {\n    "servers": { "a": { "command": "uvx" } },\n    "inputs": []\n  }\n}`;
    const findings = lint(".vscode/mcp.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(slice(text, f!)).toBe('"mcp"');
    expect(f!.message).toBe(
      'VS Code reads servers from a top-level "servers"; servers nested in "mcp.servers" (the old settings.json format) are not found, so VS Code finds no servers here. Move "servers" (and "inputs") out of "mcp" to the top level of the file.',
    );
    expect(f!.suggestions).toBeUndefined();
  });

  it("ignores settings files that simply have no MCP servers", () => {
    expect(lint(".zed/settings.json", `{"theme": "One Dark", "vim_mode": true}`)).toEqual([]);
    expect(lint(".gemini/settings.json", `{"theme": "GitHub", "selectedAuthType": "oauth-personal"}`)).toEqual([]);
    // Gemini's own top-level "mcp" setting is not a server map.
    expect(lint(".gemini/settings.json", `{"mcp": {"allowed": ["a"], "serverCommand": "x"}}`)).toEqual([]);
    // An empty foreign map loses nothing.
    expect(lint(".vscode/mcp.json", `{"mcpServers": {}}`)).toEqual([]);
  });

  it("skips the MCP Registry's server.json, which has no root key", () => {
    const text = `{"$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json", "mcpServers": {"a": {"command": "x"}}}`;
    expect(lint("server.json", text)).toEqual([]);
  });

  it("renames a Claude-style key in Goose's YAML config, keeping the plain style", () => {
    const text = `mcpServers:\n  github:\n    cmd: npx\n    args: [-y, pkg]\n`;
    const findings = lint("/home/me/.config/goose/config.yaml", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([1, 1, 1, 11]);
    expect(f!.message).toContain('Goose reads servers from "extensions"');
    expect(suggested(text, f!)).toBe(text.replace("mcpServers:", "extensions:"));
  });

  it("keeps the quotes of a quoted YAML key", () => {
    const text = `"servers":\n  - name: a\n    command: uvx\n`;
    const [f] = lint(".continue/mcpServers/a.yaml", text);
    expect(slice(text, f!)).toBe('"servers"');
    expect(suggested(text, f!)).toBe(`"mcpServers":\n  - name: a\n    command: uvx\n`);
  });

  it("renames every Codex table header that spells the foreign key", () => {
    const text = `model = "o3"\n\n[mcpServers.github]\ncommand = "npx"\nargs = ["-y", "a"]\n\n[mcpServers.github.env]\nX = "1"\n\n[mcpServers."npm:@scope/pkg"]\ncommand = "npx"\n`;
    const findings = lint("/home/me/.codex/config.toml", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([3, 2, 3, 12]);
    expect(f!.message).toBe(
      'OpenAI Codex reads servers from "mcp_servers"; "mcpServers" is the Claude/Cursor format, so OpenAI Codex finds no servers here. Rename the key to "mcp_servers".',
    );
    expect(suggested(text, f!)).toBe(text.replaceAll("[mcpServers.", "[mcp_servers."));
  });

  it("renames top-level dotted keys in TOML but not look-alikes inside multi-line strings", () => {
    const text = `notes = """\n[mcpServers.fake]\n"""\nmcpServers.a.command = "uvx"\n\n[mcpServers.b]\ncommand = "uvx"\n`;
    const [f] = lint(".codex/config.toml", text);
    expect(suggested(text, f!)).toBe(`notes = """\n[mcpServers.fake]\n"""\nmcp_servers.a.command = "uvx"\n\n[mcp_servers.b]\ncommand = "uvx"\n`);
  });

  it("reports Codex's ignored [mcp.servers.x] tables as a wrapper", () => {
    const text = `[mcp.servers.github]\ncommand = "npx"\n`;
    const [f] = lint(".codex/config.toml", text);
    expect(slice(text, f!)).toBe("mcp");
    expect(f!.message).toContain('servers nested in "mcp.servers"');
    expect(f!.message).toContain('Move the servers to a top-level "mcp_servers".');
  });
});

describe("root-key names the format the entries prove (issue 12)", () => {
  it("does not call an \"mcp\" map of VS Code-style entries the opencode format", () => {
    const [f] = lint("/home/u/.config/Code/User/mcp.json", `{"mcp": {"a": {"command": "x", "args": []}}}`);
    expect(f!.message).not.toMatch(/opencode/);
    expect(f!.message).toBe('VS Code reads servers from "servers"; "mcp" is a key VS Code does not read here, so VS Code finds no servers here. Rename the key to "servers".');
  });

  it("still names opencode where the entries are opencode's (type local/remote, command as an array)", () => {
    const [f] = lint("/home/u/.config/Code/User/mcp.json", `{"mcp": {"a": {"type": "local", "command": ["x"]}}}`);
    expect(f!.message).toMatch(/"mcp" is the opencode format/);
  });
});

describe("root-key does not hide the other rules' findings (issue 12)", () => {
  it("a ~ path under a foreign root key is still reported by no-relative-path, once the key is wrong", async () => {
    const { lintConfigText } = await import("../../../packages/core/src/engine/lint-config-text.js");
    const text = `{"servers": {"fs": {"command": "node", "args": ["~/mcp/fs/index.js"]}}}`;
    const ids = lintConfigText("claude_desktop_config.json", text).findings.map((f) => [f.ruleId, f.pointer]);
    expect(ids).toContainEqual(["root-key", "/servers"]);
    expect(ids).toContainEqual(["no-relative-path", "/servers/fs/args/0"]);
  });

  it("reads no foreign key when the client's own key is there", async () => {
    const { lintConfigText } = await import("../../../packages/core/src/engine/lint-config-text.js");
    const text = `{"mcpServers": {}, "servers": {"fs": {"command": "node", "args": ["~/x.js"]}}}`;
    expect(lintConfigText("claude_desktop_config.json", text).findings.map((f) => f.ruleId)).not.toContain("no-relative-path");
  });
});
