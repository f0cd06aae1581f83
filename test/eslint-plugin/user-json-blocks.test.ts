import { ESLint as ESLint10, type Linter } from "eslint";
import { ESLint as ESLint9 } from "eslint9";
import json from "@eslint/json";
import { describe, expect, it } from "vitest";
import mcpLint from "@mcp-lint/eslint-plugin";
import { ROOT } from "./helpers.js";

/**
 * Issue 14: users who configure @eslint/json themselves, as ESLint's docs show. Their block before or after the
 * plugin's configs must neither crash ESLint ("allowTrailingCommas option is only available in JSONC", "Cannot
 * redefine plugin json") nor switch off the plugin's rules; @eslint/json's own rules keep working on MCP files.
 */

const MCP = '{\n  "mcpServers": {\n    "a": { "command": "npx", "args": ["-y", "pkg@1.0.0"] },\n  }\n}\n';
const DUPLICATE = '{\n  "mcpServers": { "a": { "command": "node", "args": ["a.js"] } },\n  "mcpServers": {}\n}\n';

/** ESLint's docs' setup: every .json file with the JSON language and @eslint/json's recommended rules. */
const userJson: Linter.Config[] = [
  { files: ["**/*.json"], plugins: { json }, language: "json/json", rules: json.configs.recommended.rules as Linter.RulesRecord },
];

async function lint(ESLint: typeof ESLint10 | typeof ESLint9, config: Linter.Config[], text: string) {
  const eslint = new (ESLint as typeof ESLint10)({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintText(text, { filePath: `${ROOT}/x/.mcp.json` });
  return result!.messages.map((m) => ({ rule: m.ruleId, line: m.line, fatal: m.fatal ?? false }));
}

describe.each([
  ["ESLint 10", ESLint10],
  ["ESLint 9", ESLint9],
] as const)("%s with the user's own @eslint/json block", (_name, ESLint) => {
  it("before the plugin's configs: the trailing comma is strict-json's finding, json/no-duplicate-keys still runs", async () => {
    const config = [...userJson, ...mcpLint.configs.recommended];
    expect(await lint(ESLint, config, MCP)).toEqual([{ rule: "mcp-lint/strict-json", line: 3, fatal: false }]);
    const dup = await lint(ESLint, config, DUPLICATE);
    expect(dup.map((m) => m.rule)).toContain("json/no-duplicate-keys");
  });

  it("after the plugin's configs: the user's json/json language wins, and a trailing comma is a parse error, not a crash", async () => {
    const config = [...mcpLint.configs.recommended, ...userJson];
    const messages = await lint(ESLint, config, MCP);
    expect(messages).toEqual([{ rule: null, line: 4, fatal: true }]);
    const dup = await lint(ESLint, config, DUPLICATE);
    expect(dup.map((m) => m.rule)).toContain("json/no-duplicate-keys");
  });
});
