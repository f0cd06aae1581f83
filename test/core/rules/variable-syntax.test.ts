import { describe, expect, it } from "vitest";
import { fixed, lintRule, slice } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("variable-syntax", file, text);

describe("variable-syntax", () => {
  it("accepts the placeholders each client expands", () => {
    const cases: Array<[string, unknown]> = [
      [".vscode/mcp.json", { servers: { a: { command: "node", args: ["${workspaceFolder}/s.js", "${input:key}"], env: { T: "${env:TOKEN}" }, cwd: "${workspaceFolder}" } } }],
      [".cursor/mcp.json", { mcpServers: { a: { command: "node", args: ["${userHome}/s.js"], env: { T: "${env:TOKEN}" } } } }],
      [".mcp.json", { mcpServers: { a: { type: "http", url: "${API_BASE:-https://x.dev}/mcp", headers: { Authorization: "Bearer ${TOKEN}" } } } }],
      [".gemini/settings.json", { mcpServers: { a: { command: "node", env: { T: "$TOKEN", U: "${USER_TOKEN}" } } } }],
      [".roo/mcp.json", { mcpServers: { a: { command: "node", args: ["${workspaceFolder}/x"], env: { T: "${env:TOKEN}" } } } }],
      [".codeium/windsurf/mcp_config.json", { mcpServers: { a: { command: "node", env: { T: "${env:TOKEN}", K: "${file:/run/secrets/k}" } } } }],
      ["opencode.json", { mcp: { a: { type: "local", command: ["node", "{file:./s.js}"], environment: { T: "{env:TOKEN}" } } } }],
      [".kiro/settings/mcp.json", { mcpServers: { a: { command: "node", env: { T: "${TOKEN}" } } } }],
    ];
    for (const [file, value] of cases) expect(lint(file, JSON.stringify(value)), file).toEqual([]);
  });

  it("skips clients whose expansion rules are unknown", () => {
    expect(lint("mcp.json", JSON.stringify({ mcpServers: { a: { command: "x", env: { T: "${TOKEN}" } } } }))).toEqual([]);
    expect(lint(".amazonq/mcp.json", JSON.stringify({ mcpServers: { a: { command: "x", env: { T: "${TOKEN}" } } } }))).toEqual([]);
  });

  it("reports ${VAR} in VS Code at the placeholder and fixes it to ${env:VAR}", () => {
    const text = `{\n  "servers": {\n    "gh": {\n      "command": "npx",\n      "env": { "GITHUB_TOKEN": "Bearer \${GITHUB_PAT}" }\n    }\n  }\n}`;
    const findings = lint(".vscode/mcp.json", text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([5, 40, 5, 53]);
    expect(slice(text, f)).toBe("${GITHUB_PAT}");
    expect(f.message).toBe("VS Code does not expand ${GITHUB_PAT}: the server receives the literal text. Write ${env:GITHUB_PAT}.");
    expect(fixed(text, findings)).toBe(text.replace("${GITHUB_PAT}", "${env:GITHUB_PAT}"));
  });

  it("converts between the clients' env syntaxes", () => {
    const convert = (file: string, root: string, value: string) => {
      const text = JSON.stringify({ [root]: { a: { command: "x", env: { T: value } } } });
      const findings = lint(file, text);
      expect(findings, `${file} ${value}`).toHaveLength(1);
      return (JSON.parse(fixed(text, findings)) as Record<string, Record<string, { env: { T: string } }>>)[root]!.a!.env.T;
    };
    expect(convert(".mcp.json", "mcpServers", "${env:TOKEN}")).toBe("${TOKEN}");
    expect(convert(".mcp.json", "mcpServers", "$TOKEN")).toBe("${TOKEN}");
    expect(convert(".mcp.json", "mcpServers", "{env:TOKEN}")).toBe("${TOKEN}");
    expect(convert(".cursor/mcp.json", "mcpServers", "${TOKEN}")).toBe("${env:TOKEN}");
    expect(convert(".gemini/settings.json", "mcpServers", "${env:TOKEN}")).toBe("${TOKEN}");
    expect(convert(".codeium/windsurf/mcp_config.json", "mcpServers", "$TOKEN")).toBe("${env:TOKEN}");
    const oc = JSON.stringify({ mcp: { a: { type: "local", command: ["node", "${HOME}/s.js"], environment: { T: "${env:TOKEN}" } } } });
    const ocFindings = lint("opencode.json", oc);
    expect(ocFindings).toHaveLength(2);
    expect(fixed(oc, ocFindings)).toBe(oc.replace("${HOME}", "{env:HOME}").replace("${env:TOKEN}", "{env:TOKEN}"));
  });

  it("reports forms that are not plain env references without a fix", () => {
    const text = JSON.stringify({ mcpServers: { a: { command: "node", args: ["${input:key}", "${env:HOME}/server.js", "${{ secrets.KEY }}"] } } });
    const findings = lint(".mcp.json", text);
    expect(findings.map((f) => slice(text, f))).toEqual(["${input:key}", "${env:HOME}", "${{ secrets.KEY }}"]);
    expect(findings.map((f) => f.fix !== undefined)).toEqual([false, true, false]);
    expect(findings[0]!.message).toBe("Claude Code does not expand ${input:key}: the server receives the literal text. It expands only ${VAR} or ${VAR:-default}.");
    const [cursor, ...rest] = lint(".cursor/mcp.json", JSON.stringify({ mcpServers: { a: { type: "http", url: "https://x.dev/mcp", headers: { K: "${input:api-key}", D: "${TOKEN:-x}" } } } }));
    expect(rest).toHaveLength(1);
    expect(cursor!.message).toContain("Cursor does not expand ${input:api-key}");
    expect(rest[0]!.message).toContain("Cursor does not expand ${TOKEN:-x}");
  });

  it("reports bare $NAME only as a whole value or inside env and headers", () => {
    const text = JSON.stringify({ servers: { a: { command: "sh", args: ["$HOME/bin/x", "$TOKEN", "a$b", "price: $5"], env: { A: "pa$$word", B: "x $TOKEN" }, headers: { H: "Bearer $TOKEN" } } } });
    const findings = lint(".vscode/mcp.json", text);
    expect(findings.map((f) => f.pointer)).toEqual(["/servers/a/args/1", "/servers/a/env/B", "/servers/a/headers/H"]);
    expect(findings.map((f) => slice(text, f))).toEqual(["$TOKEN", "$TOKEN", "$TOKEN"]);
  });

  it("tells clients without interpolation to set the value directly", () => {
    const text = JSON.stringify({ mcpServers: { a: { command: "npx", env: { API_TOKEN: "${HOSTINGER_API_TOKEN}" } } } });
    const findings = lint("claude_desktop_config.json", text);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      'Claude Desktop does not expand variables: the server receives ${HOSTINGER_API_TOKEN} as literal text. Put the value in "env" directly or set it in the environment that launches the client.',
    );
    expect(findings[0]!.fix).toBeUndefined();
    expect(lint("cline_mcp_settings.json", text)[0]!.message).toContain("Cline does not expand variables");
  });

  it("points Codex users at env_vars (TOML)", () => {
    const text = `[mcp_servers.gh]\ncommand = "npx"\nenv = { GITHUB_TOKEN = "\${GITHUB_TOKEN}" }\n`;
    const findings = lint(".codex/config.toml", text);
    expect(findings).toHaveLength(1);
    expect(slice(text, findings[0]!)).toBe("${GITHUB_TOKEN}");
    expect(findings[0]!.message).toContain('env_vars = ["GITHUB_TOKEN"]');
    expect(findings[0]!.fix).toBeUndefined();
  });

  it("fixes Continue YAML, quoting a plain scalar that would otherwise break", () => {
    const text = "name: x\nversion: 0.0.1\nmcpServers:\n  - name: gh\n    command: npx\n    env:\n      GITHUB_TOKEN: ${GITHUB_TOKEN}\n      OTHER: \"prefix-${env:OTHER}\"\n";
    const findings = lint(".continue/mcpServers/gh.yaml", text);
    expect(findings.map((f) => slice(text, f))).toEqual(["${GITHUB_TOKEN}", "${env:OTHER}"]);
    expect(findings[0]!.message).toBe("Continue does not expand ${GITHUB_TOKEN}: the server receives the literal text. Write ${{ secrets.GITHUB_TOKEN }}.");
    expect(fixed(text, findings)).toBe(
      "name: x\nversion: 0.0.1\nmcpServers:\n  - name: gh\n    command: npx\n    env:\n      GITHUB_TOKEN: \"${{ secrets.GITHUB_TOKEN }}\"\n      OTHER: \"prefix-${{ secrets.OTHER }}\"\n",
    );
  });

  it("falls back to the whole value when the string has escapes", () => {
    const text = `{"servers": {"a": {"command": "x", "args": ["\\u0024{TOKEN}\\t"]}}}`;
    const findings = lint(".vscode/mcp.json", text);
    expect(findings).toHaveLength(1);
    expect(slice(text, findings[0]!)).toBe(`"\\u0024{TOKEN}\\t"`);
    expect(fixed(text, findings)).toBe(`{"servers": {"a": {"command": "x", "args": ["\${env:TOKEN}\\t"]}}}`);
  });

  it("fixes several placeholders in one value", () => {
    const text = `{"mcpServers": {"a": {"url": "https://\${HOST}:\${PORT}/mcp"}}}`;
    const findings = lint(".cursor/mcp.json", text);
    expect(findings).toHaveLength(2);
    expect(fixed(text, findings)).toBe(`{"mcpServers": {"a": {"url": "https://\${env:HOST}:\${env:PORT}/mcp"}}}`);
  });
});

