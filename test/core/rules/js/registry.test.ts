import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Linter } from "eslint";
import * as tsParser from "@typescript-eslint/parser";
import { codeRuleMeta, codeRules, getCodeRule } from "../../../../packages/core/src/rules/js/index.js";
import { configRules, docsUrl } from "../../../../packages/core/src/rules/index.js";

const root = new URL("../../../..", import.meta.url);

describe("code rule registry", () => {
  it("keys match rule names and never collide with config rule ids", () => {
    for (const [id, rule] of Object.entries(codeRules)) expect(rule.name).toBe(id);
    const configIds = new Set(configRules.map((r) => r.meta.id));
    expect(Object.keys(codeRules).filter((id) => configIds.has(id))).toEqual([]);
    expect(getCodeRule("await-mcp-connect")).toBe(codeRules["await-mcp-connect"]);
    expect(getCodeRule("toString")).toBeUndefined();
  });

  it("the metadata list mirrors the rules", () => {
    expect(codeRuleMeta.map((m) => m.id)).toEqual(Object.keys(codeRules));
    const m = codeRuleMeta.find((x) => x.id === "no-stdio-command-line")!;
    expect(m).toMatchObject({ severity: "error", recommended: true, fixable: true, hasSuggestions: false, type: "problem" });
  });
});

describe.each(codeRuleMeta.map((m) => [m.id, m] as const))("code rule %s", (id, meta) => {
  const page = new URL(`docs/rules/${id}.md`, root);

  it("has meta.docs with description, recommended, severity and the docs URL", () => {
    expect(meta.description.length).toBeGreaterThan(10);
    expect(["error", "warning"]).toContain(meta.severity);
    expect(typeof meta.recommended).toBe("boolean");
    expect(meta.docsUrl).toBe(docsUrl(id));
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    expect(meta.schema.length).toBe(meta.defaultOptions.length);
  });

  it("has a doc page whose header matches its metadata", () => {
    expect(existsSync(page), `docs/rules/${id}.md`).toBe(true);
    const text = readFileSync(page, "utf8");
    const lines = text.split("\n");
    expect(lines[0]).toBe(`# ${id}`);
    expect(lines[2]).toBe(meta.description);
    expect(lines[4]).toBe(`<!-- rule-meta: severity=${meta.severity} recommended=${meta.recommended} fixable=${meta.fixable} -->`);
    const badge = [
      `${meta.severity === "error" ? "❌ Error" : "⚠️ Warning"} in \`${meta.recommended ? "recommended" : "strict"}\``,
      ...(meta.fixable ? ["🔧 Fixable with `--fix`"] : []),
      ...(meta.hasSuggestions ? ["💡 Has suggestions"] : []),
      ...(meta.securitySeverity !== undefined ? [`🛡️ Security rule (SARIF \`security-severity\` ${meta.securitySeverity.toFixed(1)})`] : []),
    ].join(" · ");
    expect(lines[5]).toBe(badge);
  });

  it("shows incorrect and correct TypeScript/JavaScript examples", () => {
    const text = readFileSync(page, "utf8");
    const bad = text.indexOf("### ❌ Incorrect");
    const good = text.indexOf("### ✅ Correct");
    expect(bad).toBeGreaterThan(0);
    expect(good).toBeGreaterThan(bad);
    expect(text.slice(bad, good)).toMatch(/```(ts|js)\n[\s\S]+?```/);
    expect(text.slice(good)).toMatch(/```(ts|js)\n[\s\S]+?```/);
    expect(text).toContain("## Options");
  });

  it("has its tests", () => {
    expect(existsSync(new URL(`test/core/rules/js/${id}.test.ts`, root)), `test/core/rules/js/${id}.test.ts`).toBe(true);
  });
});

describe.each(codeRuleMeta.map((m) => [m.id] as const))("doc examples of %s", (id) => {
  const text = readFileSync(new URL(`docs/rules/${id}.md`, root), "utf8");
  const bad = text.indexOf("### ❌ Incorrect");
  const good = text.indexOf("### ✅ Correct");
  const end = text.indexOf("\n## ", good);
  const blocks = (section: string) => [...section.matchAll(/```(ts|js)\n([\s\S]+?)```/g)].map((m) => ({ lang: m[1]!, code: m[2]! }));

  function lint(lang: string, code: string) {
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(
      code,
      [
        {
          files: ["**/*.ts", "**/*.mjs"],
          plugins: { mcp: { rules: { [id]: codeRules[id] as never } } },
          rules: { [`mcp/${id}`]: "error" },
          languageOptions: { parser: tsParser as never, ecmaVersion: "latest", sourceType: "module" },
        },
      ],
      { filename: lang === "ts" ? "example.ts" : "example.mjs" },
    );
    expect(messages.filter((m) => m.ruleId !== `mcp/${id}`)).toEqual([]);
    return messages;
  }

  it("every incorrect example is reported", () => {
    const examples = blocks(text.slice(bad, good));
    expect(examples.length).toBeGreaterThan(0);
    for (const { lang, code } of examples) expect(lint(lang, code).length, code).toBeGreaterThan(0);
  });

  it("no correct example is reported", () => {
    const examples = blocks(text.slice(good, end < 0 ? undefined : end));
    expect(examples.length).toBeGreaterThan(0);
    for (const { lang, code } of examples) expect(lint(lang, code), code).toEqual([]);
  });
});
