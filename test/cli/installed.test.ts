import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatterNames } from "../../packages/core/src/formatters/index.js";
import { runCli, tempDir, write } from "./helpers.js";

// Built at run time so that no token-shaped string is committed.
const TOKEN = ["ghp", "_", "Qm7Lp2Xv9Rt4Wb8Nc3Yd6Hf1Kj5Gs0ZaEe"].join("");
const KEY = ["sk-ant-api03-", "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0PpOoNnMm"].join("");

/**
 * A fake home folder and a project folder beside it. The environment of the real CLI process points every
 * location variable into the fake home (empty overrides count as unset), so the real home is never read.
 */
function fakeMachine(extraEnv: Record<string, string> = {}) {
  const root = tempDir();
  const home = join(root, "home");
  const project = join(root, "project");
  write(project, "README.md", "a project\n");
  const env = {
    HOME: home,
    USERPROFILE: home,
    APPDATA: "",
    LOCALAPPDATA: "",
    XDG_CONFIG_HOME: "",
    CLAUDE_CONFIG_DIR: "",
    CODEX_HOME: "",
    ...extraEnv,
  };
  return { root, home, project, env };
}

const cursorWithSecrets = JSON.stringify({
  mcpServers: {
    github: { command: "npx", args: ["-y", "@modelcontextprotocol/server-github"], env: { GITHUB_PERSONAL_ACCESS_TOKEN: TOKEN } },
    remote: { url: "https://mcp.example.com/mcp", headers: { Authorization: `Bearer ${KEY}` } },
  },
});

interface JsonFile {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number }[];
}

