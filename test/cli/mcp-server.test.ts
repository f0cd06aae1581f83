import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, tempDir, write } from "./helpers.js";

const NPX = '{"mcpServers": {\n  "a": {"command": "npx", "args": ["pkg@1.0.0"]}\n}}\n';
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
});

/** The SDK's client connected to the built CLI's `mcp-lint mcp`, started in `cwd`. */
async function connect(cwd: string): Promise<Client> {
  const client = new Client({ name: "test", version: "1.0.0" });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, "mcp"], cwd, stderr: "pipe" }));
  clients.push(client);
  return client;
}

const textOf = (r: unknown) => (r as { content: Array<{ text: string }> }).content.map((c) => c.text).join("\n");

describe("mcp-lint mcp (through the SDK client)", () => {
  it("lists its tools, each with an input schema", async () => {
    const client = await connect(tempDir());
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["lint_config", "explain_rule", "probe_servers"]);
    for (const t of tools) expect(t.inputSchema.type).toBe("object");
    expect(tools.find((t) => t.name === "probe_servers")!.annotations?.readOnlyHint).toBe(false);
  });

  it("lint_config lints text by its filename, and a file, with the configs of the folder; secrets never come back", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".git"));
    write(dir, "mcp-lint.config.json", '{ "rules": { "npx-yes": "error" } }');
    write(dir, "sub/.mcp.json", NPX);
    const client = await connect(dir);
    const fromText = await client.callTool({ name: "lint_config", arguments: { text: NPX, filename: ".cursor/mcp.json" } });
    expect(fromText.isError).toBe(true);
    const results = JSON.parse(textOf(fromText)) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number }> }>;
    expect(results.map((r) => [r.filePath, r.messages.map((m) => `${m.ruleId}:${m.severity}`)])).toEqual([[join(dir, ".cursor/mcp.json"), ["npx-yes:2"]]]);

    const fromFile = await client.callTool({ name: "lint_config", arguments: { path: "sub/.mcp.json" } });
    expect(textOf(fromFile)).toContain("npx-yes");

    const clean = await client.callTool({ name: "lint_config", arguments: { text: '{"mcpServers": {"a": {"command": "node", "args": ["x.js"]}}}', filename: ".mcp.json" } });
    expect(clean.isError).toBeFalsy();
    expect(textOf(clean)).toBe("No problems found (1 file checked).");

    const secret = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    const leaky = await client.callTool({ name: "lint_config", arguments: { text: `{"mcpServers": {"gh": {"command": "node", "args": ["s.js"], "env": {"GITHUB_TOKEN": "${secret}"}}}}`, filename: ".mcp.json" } });
    expect(textOf(leaky)).toContain("no-hardcoded-secrets");
    expect(textOf(leaky)).not.toContain(secret);
  });

  it("keeps paths inside its folder and answers bad arguments with a message", async () => {
    const client = await connect(tempDir());
    const out = await client.callTool({ name: "lint_config", arguments: { path: "../../etc" } });
    expect(out.isError).toBe(true);
    expect(textOf(out)).toMatch(/^mcp-lint: "path" must be inside the working folder/);
    const unknown = await client.callTool({ name: "explain_rule", arguments: { id: "npx-yse" } });
    expect(textOf(unknown)).toBe('Unknown rule "npx-yse". Did you mean "npx-yes"?');
  });

  it("explain_rule describes a rule", async () => {
    const client = await connect(tempDir());
    const r = await client.callTool({ name: "explain_rule", arguments: { id: "mcp-lint/no-hardcoded-secrets" } });
    expect(JSON.parse(textOf(r))).toMatchObject({ id: "no-hardcoded-secrets", defaultSeverity: "error", recommended: true, docsUrl: expect.stringContaining("no-hardcoded-secrets") });
  });

  it("probe_servers starts the configured servers only when called, and says why one fails", async () => {
    const dir = tempDir();
    write(dir, ".mcp.json", '{"mcpServers": {"ghost": {"command": "mcp-lint-test-no-such-command-xyz", "args": []}}}');
    const client = await connect(dir);
    // Linting does not start it.
    expect(textOf(await client.callTool({ name: "lint_config", arguments: { path: ".mcp.json" } }))).not.toMatch(/probe-/);
    const r = await client.callTool({ name: "probe_servers", arguments: {} });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/ghost/);
    expect(textOf(r)).toMatch(/probe-[a-z-]+/);
  });
});
