import { describe, expect, it } from "vitest";
import type { Finding } from "../../../packages/core/src/model/finding.js";
import { lintRule, slice, suggested } from "../helpers.js";

const lint = (file: string, text: string, options: Record<string, unknown> = {}) => lintRule("valid-schema", file, text, options);

/** [line, column, endLine, endColumn] of a finding. */
const pos = (f: Finding | undefined) => (f ? [f.line, f.column, f.endLine, f.endColumn] : undefined);

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe("valid-schema: unknown keys", () => {
  it("reports a misspelt key at the key, with a did-you-mean suggestion that renames it", () => {
    const text = `{\n  "mcpServers": {\n    "fs": {\n      "commmand": "npx",\n      "args": ["-y", "pkg"]\n    }\n  }\n}\n`;
    const f = only(lint(".mcp.json", text));
    expect(pos(f)).toEqual([4, 7, 4, 17]);
    expect(slice(text, f)).toBe('"commmand"');
    expect(f.pointer).toBe("/mcpServers/fs/commmand");
    // Claude Code ignores the key: a warning (the missing command itself is server-shape's error).
    expect(f.severity).toBe("warning");
    expect(f.message).toBe('Claude Code does not know "commmand" in server "fs" and ignores it. Did you mean "command"?');
    expect(f.fix).toBeUndefined();
    expect(suggested(text, f)).toBe(text.replace('"commmand"', '"command"'));
  });

  it("suggests the nearest key for short typos (arg -> args)", () => {
    const text = `{"mcpServers": {"a": {"command": "npx", "arg": ["-y", "pkg"]}}}`;
    const f = only(lint("claude_desktop_config.json", text));
    expect(slice(text, f)).toBe('"arg"');
    expect(f.message).toContain('Did you mean "args"?');
    expect(suggested(text, f)).toBe(`{"mcpServers": {"a": {"command": "npx", "args": ["-y", "pkg"]}}}`);
  });

  it("reports a key with a stray space and offers the exact spelling", () => {
    const text = `{\n  "mcpServers": {\n    "docs": { "httpUrl ": "https://mcp.example.com/mcp" }\n  }\n}`;
    const f = only(lint(".gemini/settings.json", text));
    expect(pos(f)).toEqual([3, 15, 3, 25]);
    expect(f.message).toBe('"httpUrl " is not "httpUrl" (it has extra whitespace): Gemini CLI matches keys exactly and rejects it. Rename it to "httpUrl".');
    expect(suggested(text, f)).toBe(text.replace('"httpUrl "', '"httpUrl"'));
  });

  it("names the client a foreign key belongs to and offers this client's own key", () => {
    const cases: Array<[string, string, string, string]> = [
      [".cursor/mcp.json", `{"mcpServers": {"a": {"serverUrl": "https://x.dev/mcp"}}}`, "serverUrl", "url"],
      [".mcp.json", `{"mcpServers": {"a": {"command": "x", "environment": {"A": "b"}}}}`, "environment", "env"],
      [".mcp.json", `{"mcpServers": {"a": {"cmd": "x"}}}`, "cmd", "command"],
      [".mcp.json", `{"mcpServers": {"a": {"command": "x", "envs": {"A": "b"}}}}`, "envs", "env"],
      [".mcp.json", `{"mcpServers": {"a": {"type": "http", "url": "https://x.dev/mcp", "http_headers": {"A": "b"}}}}`, "http_headers", "headers"],
      ["opencode.json", `{"mcp": {"a": {"type": "local", "command": ["x"], "env": {"A": "b"}}}}`, "env", "environment"],
    ];
    for (const [file, text, from, to] of cases) {
      const f = only(lint(file, text));
      expect(slice(text, f)).toBe(`"${from}"`);
      expect(f.message).toContain(`Use "${to}" instead.`);
      expect(f.message).toMatch(/ is (an? .+ setting|a setting of .+): /);
      expect(suggested(text, f)).toBe(text.replace(`"${from}"`, `"${to}"`));
    }
  });

  it("explains keys of other clients that have no equivalent, without a suggestion", () => {
    const text = `{"mcpServers": {"a": {"command": "x", "disabledTools": ["t"]}}}`;
    const f = only(lint(".mcp.json", text));
    expect(f.message).toBe('"disabledTools" is a Windsurf, Roo Code and Kiro setting: Claude Code does not know it and ignores it. Claude Code has no equivalent: remove it.');
    expect(f.suggestions).toBeUndefined();
  });

  it("maps a typo of another client's key to this client's key (enviroment -> env)", () => {
    const text = `{"mcpServers": {"a": {"command": "x", "enviroment": {"A": "b"}}}}`;
    const f = only(lint(".mcp.json", text));
    expect(f.message).toContain('Did you mean "env"?');
    expect(suggested(text, f)).toBe(text.replace('"enviroment"', '"env"'));
  });

  it("lists the known keys when nothing is close", () => {
    const f = only(lint(".cursor/mcp.json", `{"mcpServers": {"a": {"command": "x", "flavour": "y"}}}`));
    expect(f.message).toBe(
      'Cursor does not know "flavour" in server "a" and ignores it. Remove it, or use a key Cursor knows: "type", "command", "args", "env", "envFile", "url", "headers" or "auth".',
    );
  });

  it("reports a misspelt root key in a closed root (mcpServer -> mcpServers)", () => {
    const text = `{\n  "mcpServer": {\n    "a": {"command": "x"}\n  }\n}`;
    const f = only(lint(".cursor/mcp.json", text));
    expect(pos(f)).toEqual([2, 3, 2, 14]);
    expect(f.message).toBe('Cursor does not know "mcpServer" at the top level and ignores it. Did you mean "mcpServers"?');
    expect(suggested(text, f)).toBe(text.replace('"mcpServer"', '"mcpServers"'));
  });

  it("says when the client rejects unknown keys", () => {
    const f = only(lint("opencode.json", `{"mcp": {"a": {"type": "local", "command": ["x"], "enviroment": {}}}}`));
    expect(f.message).toBe('opencode does not know "enviroment" in server "a" and rejects it. Did you mean "environment"?');
  });

  it("suggests the opposite flag for disabled/enabled, without a rename", () => {
    const text = `[mcp_servers.a]\ncommand = "x"\ndisabled = true\n`;
    const f = only(lint(".codex/config.toml", text));
    expect(slice(text, f)).toBe("disabled");
    expect(f.message).toContain("Use enabled = false instead (the opposite flag).");
    expect(f.suggestions).toBeUndefined();
  });

  it("leaves another client's root key to the root-key rule when the client's own is missing", () => {
    expect(lint(".cursor/mcp.json", `{"servers": {"a": {"command": "x"}}}`)).toEqual([]);
    expect(lint(".vscode/mcp.json", `{"mcpServers": {"a": {"command": "x"}}}`)).toEqual([]);
    // With the client's own key present, the extra one is just unknown.
    const f = only(lint(".cursor/mcp.json", `{"mcpServers": {}, "servers": {"a": {"command": "x"}}}`));
    expect(f.pointer).toBe("/servers");
  });

  it("honours allowKeys", () => {
    const text = `{"mcpServers": {"a": {"command": "x", "description": "notes"}}}`;
    expect(only(lint(".mcp.json", text)).pointer).toBe("/mcpServers/a/description");
    expect(lint(".mcp.json", text, { allowKeys: ["description"] })).toEqual([]);
  });
});

