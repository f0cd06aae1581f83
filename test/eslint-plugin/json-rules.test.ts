import json from "@eslint/json";
import { RuleTester as RuleTester10, type Rule } from "eslint";
import { RuleTester as RuleTester9 } from "eslint9";
import { describe, expect, it } from "vitest";
import mcpLint from "@mcp-lint/eslint-plugin";
import { allRules, configRules, docsUrl, lintConfigText, presetSeverities } from "@mcp-lint/core";
import "./helpers.js";

/** The rules ESLint can run: config rules and JavaScript/TypeScript code rules (ESLint does not parse Python). */

/**
 * The config rules under ESLint's own RuleTester, on @eslint/json's JSONC language as the plugin's configs set it,
 * once with ESLint 10 and once with ESLint 9.
 */

const testers = { "ESLint 10": RuleTester10, "ESLint 9": RuleTester9 } as const;
for (const T of Object.values(testers)) {
  const t = T as unknown as { describe: unknown; it: unknown; itOnly: unknown };
  t.describe = describe;
  t.it = it;
  t.itOnly = it.only;
}

const languageConfig = { plugins: { json }, language: "json/jsonc", languageOptions: { allowTrailingCommas: true } };

const rule = (id: string): Rule.RuleModule => mcpLint.rules[id]!;
/** Rules ESLint can run: config rules (on JSON) and code rules that check JavaScript/TypeScript. ESLint does not parse Python. */
const eslintRuleIds = allRules.filter((r) => r.kind === "config" || r.languages.includes("js")).map((r) => r.id).sort();

/** The CLI's message for the only finding of `id` on this file (so the ESLint message is checked against it). */
function cliMessage(id: string, file: string, text: string): string {
  const findings = lintConfigText(file, text, { rules: { [id]: { severity: "error" } } }).findings.filter((f) => f.ruleId === id);
  expect(findings).toHaveLength(1);
  return findings[0]!.message;
}

const NPX = `{\n  "mcpServers": {\n    "pw": {\n      "command": "npx",\n      "args": ["@playwright/mcp@1.2.3"]\n    }\n  }\n}\n`;

