import { describe, expect, it } from "vitest";
import { read, runCli, tempDir, write } from "./helpers.js";

// Built at run time so that no token-shaped string is committed.
const TOKEN = ["ghp", "_", "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LmNbVc"].join("");
const SLACK = ["xoxb", "-", "123456789012-1234567890123-", "AbCdEfGhIjKlMnOpQrStUvWx"].join("");
const PASSWORD = "hunter2-correct-horse-battery";

function projectWithSecrets(): string {
  const dir = tempDir();
  write(
    dir,
    ".mcp.json",
    JSON.stringify(
      {
        mcpServers: {
          github: { command: "npx", args: ["@modelcontextprotocol/server-github", `--token=${TOKEN}`], env: { GITHUB_TOKEN: TOKEN } },
          slack: { command: "npx", args: ["-y", "slack-mcp@1.0.0"], env: { SLACK_BOT_TOKEN: SLACK } },
          remote: { type: "http", url: `http://admin:${PASSWORD}@10.0.0.5:5432/sse?key=${TOKEN}`, headers: { Authorization: `Bearer ${TOKEN}` } },
        },
      },
      null,
      2,
    ),
  );
  // The same secrets in files that do not parse, in other dialects.
  write(dir, ".cursor/mcp.json", `{\n  "mcpServers": {\n    "github": { "command": "npx", "env": { "GITHUB_TOKEN": "${TOKEN}" } ,, }\n  }\n}\n`);
  write(dir, ".vscode/mcp.json", `{\n  "servers": {\n    "github": { "type": "stdio", "command": "npx ${TOKEN}", "args": ["--key", ${JSON.stringify(SLACK)}] }\n  }\n}\n`);
  write(dir, "claude_desktop_config.json", `{ "mcpServers": { "x": { "command": "node", "env": { "API_KEY": ${TOKEN} } } } }`);
  write(dir, "mcp-lint.config.json", '{ "preset": "all" }\n');
  return dir;
}

describe("secrets never reach the output", () => {
  const formats = ["stylish", "json", "sarif", "github", "markdown"];

  it.each(formats)("format %s, every rule on, with and without --fix", (format) => {
    const dir = projectWithSecrets();
    for (const extra of [[], ["--fix"], ["--color"], ["--quiet"]]) {
      const r = runCli(["-f", format, ...extra, "."], { cwd: dir });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout.length).toBeGreaterThan(0);
      for (const secret of [TOKEN, SLACK, PASSWORD]) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
      }
    }
  });

  it("nor --print-config, --suppress-all or its file", () => {
    const dir = projectWithSecrets();
    const outputs = [
      runCli(["--print-config", ".mcp.json"], { cwd: dir }),
      runCli(["--suppress-all", "-f", "json"], { cwd: dir }),
      runCli(["-f", "json"], { cwd: dir }),
    ];
    expect(outputs[1]!.status).toBe(0);
    const baseline = read(dir, "mcp-lint-suppressions.json");
    expect(Object.keys(JSON.parse(baseline) as object).length).toBeGreaterThan(0);
    for (const secret of [TOKEN, SLACK, PASSWORD]) expect(baseline).not.toContain(secret);
    for (const r of outputs)
      for (const secret of [TOKEN, SLACK, PASSWORD]) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
      }
  });
});