describe("valid-schema: values", () => {
  it("reports a wrong type at the value, with an example", () => {
    const text = `{\n  "mcpServers": {\n    "a": {\n      "command": "npx",\n      "args": "-y pkg"\n    }\n  }\n}`;
    const f = only(lint(".mcp.json", text));
    expect(pos(f)).toEqual([5, 15, 5, 23]);
    expect(f.pointer).toBe("/mcpServers/a/args");
    expect(f.message).toBe('Claude Code expects "args" to be an array of strings, e.g. ["-y", "some-mcp-server"]. Put each part in its own item.');
  });

  it("reports env values that are not strings, at the value, without echoing it", () => {
    const text = `{"mcpServers": {"a": {"command": "x", "env": {"PORT": 31337}}}}`;
    const f = only(lint(".cursor/mcp.json", text));
    expect(slice(text, f)).toBe("31337");
    expect(f.message).toBe('Cursor expects "PORT" in "env" to be a string. Quote the value.');
    expect(f.message).not.toContain("31337");
    // VS Code takes numbers and null in env.
    expect(lint(".vscode/mcp.json", `{"servers": {"a": {"command": "x", "env": {"PORT": 31337, "X": null}}}}`)).toEqual([]);
  });

  it("reports an enum value at the value, listing the allowed values, with the client's spelling of the transport", () => {
    const text = `{"mcpServers": {"a": {"type": "streamable-http", "url": "https://x.dev/mcp"}}}`;
    const f = only(lint(".mcp.json", text));
    expect(slice(text, f)).toBe('"streamable-http"');
    expect(f.message).toBe('Claude Code does not accept "streamable-http" for "type": use one of "stdio", "http", "sse", "ws". Did you mean "http"?');
    expect(suggested(text, f)).toBe(text.replace('"streamable-http"', '"http"'));
    const cline = only(lint("cline_mcp_settings.json", `{"mcpServers": {"a": {"type": "http", "url": "https://x.dev/mcp"}}}`));
    expect(cline.message).toContain('Did you mean "streamableHttp"?');
    const roo = only(lint(".roo/mcp.json", `{"mcpServers": {"a": {"type": "streamableHttp", "url": "https://x.dev/mcp"}}}`));
    expect(roo.message).toContain('Did you mean "streamable-http"?');
  });

  it("never quotes a secret-looking value", () => {
    const token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    const f = only(lint(".mcp.json", `{"mcpServers": {"a": {"type": "${token}", "url": "https://x.dev/mcp"}}}`));
    expect(f.message).not.toContain(token);
    expect(f.message).toContain("this value");
  });

  it("checks ranges the client enforces (Roo timeout 1-3600 s)", () => {
    const text = `{"mcpServers": {"a": {"command": "x", "timeout": 60000}}}`;
    const f = only(lint(".roo/mcp.json", text));
    expect(slice(text, f)).toBe("60000");
    expect(f.message).toBe('Roo Code requires "timeout" to be at most 3600. Roo Code\'s timeout is in seconds.');
    expect(lint("cline_mcp_settings.json", text)).toEqual([]);
  });

  it("reports a server entry that is not an object at the entry's value", () => {
    const text = `{"mcpServers": {"gh": "npx -y server-github"}}`;
    const f = only(lint(".mcp.json", text));
    expect(slice(text, f)).toBe('"npx -y server-github"');
    expect(f.message).toBe('Claude Code expects server "gh" to be an object.');
  });

  it("leaves an empty file alone", () => {
    expect(lint(".config/goose/config.yaml", "# nothing yet\n")).toEqual([]);
  });

  it("reports a type error on the whole file at its first character", () => {
    const f = only(lint(".cursor/mcp.json", `[1, 2]`));
    expect(pos(f)).toEqual([1, 1, 1, 2]);
    expect(f.message).toBe("Cursor expects the file to be an object.");
  });
});

