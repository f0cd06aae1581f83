import { describe, expect, it } from "vitest";
import { splitCommandLine } from "../../../packages/core/src/rules/config/no-command-line.js";
import { fixed, lintRule, slice } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("no-command-line", file, text);

describe("no-command-line", () => {
  it("accepts a single program, with or without args", () => {
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"command": "npx", "args": ["-y", "pkg"]}, "b": {"command": "uvx"}}}`)).toEqual([]);
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"command": "npx "}}}`)).toEqual([]);
    expect(lint("opencode.json", `{"mcp": {"a": {"type": "local", "command": ["npx", "-y", "pkg"]}}}`)).toEqual([]);
  });

  it("does not take a path with spaces for a command line", () => {
    for (const command of [
      "/Applications/My App.app/Contents/MacOS/app",
      "C:\\\\Program Files\\\\nodejs\\\\node.exe",
      "C:/Program Files (x86)/tool/server.exe",
      "/Users/me/My Server",
    ]) {
      expect(lint(".mcp.json", `{"mcpServers": {"a": {"command": "${command}"}}}`), command).toEqual([]);
    }
  });

  it("reports a whole command line at the command value and splits it into command + args", () => {
    const text = `{\n  "mcpServers": {\n    "pkg": {\n      "command": "npx -y pkg"\n    }\n  }\n}\n`;
    const findings = lint(".cursor/mcp.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([4, 18, 4, 30]);
    expect(slice(text, f!)).toBe('"npx -y pkg"');
    expect(f!.severity).toBe("error");
    expect(f!.pointer).toBe("/mcpServers/pkg/command");
    expect(f!.message).toBe(
      'Cursor starts "command" as one program name, without a shell, so "npx -y pkg" is not found and the server fails with "spawn npx -y pkg ENOENT". Set "command" to "npx" and put each argument in "args".',
    );
    const out = fixed(text, findings);
    expect(out).toBe(`{\n  "mcpServers": {\n    "pkg": {\n      "command": "npx",\n      "args": ["-y", "pkg"]\n    }\n  }\n}\n`);
    expect(lint(".cursor/mcp.json", out)).toEqual([]);
  });

  it("puts the split arguments before the existing args", () => {
    const text = `{"mcpServers": {"git": {"command": "uvx mcp-server-git --repository .", "args": ["--verbose"]}}}`;
    const findings = lint("claude_desktop_config.json", text);
    expect(fixed(text, findings)).toBe(
      `{"mcpServers": {"git": {"command": "uvx", "args": ["mcp-server-git", "--repository", ".", "--verbose"]}}}`,
    );
    const reversed = `{"mcpServers": {"a": {"args": [], "command": "python server.py"}}}`;
    expect(fixed(reversed, lint(".mcp.json", reversed))).toBe(`{"mcpServers": {"a": {"args": ["server.py"], "command": "python"}}}`);
  });

  it("reports a path to a runtime followed by arguments", () => {
    const text = `{"mcpServers": {"a": {"command": "/usr/local/bin/node /srv/mcp/index.js"}, "b": {"command": "/opt/venv/bin/python -m server"}}}`;
    const findings = lint(".mcp.json", text);
    expect(findings).toHaveLength(2);
    expect(fixed(text, findings)).toBe(
      `{"mcpServers": {"a": {"command": "/usr/local/bin/node", "args": ["/srv/mcp/index.js"]}, "b": {"command": "/opt/venv/bin/python", "args": ["-m", "server"]}}}`,
    );
  });

  it("reports but does not fix lines that need a shell to be read", () => {
    for (const command of [
      'npx -y pkg | tee log',
      'FOO=1 node server.js',
      'node ~/server.js',
      'node $HOME/server.js',
      '\\"C:\\\\Program Files\\\\nodejs\\\\node.exe\\" server.js',
      "python 'my server.py'",
    ]) {
      const findings = lint(".mcp.json", `{"mcpServers": {"a": {"command": "${command}"}}}`);
      expect(findings, command).toHaveLength(1);
      expect(findings[0]!.fix, command).toBeUndefined();
    }
  });

  it("splits the first item of opencode's command array in place", () => {
    const text = `{"mcp": {"a": {"type": "local", "command": ["npx -y pkg", "--port", "3000"]}}}`;
    const findings = lint("opencode.json", text);
    expect(findings).toHaveLength(1);
    expect(slice(text, findings[0]!)).toBe('"npx -y pkg"');
    expect(findings[0]!.pointer).toBe("/mcp/a/command/0");
    expect(findings[0]!.message).toContain('opencode starts the first item of "command" as one program name');
    expect(fixed(text, findings)).toBe(`{"mcp": {"a": {"type": "local", "command": ["npx", "-y", "pkg", "--port", "3000"]}}}`);
  });

  it("turns an opencode command string into an array", () => {
    const text = `{"mcp": {"a": {"type": "local", "command": "npx -y pkg"}}}`;
    expect(fixed(text, lint("opencode.json", text))).toBe(`{"mcp": {"a": {"type": "local", "command": ["npx", "-y", "pkg"]}}}`);
  });

  it("uses Goose's cmd key and fixes a YAML block sequence", () => {
    const text = `extensions:\n  git:\n    type: stdio\n    cmd: uvx mcp-server-git\n    args:\n      - --repository\n      - /srv/repo\n`;
    const findings = lint("/home/me/.config/goose/config.yaml", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([4, 10, 4, 28]);
    expect(f!.message).toContain('Goose starts "cmd" as one program name');
    expect(f!.message).toContain('Set "cmd" to "uvx"');
    expect(fixed(text, findings)).toBe(
      `extensions:\n  git:\n    type: stdio\n    cmd: uvx\n    args:\n      - "mcp-server-git"\n      - --repository\n      - /srv/repo\n`,
    );
  });

  it("adds an args array in Codex TOML", () => {
    const text = `[mcp_servers.pkg]\ncommand = "npx -y pkg"\nenv = { A = "1" }\n`;
    const findings = lint(".codex/config.toml", text);
    expect(slice(text, findings[0]!)).toBe('"npx -y pkg"');
    const out = fixed(text, findings);
    expect(out).toBe(`[mcp_servers.pkg]\ncommand = "npx"\nargs = ["-y", "pkg"]\nenv = { A = "1" }\n`);
    expect(lint(".codex/config.toml", out)).toEqual([]);
  });

  it("never quotes a command line holding a secret", () => {
    const token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    const text = `{"mcpServers": {"a": {"command": "npx -y pkg --token ${token}"}}}`;
    const [f] = lint(".mcp.json", text);
    expect(f!.message).not.toContain(token);
    expect(f!.message).toContain('"spawn ... ENOENT"');
    expect(f!.message).toContain('Set "command" to "npx"');
  });

  it("splitCommandLine tells command lines from paths", () => {
    expect(splitCommandLine("npx -y pkg")?.tokens).toEqual(["npx", "-y", "pkg"]);
    expect(splitCommandLine("  uvx   mcp-server-git ")?.tokens).toEqual(["uvx", "mcp-server-git"]);
    expect(splitCommandLine("/usr/bin/uvx mcp-server-git")?.tokens).toEqual(["/usr/bin/uvx", "mcp-server-git"]);
    expect(splitCommandLine("/home/me/bin/server --port 3000")?.tokens).toEqual(["/home/me/bin/server", "--port", "3000"]);
    expect(splitCommandLine("/home/me/bin/tool config.json")?.tokens).toEqual(["/home/me/bin/tool", "config.json"]);
    expect(splitCommandLine("/Applications/My App.app/Contents/MacOS/app")).toBeUndefined();
    expect(splitCommandLine("C:\\Program Files\\nodejs\\node.exe")).toBeUndefined();
    expect(splitCommandLine("npx")).toBeUndefined();
  });
});
