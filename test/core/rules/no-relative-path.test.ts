import { describe, expect, it } from "vitest";
import { isRelativePath } from "../../../packages/core/src/rules/config/no-relative-path.js";
import { lintRule, slice, suggested } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("no-relative-path", file, text);
const entry = (command: string, args: string[]) => JSON.stringify({ mcpServers: { a: { command, args } } });

describe("no-relative-path", () => {
  it("tells relative paths from package specs, flags, URLs, absolute paths and placeholders", () => {
    for (const p of ["./server.js", "../x", "build/index.js", "server.py", "src/main.ts", ".", "..", ".venv/bin/python", "dist/server", "feeds.toml", ".env", "build\\index.js"]) {
      expect(isRelativePath(p), p).toBe(true);
    }
    for (const p of [
      "@scope/pkg", "pkg@1.2.3", "@scope/pkg@latest", "--x", "-y", "https://x.dev/mcp", "git+https://github.com/a/b", "github:owner/repo",
      "/x", "C:\\x", "C:/x", "\\\\server\\share", "${workspaceFolder}/x", "{env:DIR}/x", "$HOME/x", "%APPDATA%\\x",
      "mcp-server-git", "mcp/fetch", "owner/repo", "ghcr.io/github/github-mcp-server", "example.com", "app.main:app", "stdio", "",
    ]) {
      expect(isRelativePath(p), p).toBe(false);
    }
  });

  it("reports a relative script path in Cursor, which starts servers in the home directory", () => {
    const text = `{\n  "mcpServers": {\n    "local": { "command": "node", "args": ["./build/index.js"] }\n  }\n}`;
    const findings = lint(".cursor/mcp.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([3, 44, 3, 62]);
    expect(slice(text, f!)).toBe('"./build/index.js"');
    expect(f!.severity).toBe("warning");
    expect(f!.pointer).toBe("/mcpServers/local/args/0");
    expect(f!.message).toBe(
      'Cursor starts stdio servers in the user\'s home directory, so the relative path "./build/index.js" does not point into your project. Use an absolute path or start the path with ${workspaceFolder}/.',
    );
    expect(suggested(text, f!)).toBe(text.replace('"./build/index.js"', '"${workspaceFolder}/build/index.js"'));
  });

  it("reports relative commands and option values", () => {
    const text = JSON.stringify({ mcpServers: { a: { command: ".venv/bin/python", args: ["-m", "server", "--config=./config.json", "--db", "data.db"] } } });
    const findings = lint("claude_desktop_config.json", text);
    expect(findings.map((f) => f.pointer)).toEqual(["/mcpServers/a/command", "/mcpServers/a/args/2", "/mcpServers/a/args/4"]);
    expect(findings[0]!.message).toBe(
      'Claude Desktop starts stdio servers in a directory that is not your project, so the relative path ".venv/bin/python" does not point into your project. Use an absolute path.',
    );
  });

  it("does not report package specs, flags, URLs, absolute paths or placeholders", () => {
    const args = ["-y", "@modelcontextprotocol/server-filesystem@1.0.0", "/Users/me/projects", "C:\\Users\\me", "https://x.dev", "${workspaceFolder}/data"];
    expect(lint(".cursor/mcp.json", entry("npx", args))).toEqual([]);
    expect(lint(".cursor/mcp.json", entry("docker", ["run", "-i", "--rm", "mcp/fetch"]))).toEqual([]);
    expect(lint(".cursor/mcp.json", entry("cmd", ["/c", "npx", "-y", "pkg"]))).toEqual([]);
  });

  it("trusts clients that start servers in the project (Claude Code, VS Code, Roo, Gemini, opencode)", () => {
    expect(lint(".mcp.json", entry("node", ["./server.js"]))).toEqual([]);
    expect(lint(".vscode/mcp.json", JSON.stringify({ servers: { a: { command: "python", args: ["server.py"] } } }))).toEqual([]);
    expect(lint(".roo/mcp.json", entry("node", ["build/index.js"]))).toEqual([]);
    expect(lint(".gemini/settings.json", entry("node", ["build/index.js"]))).toEqual([]);
  });

  it("does not report relative paths when the entry sets a working directory", () => {
    const text = JSON.stringify({ mcpServers: { a: { command: "node", args: ["build/index.js"], cwd: "/srv/app" } } });
    expect(lint("cline_mcp_settings.json", text)).toEqual([]);
    const [f] = lint("cline_mcp_settings.json", entry("node", ["build/index.js"]));
    expect(f!.message).toContain('Use an absolute path or set "cwd" to the project directory.');
  });

  it("resolves arguments after uv's --directory against it", () => {
    expect(lint("claude_desktop_config.json", entry("uv", ["--directory", "/abs/weather", "run", "weather.py"]))).toEqual([]);
    expect(lint("claude_desktop_config.json", entry("uv", ["--directory=/abs/weather", "run", "weather.py"]))).toEqual([]);
    const findings = lint("claude_desktop_config.json", entry("uv", ["--directory", "./weather", "run", "weather.py"]));
    expect(findings.map((f) => f.pointer)).toEqual(["/mcpServers/a/args/1"]);
  });

  it("reports ~ in any client, suggesting ${userHome} where the client expands it", () => {
    const text = `{"servers": {"a": {"command": "node", "args": ["~/mcp/server.js", "--root=~/work"]}}}`;
    const findings = lint(".vscode/mcp.json", text);
    expect(findings).toHaveLength(2);
    const [f, g] = findings;
    expect(slice(text, f!)).toBe('"~/mcp/server.js"');
    expect(f!.message).toBe(
      'VS Code starts servers without a shell, so "~/mcp/server.js" reaches the server with a literal "~" and the path does not exist. Use the absolute path or ${userHome} instead of "~".',
    );
    expect(suggested(text, f!)).toBe(text.replace('"~/mcp/server.js"', '"${userHome}/mcp/server.js"'));
    expect(suggested(text, g!)).toBe(text.replace('"--root=~/work"', '"--root=${userHome}/work"'));
  });

  it("names the client's own home variable, or none", () => {
    const claude = lint(".mcp.json", entry("~/bin/server", []));
    expect(claude[0]!.message).toContain('Use the absolute path or ${HOME} instead of "~".');
    expect(claude[0]!.suggestions).toBeUndefined();
    const desktop = lint("claude_desktop_config.json", entry("node", ["~/server.js"]));
    expect(desktop[0]!.message).toContain('Use the absolute path instead of "~".');
  });

  it("reports ~ in opencode's command array and in a cwd", () => {
    const text = `{"mcp": {"a": {"type": "local", "command": ["node", "~/server.js"]}}}`;
    const [f] = lint("opencode.json", text);
    expect(f!.pointer).toBe("/mcp/a/command/1");
    const cwd = JSON.stringify({ mcpServers: { a: { command: "node", args: ["x.js"], cwd: "~/app" } } });
    const [c, ...rest] = lint(".roo/mcp.json", cwd);
    expect(rest).toEqual([]);
    expect(c!.pointer).toBe("/mcpServers/a/cwd");
  });

  it("does not claim that Codex starts servers outside the project (it uses the directory it was started from)", () => {
    // Issue 12: the message this test used to expect was not true for Codex.
    const text = `[mcp_servers.local]\ncommand = "node"\nargs = ["build/index.js"]\n`;
    expect(lint("/home/me/.codex/config.toml", text)).toEqual([]);
  });

  it("reports relative args in Goose YAML", () => {
    const text = `extensions:\n  local:\n    type: stdio\n    cmd: python\n    args:\n      - ./server.py\n`;
    const [f] = lint("/home/me/.config/goose/config.yaml", text);
    expect(slice(text, f!)).toBe("./server.py");
    expect(f!.pointer).toBe("/extensions/local/args/0");
  });

  it("never quotes a secret-looking path", () => {
    const token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    const [f] = lint("claude_desktop_config.json", entry("node", [`~/${token}.js`]));
    expect(f!.message).not.toContain(token);
    expect(f!.message).toContain("this path");
  });
});

describe("no-relative-path: only where the client's working directory is known not to be the project (issue 12)", () => {
  const lint = (file: string, text: string) => lintRule("no-relative-path", file, text);
  it("accepts relative paths in a project's .codex/config.toml (Codex starts servers where it was started)", () => {
    expect(lint(".codex/config.toml", `[mcp_servers.a]\ncommand = "node"\nargs = ["./scripts/server.js"]\n`)).toEqual([]);
  });
  it("makes no claim for a file of no known client", () => {
    expect(lint("tools/mcp.json", `{"mcpServers": {"a": {"command": "python", "args": ["server.py"]}}}`)).toEqual([]);
  });
  it("still reports ~ there (no shell expands it)", () => {
    expect(lint(".codex/config.toml", `[mcp_servers.a]\ncommand = "node"\nargs = ["~/x.js"]\n`)).toHaveLength(1);
  });
});

describe("no-relative-path: no unverified claim about a project file's working directory (issue 12)", () => {
  it("does not report relative paths in Kiro, Zed or Windsurf project files", () => {
    const lint = (file: string, text: string) => lintRule("no-relative-path", file, text);
    expect(lint(".kiro/settings/mcp.json", `{"mcpServers": {"a": {"command": "node", "args": ["dist/index.js"]}}}`)).toEqual([]);
    expect(lint(".zed/settings.json", `{"context_servers": {"a": {"command": "node", "args": ["dist/index.js"]}}}`)).toEqual([]);
    expect(lint(".antigravity/mcp_config.json", `{"mcpServers": {"a": {"command": "node", "args": ["./x.js"]}}}`)).toEqual([]);
  });
});