describe("valid-schema: what it leaves to other rules", () => {
  it("does not check command vs url, missing types or URL schemes", () => {
    expect(lint(".mcp.json", `{"mcpServers": {"a": {}}}`)).toEqual([]);
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"command": "x", "url": "https://x.dev/mcp"}}}`)).toEqual([]);
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"url": "ftp://x.dev/mcp"}}}`)).toEqual([]);
    expect(lint(".roo/mcp.json", `{"mcpServers": {"a": {"url": "https://x.dev/mcp"}}}`)).toEqual([]);
    expect(lint("opencode.json", `{"mcp": {"a": {"url": "https://x.dev/mcp"}}}`)).toEqual([]);
  });

  it("only checks the server maps of ~/.claude.json", () => {
    const text = JSON.stringify({
      numStartups: 12,
      oauthAccount: { emailAddress: "a@example.com" },
      projects: { "/work/app": { allowedTools: [], mcpServers: { db: { command: "x", argz: [] } } } },
      mcpServers: { a: { type: "http", url: "https://x.dev/mcp" } },
    });
    const f = only(lint("/home/u/.claude.json", text));
    expect(f.pointer).toBe("/projects/~1work~1app/mcpServers/db/argz");
    expect(f.message).toContain('Did you mean "args"?');
  });

  it("allows the rest of a Gemini settings file but still catches a misspelt mcpServers", () => {
    expect(lint(".gemini/settings.json", `{"ui": {"theme": "x"}, "contextFileName": "AGENTS.md", "mcpServers": {}}`)).toEqual([]);
    const text = `{"ui": {}, "mcpServer": {"a": {"command": "x"}}}`;
    const f = only(lint(".gemini/settings.json", text));
    expect(slice(text, f)).toBe('"mcpServer"');
    expect(f.message).toBe('Gemini CLI does not know "mcpServer" at the top level and rejects it. Did you mean "mcpServers"?');
    expect(suggested(text, f)).toBe(text.replace('"mcpServer"', '"mcpServers"'));
  });

  it("generic files allow unknown keys but report near misses of known ones", () => {
    expect(lint(".junie/mcp/mcp.json", `{"mcpServers": {"a": {"command": "x", "vendorExtra": 1}}, "other": true}`)).toEqual([]);
    const text = `{"mcpServers": {"a": {"comand": "x"}}}`;
    const f = only(lint(".junie/mcp/mcp.json", text));
    expect(f.message).toContain('Did you mean "command"?');
    const typed = only(lint(".junie/mcp/mcp.json", `{"mcpServers": {"a": {"command": "x", "args": "y"}}}`));
    expect(typed.pointer).toBe("/mcpServers/a/args");
  });
});

