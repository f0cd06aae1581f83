import { describe, expect, it } from "vitest";
import { lintRule, slice } from "../helpers.js";

const lint = (file: string, text: string, options: Record<string, unknown> = {}) => lintRule("pinned-package", file, text, options);
const run = (command: string, args: string[], options: Record<string, unknown> = {}) =>
  lint(".mcp.json", JSON.stringify({ mcpServers: { a: { command, args } } }), options);
/** The unpinned argument values each finding points at. */
const flagged = (command: string, args: string[], options: Record<string, unknown> = {}) => {
  const text = JSON.stringify({ mcpServers: { a: { command, args } } });
  return lint(".mcp.json", text, options).map((f) => JSON.parse(slice(text, f)) as string);
};

describe("pinned-package", () => {
  it("is a strict-only warning", async () => {
    const { configRules } = await import("../../../packages/core/src/rules/index.js");
    const meta = configRules.find((r) => r.meta.id === "pinned-package")!.meta;
    expect([meta.severity, meta.recommended]).toEqual(["warning", false]);
  });

  it("accepts exact npm versions, including scoped packages", () => {
    expect(run("npx", ["-y", "@playwright/mcp@0.0.41"])).toEqual([]);
    expect(run("npx", ["-y", "mcp-server-x@1.2.3-beta.1"])).toEqual([]);
    expect(run("npx", ["--yes", "--registry", "https://registry.npmjs.org", "chrome-devtools-mcp@0.18.1", "--flag"])).toEqual([]);
    expect(run("npx", ["-y", "./local-server"])).toEqual([]);
    expect(run("npx", ["-y", "${PKG}"])).toEqual([]);
  });

  it("reports npx packages without a version or with a tag or range", () => {
    for (const spec of ["@modelcontextprotocol/server-github", "@playwright/mcp@latest", "pkg@next", "pkg@^1.2.0", "pkg@~1.2.0", "pkg@*", "pkg@1.x", "pkg@1.2"]) {
      expect(flagged("npx", ["-y", spec]), spec).toEqual([spec]);
    }
  });

  it("reports at the package argument with a message that says what to do", () => {
    const text = `{\n  "mcpServers": {\n    "pw": { "command": "npx", "args": ["-y", "@playwright/mcp@latest"] }\n  }\n}`;
    const findings = lint(".cursor/mcp.json", text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([3, 46, 3, 70]);
    expect(f.pointer).toBe("/mcpServers/pw/args/1");
    expect(f.message).toBe(
      'npx "@playwright/mcp@latest" installs whatever version is newest at start-up: pin an exact version (e.g. "@playwright/mcp@1.2.3") so an update cannot change or compromise the server without review.',
    );
  });

  it("checks -p/--package specs instead of the command name", () => {
    expect(flagged("npx", ["-y", "-p", "@scope/pkg", "pkg-bin"])).toEqual(["@scope/pkg"]);
    expect(flagged("npx", ["-y", "--package=@scope/pkg@latest", "pkg-bin"])).toEqual(["--package=@scope/pkg@latest"]);
    expect(run("npx", ["-y", "-p", "@scope/pkg@2.0.0", "pkg-bin"])).toEqual([]);
  });

  it("sees through cmd /c and other package runners", () => {
    expect(flagged("cmd", ["/c", "npx", "-y", "server-x"])).toEqual(["server-x"]);
    expect(flagged("pnpm", ["dlx", "server-x"])).toEqual(["server-x"]);
    expect(flagged("yarn", ["dlx", "-q", "server-x@latest"])).toEqual(["server-x@latest"]);
    expect(flagged("bunx", ["server-x"])).toEqual(["server-x"]);
    expect(flagged("bun", ["x", "server-x"])).toEqual(["server-x"]);
    expect(flagged("npm", ["exec", "--", "server-x"])).toEqual(["server-x"]);
    expect(run("pnpm", ["install"])).toEqual([]);
    expect(run("node", ["server.js"])).toEqual([]);
  });

  it("checks uvx and pipx specs", () => {
    expect(flagged("uvx", ["mcp-server-fetch"])).toEqual(["mcp-server-fetch"]);
    expect(flagged("uvx", ["mcp-server-fetch@latest"])).toEqual(["mcp-server-fetch@latest"]);
    expect(flagged("uvx", ["mcp-server-fetch>=1.0"])).toEqual(["mcp-server-fetch>=1.0"]);
    expect(flagged("uvx", ["--python", "3.12", "--from", "mcp-server-git", "mcp-server-git"])).toEqual(["mcp-server-git"]);
    expect(run("uvx", ["mcp-server-fetch==2025.4.7"])).toEqual([]);
    expect(run("uvx", ["mcp-server-fetch@2025.4.7"])).toEqual([]);
    expect(run("uvx", ["--from", "awslabs.aws-mcp[all]==1.0.2", "aws-mcp"])).toEqual([]);
    expect(run("uv", ["tool", "run", "mcp-server-time==0.6.2"])).toEqual([]);
    expect(flagged("uv", ["tool", "run", "mcp-server-time"])).toEqual(["mcp-server-time"]);
    expect(flagged("pipx", ["run", "mcp-server-time"])).toEqual(["mcp-server-time"]);
    expect(flagged("pipx", ["run", "--spec", "mcp-server-time", "mcp-server-time"])).toEqual(["mcp-server-time"]);
    expect(run("pipx", ["run", "--spec", "mcp-server-time==0.6.2", "mcp-server-time"])).toEqual([]);
    const [f] = run("uvx", ["mcp-server-fetch"]);
    expect(f!.message).toContain('(e.g. "mcp-server-fetch==1.2.3")');
  });

  it("checks docker run images", () => {
    expect(flagged("docker", ["run", "-i", "--rm", "-e", "GITHUB_TOKEN", "ghcr.io/github/github-mcp-server"])).toEqual(["ghcr.io/github/github-mcp-server"]);
    expect(flagged("docker", ["run", "-i", "--rm", "mcp/fetch:latest"])).toEqual(["mcp/fetch:latest"]);
    expect(flagged("docker", ["run", "--network=host", "-v", "/a:/b", "localhost:5000/img"])).toEqual(["localhost:5000/img"]);
    expect(run("docker", ["run", "-i", "--rm", "mcp/fetch:1.0.3"])).toEqual([]);
    expect(run("docker", ["run", "-i", "mcp/fetch@sha256:" + "a".repeat(64)])).toEqual([]);
    expect(run("docker", ["ps"])).toEqual([]);
    const [f] = run("docker", ["run", "mcp/fetch"]);
    expect(f!.message).toContain('pin a version tag or a digest (e.g. "mcp/fetch:1.2.3" or …@sha256:…)');
  });

  it("flags git specs without a ref", () => {
    expect(flagged("npx", ["-y", "github:owner/repo"])).toEqual(["github:owner/repo"]);
    expect(run("npx", ["-y", "github:owner/repo#4f2a9c1"])).toEqual([]);
    expect(flagged("uvx", ["--from", "git+https://github.com/o/r", "r"])).toEqual(["git+https://github.com/o/r"]);
    expect(run("uvx", ["--from", "git+https://github.com/o/r@v1.2.0", "r"])).toEqual([]);
  });

  it("honours the ignore option by package name", () => {
    expect(run("npx", ["-y", "@playwright/mcp@latest"], { ignore: ["@playwright/mcp"] })).toEqual([]);
    expect(run("docker", ["run", "mcp/fetch"], { ignore: ["mcp/fetch"] })).toEqual([]);
    expect(run("uvx", ["mcp-server-fetch"], { ignore: ["mcp-server-fetch"] })).toEqual([]);
    expect(run("npx", ["-y", "other"], { ignore: ["@playwright/mcp"] })).toHaveLength(1);
  });

  it("checks opencode's command array", () => {
    const text = `{"mcp": {"a": {"type": "local", "command": ["npx", "-y", "server-x"]}}}`;
    const [f] = lint("opencode.json", text);
    expect(f!.pointer).toBe("/mcp/a/command/2");
    expect(slice(text, f!)).toBe('"server-x"');
  });

  it("never quotes a secret-looking spec", () => {
    const token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    const [f] = run("npx", ["-y", token]);
    expect(f!.message).not.toContain(token);
    expect(f!.message).toMatch(/^This npx package installs/);
  });

  it("reports in Codex TOML", () => {
    const text = `[mcp_servers.fetch]\ncommand = "uvx"\nargs = ["mcp-server-fetch"]\n`;
    const [f, ...rest] = lint(".codex/config.toml", text);
    expect(rest).toEqual([]);
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([3, 9, 3, 27]);
  });

  it("reports in Continue YAML", () => {
    const text = "name: x\nversion: 0.0.1\nmcpServers:\n  - name: a\n    command: npx\n    args:\n      - -y\n      - '@upstash/context7-mcp'\n";
    const [f] = lint(".continue/mcpServers/a.yaml", text);
    expect(slice(text, f!)).toBe("'@upstash/context7-mcp'");
  });
});