describe("mcp-lint --installed (real CLI, fake home)", () => {
  it("says which clients' configs were found and which have none, and lints the found ones in their own dialect", () => {
    const m = fakeMachine();
    write(m.home, ".cursor/mcp.json", cursorWithSecrets);
    // A remote server in Claude Desktop's file: an error only in the Claude Desktop dialect.
    write(m.home, ".config/Claude/claude_desktop_config.json", '{\n  "mcpServers": {\n    "x": { "url": "https://example.com/mcp" }\n  }\n}\n');
    const r = runCli(["--installed", "--no-config-lookup", "-f", "json"], { cwd: m.project, env: m.env });
    expect(r.stderr).toMatch(/mcp-lint --installed: 2 client config files found:/);
    expect(r.stderr).toContain(join(m.home, ".cursor", "mcp.json"));
    expect(r.stderr).toMatch(/No config file for: Claude Code, VS Code,/);
    expect(r.stderr).not.toMatch(/No config file for:.*\b(Cursor|Claude Desktop)\b/);
    const results = JSON.parse(r.stdout) as JsonFile[];
    expect(results.map((f) => f.filePath).sort()).toEqual([join(m.home, ".config/Claude/claude_desktop_config.json"), join(m.home, ".cursor/mcp.json")]);
    const desktop = results.find((f) => f.filePath.endsWith("claude_desktop_config.json"))!;
    expect(desktop.messages.map((x) => [x.ruleId, x.line, x.column])).toContainEqual(["supported-transport", 3, 12]);
    const cursor = results.find((f) => f.filePath.endsWith("mcp.json"))!;
    expect(cursor.messages.map((x) => x.ruleId)).toContain("no-hardcoded-secrets");
    expect(r.status).toBe(1);
  });

  it.each(formatterNames)("format %s: a token in a home config never appears in any output", (format) => {
    const m = fakeMachine();
    write(m.home, ".cursor/mcp.json", cursorWithSecrets);
    write(m.home, ".claude.json", JSON.stringify({ oauthAccount: { token: TOKEN }, mcpServers: { s: { command: "npx", env: { API_KEY: KEY } } } }));
    // The same secrets in a file that does not parse.
    write(m.home, ".gemini/settings.json", `{ "mcpServers": { "g": { "command": "x", "env": { "T": "${TOKEN}" } ,, } } }`);
    for (const extra of [[], ["--color"], ["--quiet"]]) {
      const r = runCli(["--installed", "-f", format, ...extra], { cwd: m.project, env: m.env });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain("3 client config files found");
      for (const secret of [TOKEN, KEY, TOKEN.slice(4, 20), KEY.slice(14, 30)]) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
      }
    }
  });

  it("honours CLAUDE_CONFIG_DIR, CODEX_HOME and XDG_CONFIG_HOME", () => {
    const m = fakeMachine();
    const env = { ...m.env, CLAUDE_CONFIG_DIR: join(m.root, "claude-dir"), CODEX_HOME: join(m.root, "codex-home"), XDG_CONFIG_HOME: join(m.root, "xdg") };
    write(m.root, "claude-dir/.claude.json", JSON.stringify({ mcpServers: { a: { command: "node", args: ["a.js"] } } }));
    write(m.root, "codex-home/config.toml", '[mcp_servers.b]\ncommand = "node"\nargs = ["b.js"]\n');
    write(m.root, "xdg/zed/settings.json", '{ "context_servers": { "c": { "command": "node", "args": ["c.js"] } } }');
    // In the default places: not read while the overrides point elsewhere.
    write(m.home, ".claude.json", "{ broken");
    write(m.home, ".codex/config.toml", "[[ broken");
    const r = runCli(["--installed", "--no-config-lookup", "-f", "json"], { cwd: m.project, env });
    expect(r.stderr).toContain("3 client config files found");
    const files = (JSON.parse(r.stdout) as JsonFile[]).map((f) => f.filePath).sort();
    expect(files).toEqual([join(m.root, "claude-dir/.claude.json"), join(m.root, "codex-home/config.toml"), join(m.root, "xdg/zed/settings.json")]);
    expect(r.status).toBe(0);
  });

  it("does not follow a symbolic link in a client's place, and says so", () => {
    const m = fakeMachine();
    write(m.root, "elsewhere/secret.json", JSON.stringify({ mcpServers: { s: { command: "x", env: { T: TOKEN } } } }));
    write(m.home, ".cursor/.keep", "");
    symlinkSync(join(m.root, "elsewhere/secret.json"), join(m.home, ".cursor/mcp.json"));
    const r = runCli(["--installed", "--no-config-lookup"], { cwd: m.project, env: m.env });
    expect(r.stderr).toContain("no client config file found");
    expect(r.stderr).toMatch(/Cursor\s+\S+mcp\.json {2}\(a symbolic link to \S+secret\.json: not followed; lint it with mcp-lint --dialect cursor /);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    expect(r.status).toBe(0);
  });

  it("with nothing installed: an empty report in the format asked for, and the current folder is not walked", () => {
    const m = fakeMachine();
    write(m.project, ".mcp.json", "{ broken");
    const r = runCli(["--installed", "-f", "sarif"], { cwd: m.project, env: m.env });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("no client config file found");
    expect(r.stderr).toMatch(/No config file for: Claude Desktop, Claude Code, Cursor, /);
    const sarif = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toEqual([]);
    const plain = runCli(["--installed", "-f", "json"], { cwd: m.project, env: m.env });
    expect(JSON.parse(plain.stdout)).toEqual([]);
  });

  it("is a usage error with paths, --dialect or --fix", () => {
    const m = fakeMachine();
    for (const extra of [["."], ["--dialect", "cursor"], ["--fix"]]) {
      const r = runCli(["--installed", ...extra], { cwd: m.project, env: m.env });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--installed checks the files your clients load/);
    }
  });
});

describe("mcp-lint probe --installed (real CLI, fake home)", () => {
  it("probes the servers of the installed configs", () => {
    const m = fakeMachine();
    write(m.home, ".cursor/mcp.json", JSON.stringify({ mcpServers: { gone: { command: "mcp-lint-test-no-such-command-xyz", args: [] } } }));
    const r = runCli(["probe", "--installed", "--retries", "0", "-f", "json"], { cwd: m.project, env: m.env });
    expect(r.stderr).toMatch(/mcp-lint probe --installed: 1 client config file found:/);
    const results = JSON.parse(r.stdout) as JsonFile[];
    expect(results.map((f) => f.filePath)).toEqual([join(m.home, ".cursor/mcp.json")]);
    expect(results[0]!.messages.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/gone/);
    expect(r.status).toBe(1);
  });

  it("with paths is a usage error", () => {
    const m = fakeMachine();
    const r = runCli(["probe", "--installed", "."], { cwd: m.project, env: m.env });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--installed probes the servers/);
  });
});
