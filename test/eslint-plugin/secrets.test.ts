import json from "@eslint/json";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import mcpLint from "@mcp-lint/eslint-plugin";
import "./helpers.js";

// Issue 13: the ESLint plugin's messages pass the same redaction step as the CLI's. Built at run time.
const PASS = ["Xk9mP2", "qR7vT4", "wZ8aB3nL"].join("");

describe("ESLint plugin messages carry no secret", () => {
  it("whatever rule quotes the command line (a fix that would carry it is not offered: ESLint prints fixes)", () => {
    const linter = new Linter({ configType: "flat" });
    const code = JSON.stringify({ mcpServers: { db: { command: `mysql-mcp --password ${PASS}` } } }, null, 2);
    const messages = linter.verify(code, [{ files: ["**/*.json"], plugins: { json, "mcp-lint": mcpLint as never }, language: "json/jsonc", rules: { "mcp-lint/no-command-line": "error", "mcp-lint/no-hardcoded-secrets": "error" } }], ".mcp.json");
    expect(messages.map((m) => m.ruleId).sort()).toEqual(["mcp-lint/no-command-line", "mcp-lint/no-hardcoded-secrets"]);
    for (const m of messages) expect(JSON.stringify(m)).not.toContain(PASS);
  });
});