describe.each(Object.entries(testers))("%s RuleTester", (_name, RuleTester) => {
  const tester = new RuleTester(languageConfig as never);

  tester.run("npx-yes", rule("npx-yes") as never, {
    valid: [
      { code: `{"mcpServers": {"a": {"command": "npx", "args": ["-y", "pkg"]}}}`, filename: ".mcp.json" },
      // Not an MCP config (no dialect by path, nothing to sniff): skipped quietly, as by the CLI.
      { code: `{"name": "app", "scripts": {"start": "npx pkg"}}`, filename: "config/app.json" },
    ],
    invalid: [
      {
        code: NPX,
        filename: ".cursor/mcp.json",
        output: NPX.replace(`["@playwright`, `["-y", "@playwright`),
        errors: [{ message: cliMessage("npx-yes", ".cursor/mcp.json", NPX), line: 4, column: 18, endLine: 4, endColumn: 23 }],
      },
      {
        // A file with another name is recognised by its content (the CLI's sniffing).
        code: `{"mcpServers": {"a": {"command": "npx", "args": ["pkg"]}}}`,
        filename: "ops/team.json",
        output: `{"mcpServers": {"a": {"command": "npx", "args": ["-y", "pkg"]}}}`,
        errors: [{ messageId: "missing", line: 1, column: 34 }],
      },
      {
        code: `{"mcp": {"a": {"type": "local", "command": ["npx", "pkg"]}}}`,
        filename: "opencode.json",
        output: `{"mcp": {"a": {"type": "local", "command": ["npx", "-y", "pkg"]}}}`,
        errors: [{ messageId: "missing" }],
      },
    ],
  });

  tester.run("strict-json", rule("strict-json") as never, {
    valid: [
      // VS Code and opencode read JSONC with trailing commas.
      { code: `{\n  // ok\n  "servers": {},\n}`, filename: ".vscode/mcp.json" },
      { code: `{\n  // ok\n  "mcp": {},\n}`, filename: "opencode.jsonc" },
      // Gemini CLI accepts comments.
      { code: `{\n  // ok\n  "mcpServers": {}\n}`, filename: ".gemini/settings.json" },
    ],
    invalid: [
      {
        // Cursor reads strict JSON: a comment is reported with a suggestion, not a fix.
        code: `{\n  // servers\n  "mcpServers": {}\n}`,
        filename: ".cursor/mcp.json",
        output: null,
        errors: [
          {
            messageId: "comment",
            data: { client: "Cursor" },
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 13,
            suggestions: [{ desc: "Remove the comment", output: `{\n  "mcpServers": {}\n}` }],
          },
        ],
      },
      {
        // Gemini CLI: comments are fine, trailing commas are not (the JSONC parser accepts them, the rule reports them).
        code: `{\n  // fine\n  "mcpServers": {\n    "a": {"command": "node"},\n  }\n}`,
        filename: ".gemini/settings.json",
        output: `{\n  // fine\n  "mcpServers": {\n    "a": {"command": "node"}\n  }\n}`,
        errors: [{ messageId: "trailingComma", data: { client: "Gemini CLI" }, line: 4, column: 29, endLine: 4, endColumn: 30 }],
      },
      {
        code: `{"mcpServers": {"a": {"command": "node", "args": ["x.js",]},}}`,
        filename: "claude_desktop_config.json",
        output: `{"mcpServers": {"a": {"command": "node", "args": ["x.js"]}}}`,
        errors: [{ messageId: "trailingComma" }, { messageId: "trailingComma" }],
      },
    ],
  });

  tester.run("syntax", rule("syntax") as never, {
    valid: [{ code: `{"mcpServers": {}}`, filename: ".mcp.json" }],
    invalid: [
      {
        // The JSON parser of @eslint/json tolerates a raw tab inside a string; clients (and mcp-lint) do not.
        code: `{"mcpServers": {"a": {"command": "no\tde"}}}`,
        filename: ".mcp.json",
        errors: [{ messageId: "parse", line: 1, column: 37, endColumn: 38 }],
      },
    ],
  });

  tester.run("no-non-mcp-port", rule("no-non-mcp-port") as never, {
    valid: [{ code: `{"mcpServers": {"db": {"url": "https://db.example.com:5432/mcp"}}}`, filename: ".cursor/mcp.json", options: [{ allow: [5432] }] }],
    invalid: [
      {
        code: `{"mcpServers": {"db": {"url": "https://db.example.com:5432/mcp"}}}`,
        filename: ".cursor/mcp.json",
        errors: [{ messageId: "port", data: { port: 5432, service: "PostgreSQL", client: "Cursor" } }],
      },
    ],
  });

  tester.run("root-key", rule("root-key") as never, {
    valid: [{ code: `{"servers": {"a": {"command": "node"}}}`, filename: ".vscode/mcp.json" }],
    invalid: [
      {
        code: `{"mcpServers": {"a": {"command": "node"}}}`,
        filename: ".vscode/mcp.json",
        errors: [{ messageId: "foreign", line: 1, column: 2, endColumn: 14, suggestions: [{ desc: 'Rename "mcpServers" to "servers"', output: `{"servers": {"a": {"command": "node"}}}` }] }],
      },
    ],
  });

  tester.run("no-duplicate-keys", rule("no-duplicate-keys") as never, {
    valid: [{ code: `{"mcpServers": {"a": {"command": "node"}, "b": {"command": "node"}}}`, filename: ".mcp.json" }],
    invalid: [
      {
        code: `{"mcpServers": {"a": {"command": "node"}, "a": {"command": "deno"}}}`,
        filename: ".mcp.json",
        errors: [{ messageId: "duplicateServer", line: 1, column: 17 }],
      },
    ],
  });

  tester.run("variable-syntax (dialect from settings)", rule("variable-syntax") as never, {
    valid: [{ code: `{"servers": {"a": {"command": "node", "env": {"X": "\${env:X}"}}}}`, filename: "ops/editor.json", settings: { "mcp-lint": { dialect: "vscode" } } }],
    invalid: [
      {
        // settings["mcp-lint"].dialect plays the CLI's `dialects` mapping: this file is checked as VS Code's.
        code: `{"servers": {"a": {"command": "node", "env": {"X": "\${X}"}}}}`,
        filename: "ops/editor.json",
        settings: { "mcp-lint": { dialect: "vscode" } },
        output: `{"servers": {"a": {"command": "node", "env": {"X": "\${env:X}"}}}}`,
        errors: [{ messageId: "useEnv" }],
      },
    ],
  });
});