describe("valid-schema: one problem, one finding", () => {
  it("Zed stdio entries need args", () => {
    const text = `{\n  "context_servers": {\n    "pg": { "command": "npx" }\n  }\n}`;
    const f = only(lint(".zed/settings.json", text));
    expect(pos(f)).toEqual([3, 5, 3, 9]);
    expect(f.message).toBe('Zed requires "args" in server "pg": add it. Zed needs "args" even when there are none: "args": [].');
  });

  it("opencode oauth: only false or an object", () => {
    const text = `{"mcp": {"a": {"type": "remote", "url": "https://x.dev/mcp", "oauth": true}}}`;
    const f = only(lint("opencode.json", text));
    expect(slice(text, f)).toBe("true");
    expect(f.message).toContain('requires "oauth" to be false.');
  });

  it("VS Code inputs: a pickString needs options", () => {
    const text = `{"inputs": [{"type": "pickString", "id": "env", "description": "Env"}], "servers": {}}`;
    const f = only(lint(".vscode/mcp.json", text));
    expect(f.message).toBe('VS Code requires "options" in item 1 of "inputs": add it.');
    expect(pos(f)).toEqual([1, 13, 1, 14]);
  });

  it("a misspelt required key is one finding, not also a missing one", () => {
    const text = `name: Block\nversion: 0.0.1\nmcpServers:\n  - nmae: Browser\n    command: npx\n    args: []\n`;
    const f = only(lint(".continue/mcpServers/browser.yaml", text));
    expect(slice(text, f)).toBe("nmae");
    expect(suggested(text, f)).toBe(text.replace("nmae", "name"));
  });
});

