import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// The probe throws core's UsageError as the CLI imports it (the built package), not the test sources' copy.
import { UsageError } from "@mcp-lint/core";
import { probe } from "../../packages/probe/src/index.js";
import { NODE, fixture, isAlive, project, readPid, removeProjects } from "./helpers.js";

afterAll(removeProjects);

const j = JSON.stringify;
const SERVER = fixture("stdio-server.mjs");

describe("probe: variables, working directory and file selection", () => {
  it("an unset ${env:NAME} is reported at the placeholder's exact column and the server is not started", async () => {
    const dir = project({
      ".vscode/mcp.json": `{
  "servers": {
    "needs-token": {
      "type": "stdio",
      "command": ${j(NODE)},
      "args": [
        ${j(SERVER)},
        "--token=\${env:MCP_LINT_PROBE_MISSING}",
        "--pid-file", "\${workspaceFolder}/never.pid"
      ]
    }
  }
}
`,
    });
    const env = { ...process.env };
    delete env.MCP_LINT_PROBE_MISSING;
    const run = await probe([], { cwd: dir, env });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 0 });
    expect(s.finding).toMatchObject({
      ruleId: "probe-unresolved-variable",
      severity: "error",
      pointer: "/servers/needs-token/args/1",
      line: 8,
      column: 18,
      endLine: 8,
      endColumn: 47,
    });
    expect(s.finding!.message).toBe(
      '"${env:MCP_LINT_PROBE_MISSING}" has no value: the environment variable MCP_LINT_PROBE_MISSING is not set, so the server would not get a usable value and was not started. Set MCP_LINT_PROBE_MISSING in the environment VS Code is started from, then probe again.',
    );
    expect(existsSync(join(dir, "never.pid"))).toBe(false);
  });

  it("resolves ${VAR} and ${VAR:-default} the way Claude Code does, and leaves other forms literal", async () => {
    const dir = project({
      ".mcp.json": {
        mcpServers: {
          literal: { command: NODE, args: [SERVER, "--pid-file", "${env:MCP_LINT_DIR}/literal.pid"] },
        },
      },
    });
    const plain = project({
      ".mcp.json": { mcpServers: { resolved: { command: "${MCP_LINT_NODE}", args: [SERVER, "--pid-file", `\${MCP_LINT_PROBE_UNSET:-${dir}}/cc.pid`] } } },
    });
    const env = { ...process.env, MCP_LINT_NODE: NODE, MCP_LINT_DIR: dir };
    delete env.MCP_LINT_PROBE_UNSET;
    const run = await probe([], { cwd: plain, env });
    expect(run.servers[0]).toMatchObject({ status: "ok", target: "${MCP_LINT_NODE} stdio-server.mjs --pid-file cc.pid" });
    expect(isAlive(await readPid(join(dir, "cc.pid")))).toBe(false);

    // Claude Code does not expand ${env:NAME}: the server receives the text literally (its pid file path does not exist).
    const literal = await probe([], { cwd: dir, env, servers: ["literal"] });
    expect(literal.servers).toHaveLength(1);
    expect(literal.servers[0]).toMatchObject({ name: "literal", status: "failed" });
    expect(literal.servers[0]!.finding?.ruleId).toBe("probe-exited");
    expect(literal.servers[0]!.finding?.message).toContain(`"Error: ENOENT: no such file or directory, open '\${env:MCP_LINT_DIR}/literal.pid'"`);
    expect(existsSync(join(dir, "literal.pid"))).toBe(false);
  });

  it("${input:id} cannot be answered without a prompt: skipped with an info finding", async () => {
    const dir = project({
      ".vscode/mcp.json": {
        inputs: [{ id: "api-key", type: "promptString", description: "API key", password: true }],
        servers: { prompted: { type: "stdio", command: NODE, args: [SERVER], env: { API_KEY: "${input:api-key}" } } },
      },
    });
    const run = await probe([], { cwd: dir });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "skipped", attempts: 0 });
    expect(s.finding).toMatchObject({ ruleId: "probe-unresolved-variable", severity: "info", pointer: "/servers/prompted/env/API_KEY" });
    expect(s.finding!.message).toContain('VS Code asks the user for "${input:api-key}" when it starts the server; the probe cannot');
  });

  it("a unix:// or pipe:// URL: skipped with an info for VS Code (it reaches them), an error for other clients", async () => {
    const dir = project({
      ".vscode/mcp.json": { servers: { sock: { type: "http", url: "unix:///run/mcp.sock" } } },
      ".cursor/mcp.json": { mcpServers: { sock: { url: "unix:///run/mcp.sock" }, pipe: { url: "pipe:///pipe/mcp" } } },
    });
    const run = await probe([], { cwd: dir, retries: 0 });
    expect(run.servers.map((s) => [s.file, s.name, s.status, s.finding?.ruleId, s.finding?.severity])).toEqual([
      [".cursor/mcp.json", "sock", "failed", "probe-unsupported-scheme", "error"],
      [".cursor/mcp.json", "pipe", "failed", "probe-unsupported-scheme", "error"],
      [".vscode/mcp.json", "sock", "skipped", "probe-unsupported-scheme", "info"],
    ]);
    expect(run.servers[0]!.finding!.message).toMatch(/^unix:\/\/ is not an MCP transport/);
    expect(run.servers[2]!.finding!.message).toContain("VS Code can: check this server from VS Code.");
  });

  it("a cwd that does not exist is reported at cwd, before anything is started", async () => {
    const dir = project({
      ".vscode/mcp.json": { servers: { lost: { type: "stdio", command: NODE, args: [SERVER], cwd: "${workspaceFolder}/no-such-folder" } } },
    });
    const run = await probe([], { cwd: dir });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 0 });
    expect(s.finding).toMatchObject({ ruleId: "probe-cwd-not-found", pointer: "/servers/lost/cwd" });
    expect(s.finding!.message).toBe(
      `The working directory "\${workspaceFolder}/no-such-folder" (${j(join(dir, "no-such-folder"))}) does not exist, so the server cannot start. Create it, or fix "cwd".`,
    );
  });

  it("starts stdio servers in the project folder for .vscode/mcp.json", async () => {
    const dir = project({
      ".vscode/mcp.json": { servers: { here: { type: "stdio", command: NODE, args: [SERVER, "--pid-file", "relative.pid"] } } },
    });
    const run = await probe([], { cwd: dir });
    expect(run.servers[0]!.status).toBe("ok");
    // A relative path is relative to the working directory: the project folder, not .vscode/.
    expect(existsSync(join(dir, "relative.pid"))).toBe(true);
    expect(existsSync(join(dir, ".vscode", "relative.pid"))).toBe(false);
  });

  it("--server selects servers; an unknown name is a UsageError listing the servers found", async () => {
    const dir = project({
      ".mcp.json": { mcpServers: { one: { command: "mcp-lint-no-such-command" }, two: { command: "mcp-lint-no-such-command-2" } } },
      ".cursor/mcp.json": { mcpServers: { three: { command: "mcp-lint-no-such-command-3" } } },
    });
    const run = await probe([], { cwd: dir, servers: ["two"] });
    expect(run.servers.map((s) => s.name)).toEqual(["two"]);
    expect(run.results.map((r) => r.file)).toEqual([".mcp.json"]);
    await expect(probe([], { cwd: dir, servers: ["nope"] })).rejects.toThrow(UsageError);
    await expect(probe([], { cwd: dir, servers: ["nope"] })).rejects.toThrow('No server named "nope" in the config files found. Servers found: "three", "one", "two".');
    await expect(probe([], { cwd: dir, retries: -1 })).rejects.toThrow(UsageError);
  });

  it("skips broken and non-MCP files, code files and shapes the static rules report; keeps file order", async () => {
    const dir = project({
      ".mcp.json": {
        mcpServers: {
          both: { command: NODE, url: "http://127.0.0.1:1/mcp" },
          "no-type": { url: "http://127.0.0.1:1/mcp" },
          ws: { type: "ws", url: "ws://127.0.0.1:1" },
          ghost: { command: "mcp-lint-no-such-command" },
        },
      },
      ".cursor/mcp.json": '{ "mcpServers": { "broken": ',
      "package.json": { name: "x", version: "1.0.0" },
      "src/server.ts": 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nnew McpServer({ name: "x", version: "1" });\n',
    });
    const run = await probe([], { cwd: dir });
    expect(run.results.map((r) => r.file)).toEqual([".mcp.json"]);
    expect(run.servers.map((s) => [s.name, s.status, s.transport, s.finding?.ruleId])).toEqual([
      ["both", "skipped", "unknown", undefined],
      ["no-type", "skipped", "unknown", undefined],
      ["ws", "skipped", "unknown", undefined],
      ["ghost", "failed", "stdio", "probe-command-not-found"],
    ]);
  });

  it("configPath: that config's ignores exclude files from the probe, as from the lint; noConfigLookup uses none", async () => {
    const dir = project({
      ".mcp.json": { mcpServers: { kept: { command: NODE, args: [SERVER, "--pid-file", "${PIDDIR}/kept.pid"] } } },
      "fixtures/.mcp.json": { mcpServers: { ignored: { command: NODE, args: [SERVER, "--pid-file", "${PIDDIR}/ignored.pid"] } } },
      // Globs are relative to the config file's folder, as for the lint.
      "lint.ci.json": { ignores: ["fixtures/**"] },
      // Found by the lookup from cwd: ignores .mcp.json instead.
      "mcp-lint.config.json": { ignores: [".mcp.json"] },
    });
    const env = { ...process.env, PIDDIR: dir };
    const run = await probe([], { cwd: dir, env, configPath: "lint.ci.json" });
    expect(run.servers.map((s) => [s.name, s.status])).toEqual([["kept", "ok"]]);
    expect(existsSync(join(dir, "ignored.pid"))).toBe(false);

    const looked = await probe([], { cwd: dir, env, servers: ["ignored"] });
    expect(looked.servers.map((s) => s.name)).toEqual(["ignored"]);

    const none = await probe([], { cwd: dir, env, noConfigLookup: true });
    expect(none.servers.map((s) => s.name).sort()).toEqual(["ignored", "kept"]);
  });
});