describe("variable-syntax: a bare $VAR starting a path in the command or its arguments (issue 12)", () => {
  it("reports $HOME/… in opencode's command array: opencode spawns without a shell", () => {
    const text = `{"mcp": {"a": {"type": "local", "command": ["node", "$HOME/srv/index.js", "--root", "$PROJECT_DIR"]}}}`;
    const findings = lintRule("variable-syntax", "opencode.json", text);
    expect(findings.map((f) => [f.pointer, f.message])).toEqual([
      ["/mcp/a/command/1", "opencode does not expand $HOME: the server receives the literal text. Write {env:HOME}."],
      ["/mcp/a/command/3", "opencode does not expand $PROJECT_DIR: the server receives the literal text. Write {env:PROJECT_DIR}."],
    ]);
  });

  it("leaves $ in arguments a shell reads, and $ that does not start a path", () => {
    expect(lintRule("variable-syntax", "opencode.json", `{"mcp": {"a": {"type": "local", "command": ["bash", "-c", "$HOME/x"]}}}`)).toEqual([]);
    expect(lintRule("variable-syntax", "opencode.json", `{"mcp": {"a": {"type": "local", "command": ["sh", "$HOME/run.sh"]}}}`)).toEqual([]);
    expect(lintRule("variable-syntax", "opencode.json", `{"mcp": {"a": {"type": "local", "command": ["grep", "-E", "a$", "x$y"]}}}`)).toEqual([]);
  });
});