describe("valid-schema: YAML and TOML", () => {
  it("Goose: a misspelt key in YAML, at the key", () => {
    const text = `extensions:\n  github:\n    type: stdio\n    name: github\n    cmd: npx\n    args: []\n    env_key:\n      - GITHUB_TOKEN\n`;
    const f = only(lint(".config/goose/config.yaml", text));
    expect(pos(f)).toEqual([7, 5, 7, 12]);
    expect(f.message).toContain('Did you mean "env_keys"?');
    expect(suggested(text, f)).toBe(text.replace("env_key:", "env_keys:"));
  });

  it("Goose: streamable-http is spelt streamable_http", () => {
    const text = `extensions:\n  docs:\n    type: streamable-http\n    name: docs\n    uri: https://x.dev/mcp\n`;
    const f = only(lint(".config/goose/config.yaml", text));
    expect(slice(text, f)).toBe("streamable-http");
    expect(f.message).toContain('Did you mean "streamable_http"?');
    expect(suggested(text, f)).toBe(text.replace("type: streamable-http", 'type: "streamable_http"'));
  });

  it("Codex: unknown keys and env_vars inside the env table", () => {
    const text = `model = "o3"\n\n[mcp_servers.a]\ncommand = "npx"\nheaders = { A = "b" }\n\n[mcp_servers.a.env]\nenv_vars = ["TOKEN"]\n`;
    const findings = lint(".codex/config.toml", text);
    expect(findings.map((f) => slice(text, f))).toEqual(["headers", '["TOKEN"]']);
    expect(findings[0]!.message).toContain('Use "http_headers" instead.');
    expect(suggested(text, findings[0]!)).toBe(text.replace("headers =", "http_headers ="));
    expect(findings[1]!.message).toBe('OpenAI Codex expects "env_vars" in "env" to be a string. "env_vars" belongs directly in the server entry, not inside "env".');
  });

  it("Codex: a root key spelt like mcp_servers is reported, but renaming a table header is left to the author", () => {
    const text = `[mcp_server.a]\ncommand = "npx"\n`;
    const f = only(lint(".codex/config.toml", text));
    expect(slice(text, f)).toBe("mcp_server");
    expect(f.message).toContain('Did you mean "mcp_servers"?');
    expect(f.suggestions).toBeUndefined();
  });
});

describe("valid-schema: MCP Registry server.json", () => {
  const base = {
    $schema: "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
    name: "io.github.user/weather",
    description: "Weather",
    version: "1.0.0",
  };
  const lintServer = (extra: Record<string, unknown>) => {
    const text = JSON.stringify({ ...base, ...extra }, null, 2);
    return { text, findings: lint("server.json", text) };
  };

  it("accepts a minimal manifest", () => {
    expect(lintServer({}).findings).toEqual([]);
  });

  it("checks the name pattern and the description length", () => {
    const { text, findings } = lintServer({ name: "weather", description: "x".repeat(101) });
    expect(findings.map((f) => slice(text, f))).toEqual(['"weather"', `"${"x".repeat(101)}"`]);
    expect(findings[0]!.message).toContain('Use a reverse-DNS namespace and exactly one slash, e.g. "io.github.user/weather".');
    expect(findings[1]!.message).toBe('MCP Registry server.json requires "description" to be at most 100 characters long.');
  });

  it("rejects \"latest\" as a package version and old snake_case fields", () => {
    const { text, findings } = lintServer({
      packages: [{ registry_type: "npm", identifier: "weather-mcp", version: "latest", transport: { type: "stdio" } }],
    });
    expect(findings.map((f) => slice(text, f))).toEqual(['"registry_type"', '"latest"']);
    expect(findings[0]!.message).toContain('Rename it to "registryType".');
    expect(findings[1]!.message).toBe('MCP Registry server.json requires "version" in item 1 of "packages" to not be "latest". Use an exact version, not "latest".');
  });

  it("stdio package transports take no url; remote ones need it", () => {
    const { text, findings } = lintServer({
      packages: [
        { registryType: "npm", identifier: "a", transport: { type: "stdio", url: "https://x.dev/mcp" } },
        { registryType: "npm", identifier: "b", transport: { type: "sse" } },
      ],
    });
    expect(findings.map((f) => f.message)).toEqual([
      'MCP Registry server.json does not allow "url" in "transport": remove it.',
      'MCP Registry server.json requires "url" in "transport": add it.',
    ]);
    expect(slice(text, findings[0]!)).toBe('"url"');
  });

  it("reports missing required fields at the start of the file", () => {
    const text = `{\n  "name": "io.github.user/weather"\n}`;
    // Without "$schema" a server.json is not recognised: name the dialect explicitly.
    const findings = lintRule("valid-schema", "server.json", text, {}, { dialect: "mcp-registry" });
    expect(findings.map((f) => [f.message, pos(f)])).toEqual([
      ['MCP Registry server.json requires "description" at the top level: add it.', [1, 1, 1, 2]],
      ['MCP Registry server.json requires "version" at the top level: add it.', [1, 1, 1, 2]],
    ]);
  });
});

