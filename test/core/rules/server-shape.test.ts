import { describe, expect, it } from "vitest";
import { lintRule, slice, suggested } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("server-shape", file, text);

describe("server-shape", () => {
  it("accepts stdio and URL entries of the right shape", () => {
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"command": "uvx", "args": ["x"]}, "b": {"type": "http", "url": "https://x.dev/mcp"}}}`)).toEqual([]);
    expect(lint(".cursor/mcp.json", `{"mcpServers": {"b": {"url": "https://x.dev/mcp"}}}`)).toEqual([]);
    expect(lint(".vscode/mcp.json", `{"servers": {"a": {"type": "stdio", "command": "uvx"}, "b": {"type": "sse", "url": "https://x.dev/sse"}}}`)).toEqual([]);
    expect(lint(".gemini/settings.json", `{"mcpServers": {"b": {"httpUrl": "https://x.dev/mcp"}}}`)).toEqual([]);
    expect(lint("opencode.json", `{"mcp": {"a": {"type": "local", "command": ["npx", "-y", "x"]}, "b": {"type": "remote", "url": "https://x.dev/mcp"}}}`)).toEqual([]);
  });

  it("skips client-specific kinds (Goose builtin, Zed extension servers)", () => {
    expect(lint("goose/config.yaml", `extensions:\n  developer:\n    type: builtin\n    name: developer\n`)).toEqual([]);
    expect(lint(".zed/settings.json", `{"context_servers": {"a": {"settings": {"x": 1}}}}`)).toEqual([]);
  });

  it("reports an entry with neither a command nor a URL at its key", () => {
    const text = `{\n  "mcpServers": {\n    "github": { "args": ["-y", "pkg"] }\n  }\n}`;
    const findings = lint(".cursor/mcp.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([3, 5, 3, 13]);
    expect(f!.severity).toBe("error");
    expect(f!.pointer).toBe("/mcpServers/github");
    expect(f!.message).toBe(
      'Server "github" has neither a command (stdio) nor a URL, so Cursor can neither start nor reach it. Add "command" to run a local server, or "url" for a remote one.',
    );
  });

  it("names the dialect's own keys (Windsurf serverUrl, Goose cmd/uri)", () => {
    const windsurf = lint(".codeium/windsurf/mcp_config.json", `{"mcpServers": {"a": {"env": {}}}}`);
    expect(windsurf[0]!.message).toContain('Add "command" to run a local server, or "serverUrl" or "url" for a remote one.');
    const goose = lint("goose/config.yaml", `extensions:\n  a:\n    enabled: true\n`);
    expect(goose[0]!.message).toContain('Add "cmd" to run a local server, or "uri" for a remote one.');
  });

  it("asks only for a command in a stdio-only client, and only for the URL when the type says remote", () => {
    const desktop = lint("claude_desktop_config.json", `{"mcpServers": {"a": {"args": []}}}`);
    expect(desktop[0]!.message).toBe('Server "a" has no "command", so Claude Desktop has nothing to start. Add "command" with the program to run.');
    const typed = lint(".vscode/mcp.json", `{"servers": {"a": {"type": "http", "headers": {}}}}`);
    expect(typed[0]!.message).toBe('Server "a" has no "url", so VS Code has nothing to connect to. Add "url" with the server\'s endpoint.');
  });

  it("points at the name of a Continue list entry", () => {
    const text = `name: x\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: git\n    args: [mcp-server-git]\n`;
    const [f] = lint(".continue/mcpServers/git.yaml", text);
    expect(slice(text, f!)).toBe("git");
    expect(f!.pointer).toBe("/mcpServers/0/name");
    expect(f!.message).toContain('Server "git" has neither a command (stdio) nor a URL, so Continue');
  });

  it("reports an entry with both a command and a URL at the URL key", () => {
    const text = `{"mcpServers": {"a": {"command": "npx", "url": "https://x.dev/mcp"}}}`;
    const [f] = lint(".roo/mcp.json", text);
    expect(slice(text, f!)).toBe('"url"');
    expect(f!.message).toBe(
      'Server "a" has both a command and a URL, so Roo Code cannot tell whether to start it or connect to it. Keep "command" for a local stdio server or "url" for a remote one, and remove the other.',
    );
  });

  it("requires the type on URL entries in Claude Code, and suggests adding it", () => {
    const text = `{\n  "mcpServers": {\n    "context7": {\n      "url": "https://mcp.context7.com/mcp"\n    }\n  }\n}`;
    const findings = lint(".mcp.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(slice(text, f!)).toBe('"url"');
    expect(f!.message).toBe(
      'Claude Code only treats this entry as HTTP with "type": "http": without "type" it does not recognise the server. Add "type": "http" (or "type": "sse" for a legacy SSE endpoint).',
    );
    expect(f!.fix).toBeUndefined();
    expect(suggested(text, f!)).toBe(text.replace(`/mcp"\n`, `/mcp",\n      "type": "http"\n`));
  });

  it("suggests the SSE type for a URL ending in /sse", () => {
    const text = `{"mcpServers": {"a": {"url": "http://localhost:3001/sse"}}}`;
    const [f] = lint(".mcp.json", text);
    expect(f!.message).toContain('as an SSE server with "type": "sse"');
    expect(suggested(text, f!)).toBe(`{"mcpServers": {"a": {"url": "http://localhost:3001/sse", "type": "sse"}}}`);
  });

  it("uses each client's canonical type (Roo, opencode, Goose)", () => {
    const roo = `{"mcpServers": {"a": {"url": "https://x.dev/mcp"}}}`;
    expect(suggested(roo, lint(".roo/mcp.json", roo)[0]!)).toBe(`{"mcpServers": {"a": {"url": "https://x.dev/mcp", "type": "streamable-http"}}}`);
    const opencode = `{"mcp": {"a": {"url": "https://x.dev/mcp"}}}`;
    const [o] = lint("opencode.json", opencode);
    expect(o!.message).toContain('opencode only treats this entry as HTTP with "type": "remote"');
    expect(suggested(opencode, o!)).toBe(`{"mcp": {"a": {"url": "https://x.dev/mcp", "type": "remote"}}}`);
  });

  it("adds the type in Goose's YAML in YAML syntax", () => {
    const text = `extensions:\n  remote:\n    uri: https://x.dev/mcp\n    enabled: true\n`;
    const [f] = lint("/home/me/.config/goose/config.yaml", text);
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([3, 5, 3, 8]);
    expect(f!.message).toBe(
      "Goose only treats this entry as HTTP with type: streamable_http: without \"type\" it does not recognise the server. Add type: streamable_http (or type: sse for a legacy SSE endpoint).",
    );
    expect(suggested(text, f!)).toBe(`extensions:\n  remote:\n    uri: https://x.dev/mcp\n    type: streamable_http\n    enabled: true\n`);
  });

  it("does not require a type where the client infers HTTP, nor in a stdio-only client", () => {
    expect(lint(".cursor/mcp.json", `{"mcpServers": {"a": {"url": "https://x.dev/mcp"}}}`)).toEqual([]);
    expect(lint(".codex/config.toml", `[mcp_servers.a]\nurl = "https://x.dev/mcp"\n`)).toEqual([]);
    expect(lint("claude_desktop_config.json", `{"mcpServers": {"a": {"url": "https://x.dev/mcp"}}}`)).toEqual([]);
  });

  it("reports an empty or non-string command at the value", () => {
    const empty = `{"mcpServers": {"a": {"command": "  "}}}`;
    const [e] = lint(".mcp.json", empty);
    expect(slice(empty, e!)).toBe('"  "');
    expect(e!.message).toContain('"command" is empty, so Claude Code has no program to start.');
    const array = `{"mcpServers": {"a": {"command": ["npx", "-y", "x"]}}}`;
    const [a] = lint(".mcp.json", array);
    expect(slice(array, a!)).toBe('["npx", "-y", "x"]');
    expect(a!.message).toBe(
      '"command" must be a string naming the program to run, so Claude Code cannot start server "a". Put the program in "command" and its arguments in "args".',
    );
  });

  it("reports an empty command in Codex TOML at the value", () => {
    const text = `[mcp_servers.a]\ncommand = ""\n`;
    const findings = lint(".codex/config.toml", text);
    expect(findings).toHaveLength(1);
    expect(slice(text, findings[0]!)).toBe('""');
    expect([findings[0]!.line, findings[0]!.column]).toEqual([2, 11]);
  });

  it("checks opencode's command array", () => {
    const empty = `{"mcp": {"a": {"type": "local", "command": []}}}`;
    const [e, ...rest] = lint("opencode.json", empty);
    expect(rest).toEqual([]);
    expect(slice(empty, e!)).toBe("[]");
    expect(e!.message).toContain("is empty");
    const string = `{"mcp": {"a": {"type": "local", "command": "uvx"}}}`;
    const [s] = lint("opencode.json", string);
    expect(s!.message).toContain('opencode expects "command" to be an array');
    expect(suggested(string, s!)).toBe(`{"mcp": {"a": {"type": "local", "command": ["uvx"]}}}`);
    const nonString = `{"mcp": {"a": {"type": "local", "command": [1, "x"]}}}`;
    expect(slice(nonString, lint("opencode.json", nonString)[0]!)).toBe("1");
  });

  it("reports a stdio type on a URL-only entry at the type value", () => {
    const text = `{"servers": {"a": {"type": "stdio", "url": "https://x.dev/mcp"}}}`;
    const [f] = lint(".vscode/mcp.json", text);
    expect(slice(text, f!)).toBe('"stdio"');
    expect(f!.pointer).toBe("/servers/a/type");
    expect(f!.message).toBe(
      '"type" says stdio but server "a" only has a URL, so VS Code looks for a command and cannot start it. Set "type" to "http" for a remote server.',
    );
    expect(suggested(text, f!)).toBe(`{"servers": {"a": {"type": "http", "url": "https://x.dev/mcp"}}}`);
  });

  it("reports a remote type on a command-only entry at the type value", () => {
    const text = `{"mcpServers": {"a": {"type": "streamableHttp", "command": "npx", "args": ["-y", "x"]}}}`;
    const [f] = lint("cline_mcp_settings.json", text);
    expect(slice(text, f!)).toBe('"streamableHttp"');
    expect(f!.message).toBe(
      '"type" says Streamable HTTP but server "a" only has a command, so Cline looks for a URL and cannot connect. Set "type" to "stdio" for a local server.',
    );
    expect(suggested(text, f!)).toBe(text.replace('"streamableHttp"', '"stdio"'));
    const opencode = `{"mcp": {"a": {"type": "remote", "command": ["x"]}}}`;
    expect(suggested(opencode, lint("opencode.json", opencode)[0]!)).toBe(`{"mcp": {"a": {"type": "local", "command": ["x"]}}}`);
  });

  it("never quotes a secret-looking server name", () => {
    const token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    const [f] = lint(".mcp.json", `{"mcpServers": {"${token}": {"args": []}}}`);
    expect(f!.message).not.toContain(token);
    expect(f!.message).toMatch(/^This server has neither/);
  });
});

describe("server-shape: switched-off and override-only servers (issue 12)", () => {
  const lint = (file: string, text: string) => lintRule("server-shape", file, text);
  it("does not ask a disabled server for what it lacks", () => {
    expect(lint(".roo/mcp.json", `{"mcpServers": {"a": {"disabled": true}}}`)).toEqual([]);
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"url": "https://x.dev/mcp", "disabled": true}}}`)).toEqual([]);
    expect(lint("opencode.json", `{"mcp": {"a": {"enabled": false}}}`)).toEqual([]);
  });
  it("still reports what is wrong in a disabled server", () => {
    expect(lint(".cursor/mcp.json", `{"mcpServers": {"a": {"command": "node", "url": "https://x.dev/mcp", "disabled": true}}}`)).toHaveLength(1);
  });
  it("takes a Codex table without command or url as an override of a user-level server", () => {
    expect(lint(".codex/config.toml", `[mcp_servers.github]\nenabled = false\n\n[mcp_servers.docs]\nstartup_timeout_sec = 30\n`)).toEqual([]);
  });
  it("still reports an enabled server that has neither", () => {
    expect(lint(".cursor/mcp.json", `{"mcpServers": {"a": {"env": {}}}}`)).toHaveLength(1);
  });
});
