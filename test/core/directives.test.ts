import { describe, expect, it } from "vitest";
import { defaultRuleSettings, lintConfigText } from "../../packages/core/src/index.js";

// The defaults plus npx-yes (an info outside recommended since issue 12), which these tests use as a probe rule.
const settings = { ...defaultRuleSettings(), "npx-yes": { severity: "warning" as const } };
const rules = (text: string, file: string) => lintConfigText(file, text, { rules: settings }).findings.map((f) => `${f.line} ${f.ruleId}`);

describe("inline mcp-lint-disable comments", () => {
  const vscode = (body: string) => `{\n  "servers": {\n${body}\n  }\n}\n`;

  it("JSONC: disable-next-line for one rule leaves the others", () => {
    const base = vscode(`    "a": { "type": "stdio", "command": "npx", "args": ["pkg"] },\n    "b": { "type": "sse", "url": "http://10.0.0.5/sse" }`);
    expect(rules(base, ".vscode/mcp.json")).toEqual(["3 npx-yes", "4 no-deprecated-sse", "4 no-insecure-http"]);
    const disabled = vscode(
      `    // mcp-lint-disable-next-line npx-yes -- the package is preinstalled in our image\n    "a": { "type": "stdio", "command": "npx", "args": ["pkg"] },\n    "b": { "type": "sse", "url": "http://10.0.0.5/sse" } // mcp-lint-disable-line no-insecure-http`,
    );
    expect(rules(disabled, ".vscode/mcp.json")).toEqual(["5 no-deprecated-sse"]);
  });

  it("JSONC: a disable/enable block, with a rule list and for all rules", () => {
    const text = vscode(
      `    /* mcp-lint-disable no-deprecated-sse, no-insecure-http */\n    "b": { "type": "sse", "url": "http://10.0.0.5/sse" },\n    /* mcp-lint-enable */\n    "c": { "type": "sse", "url": "http://10.0.0.6/sse" },\n    // mcp-lint-disable\n    "d": { "type": "sse", "url": "http://10.0.0.7/sse" }`,
    );
    expect(rules(text, ".vscode/mcp.json")).toEqual(["6 no-deprecated-sse", "6 no-insecure-http"]);
  });

  it("accepts the plugin-prefixed rule name", () => {
    const text = vscode(`    // mcp-lint-disable-next-line mcp-lint/npx-yes\n    "a": { "command": "npx", "args": ["pkg"] }`);
    expect(rules(text, ".vscode/mcp.json")).toEqual([]);
  });

  it("YAML: # comments", () => {
    const text = `name: db\nversion: 1.0.0\nschema: v1\nmcpServers:\n  - name: pg\n    # mcp-lint-disable-next-line no-insecure-http\n    url: http://10.1.2.3:8080/mcp\n  - name: other\n    url: http://10.1.2.4:8080/mcp # mcp-lint-disable-line\n  - name: third\n    url: http://10.1.2.5:8080/mcp\n`;
    expect(rules(text, ".continue/mcpServers/db.yaml")).toEqual(["11 no-insecure-http"]);
  });

  it("TOML: # comments", () => {
    const text = `[mcp_servers.a]\ncommand = "npx"\n# mcp-lint-disable-next-line npx-yes\nargs = ["pkg"]\n\n[mcp_servers.b]\ncommand = "npx"\nargs = ["other"]\n`;
    // npx-yes reports at the command value, so a directive must sit above the command line: this one disables
    // nothing, and says so.
    expect(rules(text, ".codex/config.toml")).toEqual(["2 npx-yes", "3 unused-disable-directive", "7 npx-yes"]);
    const above = text.replace(`command = "npx"\n# mcp-lint-disable-next-line npx-yes\nargs`, `# mcp-lint-disable-next-line npx-yes\ncommand = "npx"\nargs`);
    expect(rules(above, ".codex/config.toml")).toEqual(["7 npx-yes"]);
  });

  it("a comment in a strict-JSON file still disables, and is itself still reported by strict-json", () => {
    const text = `{\n  "mcpServers": {\n    // mcp-lint-disable-next-line npx-yes\n    "a": { "command": "npx", "args": ["pkg"] }\n  }\n}\n`;
    expect(rules(text, ".cursor/mcp.json")).toEqual(["3 strict-json"]);
  });
});

describe("unused and misspelt directives", () => {
  const vscode = (body: string) => `{\n  "servers": {\n${body}\n  }\n}\n`;
  const report = (text: string, unusedDirectives?: "off" | "info" | "warning" | "error") =>
    lintConfigText(".vscode/mcp.json", text, { rules: settings, ...(unusedDirectives ? { unusedDirectives } : {}) }).findings.map((f) => `${f.line} ${f.ruleId} ${f.severity}`);

  it("a directive that disables nothing is an info (the severity can be set); one that does is not reported", () => {
    const text = vscode(
      `    // mcp-lint-disable-next-line npx-yes -- used\n    "a": { "type": "stdio", "command": "npx", "args": ["pkg"] },\n    // mcp-lint-disable-next-line npx-yes\n    "b": { "type": "stdio", "command": "node", "args": ["x.js"] },\n    /* mcp-lint-disable */\n    "c": { "type": "stdio", "command": "node", "args": ["x.js"] }\n    /* mcp-lint-enable */`,
    );
    expect(report(text)).toEqual(["5 unused-disable-directive info", "7 unused-disable-directive info"]);
    expect(report(text, "error")).toEqual(["5 unused-disable-directive error", "7 unused-disable-directive error"]);
    expect(report(text, "off")).toEqual([]);
  });

  it("names the rules of a list that disabled nothing, and only those", () => {
    const text = vscode(`    // mcp-lint-disable-next-line npx-yes, no-insecure-http\n    "a": { "type": "stdio", "command": "npx", "args": ["pkg"] }`);
    const findings = lintConfigText(".vscode/mcp.json", text, { rules: settings }).findings;
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ["unused-disable-directive", 'Unused mcp-lint-disable-next-line directive: no problem from "no-insecure-http" was reported here.'],
    ]);
  });

  it("a misspelt directive or rule name is a warning with a did-you-mean, and does not also count as unused", () => {
    const text = vscode(
      `    // mcp-lint-disabel-next-line\n    "a": { "type": "stdio", "command": "npx", "args": ["pkg"] },\n    // mcp-lint-disable-next-line npx-yse\n    "b": { "type": "stdio", "command": "npx", "args": ["pkg"] }`,
    );
    const findings = lintConfigText(".vscode/mcp.json", text, { rules: settings }).findings;
    expect(findings.map((f) => `${f.line} ${f.ruleId} ${f.severity}`)).toEqual([
      "3 misspelt-disable-directive warning",
      "4 npx-yes warning",
      "5 misspelt-disable-directive warning",
      "6 npx-yes warning",
    ]);
    expect(findings[0]!.message).toContain('Did you mean "mcp-lint-disable-next-line"?');
    expect(findings[2]!.message).toBe('"npx-yse" is not an mcp-lint rule, so this comment does not disable it. Did you mean "npx-yes"?');
    expect(report(text, "off").filter((f) => f.includes("directive"))).toEqual([]);
  });

  it("an ordinary comment that mentions mcp-lint is not a directive", () => {
    const text = vscode(`    // see the mcp-lint docs; mcp-lint-disable is explained there\n    "b": { "type": "stdio", "command": "node", "args": ["x.js"] }`);
    expect(report(text)).toEqual([]);
  });
});