describe("valid-schema: Claude Desktop's own settings", () => {
  it("leaves keys the app writes itself alone, but still catches a misspelt mcpServers", () => {
    const ok = `{"isUsingBuiltInNodeForMcp": true, "preferences": {}, "mcpServers": {"a": {"command": "npx", "args": ["-y", "x"]}}}`;
    expect(lintRule("valid-schema", "claude_desktop_config.json", ok)).toEqual([]);
    const typo = `{"mcpServer": {"a": {"command": "npx"}}}`;
    const [f] = lintRule("valid-schema", "claude_desktop_config.json", typo);
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([1, 2, 1, 13]);
    expect(f!.message).toContain('"mcpServers"');
  });
});

describe("valid-schema: severity of unknown keys follows what the client does (issue 12)", () => {
  const lint = (file: string, text: string) => lintRule("valid-schema", file, text);

  it("reports a key the client ignores as a warning, not an error", () => {
    const f = lint("claude_desktop_config.json", `{"mcpServers": {"a": {"command": "node", "args": ["/srv/x.js"], "cwd": "/srv"}}}`);
    expect(f.map((x) => [x.severity, x.pointer])).toEqual([["warning", "/mcpServers/a/cwd"]]);
  });

  it("keeps an error where the client rejects the file (opencode)", () => {
    const f = lint("opencode.json", `{"mcp": {"a": {"type": "local", "command": ["x"], "timeout_ms": 5}}}`);
    expect(f.map((x) => x.severity)).toEqual(["error"]);
  });

  it("says nothing about keys that change nothing: comments, disabled false, empty auto-approve lists, type stdio", () => {
    const text = `{"//": "my servers", "_comment": "x", "mcpServers": {"a": {"command": "node", "args": ["/x.js"], "disabled": false, "autoApprove": [], "alwaysAllow": [], "$comment": "note"}}}`;
    expect(lint("claude_desktop_config.json", text)).toEqual([]);
    expect(lint(".amazonq/mcp.json", `{"mcpServers": {"a": {"command": "node", "autoApprove": []}}}`)).toEqual([]);
    expect(lint(".codeium/windsurf/mcp_config.json", `{"mcpServers": {"a": {"type": "stdio", "command": "node"}}}`)).toEqual([]);
  });

  it("still reports a non-empty auto-approve list the client ignores (as a warning)", () => {
    const f = lint(".amazonq/mcp.json", `{"mcpServers": {"a": {"command": "node", "autoApprove": ["read"]}}}`);
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
  });
});