describe("rule metadata", () => {
  it("has every mcp-lint rule ESLint can run (config, and code rules for JS/TS) under its id, and no Python-only rule", () => {
    expect(Object.keys(mcpLint.rules).sort()).toEqual(eslintRuleIds);
    expect(allRules.some((r) => r.languages.length === 1 && r.languages[0] === "python")).toBe(true);
  });

  it.each(configRules.map((r) => [r.meta.id, r] as const))("config rule %s carries core's metadata", (id, core) => {
    const meta = mcpLint.rules[id]!.meta!;
    expect(meta.docs?.url).toBe(docsUrl(id));
    expect(meta.docs?.description).toBe(core.meta.description);
    expect(meta.messages).toEqual(core.meta.messages);
    expect(meta.schema).toEqual(core.meta.schema);
    expect(meta.fixable).toBe(core.meta.fixable ? "code" : undefined);
    expect(meta.hasSuggestions === true).toBe(core.meta.hasSuggestions === true);
    expect(meta.defaultOptions).toEqual(core.meta.schema.length > 0 ? [core.meta.defaultOptions] : undefined);
    expect((meta as { languages?: string[] }).languages).toEqual(["json/json", "json/jsonc", "json/json5"]);
  });

  it("exposes the code rules with their own create function and meta, plus the JS language", () => {
    for (const info of allRules.filter((r) => r.kind === "code" && r.languages.includes("js"))) {
      const meta = mcpLint.rules[info.id]!.meta as { docs?: { url?: string }; languages?: string[] };
      expect(meta.docs?.url).toBe(info.docsUrl);
      expect(meta.languages).toEqual(["js/js"]);
    }
  });

  it("names itself", async () => {
    const { readFileSync } = await import("node:fs");
    const pkg = JSON.parse(readFileSync(new URL("../../packages/eslint-plugin/package.json", import.meta.url), "utf8")) as { name: string; version: string };
    expect(mcpLint.meta).toEqual({ name: "@mcp-lint/eslint-plugin", version: pkg.version, namespace: "mcp-lint" });
    expect(pkg.version).toBe("1.0.0");
  });
});

describe("configs", () => {
  const eslintLevel = (s: string) => (s === "error" ? "error" : "warn");

  it.each(["recommended", "strict", "all"] as const)("%s turns on the rules of the CLI preset of that name, at their severity", (preset) => {
    const configs = mcpLint.configs[preset];
    expect(Array.isArray(configs)).toBe(true);
    const enabled: Record<string, unknown> = {};
    for (const c of configs) Object.assign(enabled, c.rules ?? {});
    const expected: Record<string, string> = {};
    for (const [id, severity] of Object.entries(presetSeverities(preset))) {
      if (severity !== "off" && eslintRuleIds.includes(id)) expected[`mcp-lint/${id}`] = eslintLevel(severity);
    }
    expect(enabled).toEqual(expected);
  });

  it("reads MCP config files as JSONC with trailing commas, and code files with the code rules only", () => {
    const [files, , , code] = mcpLint.configs.recommended;
    // The plugin's own JSONC language (trailing commas on by default), not @eslint/json registered as `json`, and no
    // languageOptions: a user's later `language: "json/json"` block must not meet an option json/json rejects.
    expect(files!.language).toBe("mcp-lint-json/jsonc");
    expect(files!.languageOptions).toBeUndefined();
    expect(Object.keys(files!.plugins!).sort()).toEqual(["mcp-lint", "mcp-lint-json"]);
    expect(files!.plugins!["mcp-lint-json"]!.meta).toMatchObject({ namespace: "json" });
    expect(Object.keys(files!.rules!).every((id) => configRules.some((r) => `mcp-lint/${r.meta.id}` === id))).toBe(true);
    expect(Object.keys(code!.rules!).every((id) => allRules.some((r) => r.kind === "code" && `mcp-lint/${r.id}` === id))).toBe(true);
    expect(code!.ignores).toContain("**/*.d.ts");
  });
});
