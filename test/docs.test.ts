import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allRules, codeRuleMeta, configRules, docsUrl } from "../packages/core/src/index.js";
import { pythonRules } from "../packages/core/src/rules/python/index.js";

const root = new URL("../", import.meta.url);

/** A "### ❌ Incorrect" section, then a "### ✅ Correct" one, each with a fenced code block. */
function expectExamples(text: string): void {
  const bad = text.indexOf("### ❌ Incorrect");
  const good = text.indexOf("### ✅ Correct");
  expect(bad).toBeGreaterThan(0);
  expect(good).toBeGreaterThan(bad);
  expect(text.slice(bad, good)).toMatch(/```\w+\n[\s\S]+?```/);
  expect(text.slice(good)).toMatch(/```\w+\n[\s\S]+?```/);
}

describe.each(configRules.map((r) => [r.meta.id, r] as const))("rule %s", (id, rule) => {
  const page = new URL(`docs/rules/${id}.md`, root);

  it("has a doc page whose header matches its metadata", () => {
    expect(existsSync(page), `docs/rules/${id}.md`).toBe(true);
    const text = readFileSync(page, "utf8");
    const lines = text.split("\n");
    expect(lines[0]).toBe(`# ${id}`);
    expect(lines[2]).toBe(rule.meta.description);
    expect(text).toContain(
      `<!-- rule-meta: severity=${rule.meta.severity} recommended=${rule.meta.recommended} fixable=${rule.meta.fixable === true} -->`,
    );
  });

  it("shows an incorrect and a correct example", () => {
    expectExamples(readFileSync(page, "utf8"));
  });

  it("has tests next to it in name and a docs URL to its page", () => {
    expect(existsSync(new URL(`test/core/rules/${id}.test.ts`, root)), `test/core/rules/${id}.test.ts`).toBe(true);
    expect(docsUrl(id)).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
  });

  it("has a message for every message id and an options schema", () => {
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(Array.isArray(rule.meta.schema)).toBe(true);
    expect(rule.meta.description).not.toMatch(/TODO/);
  });
});

describe.each(allRules.filter((r) => r.kind === "code").map((r) => [r.id, r] as const))("code rule %s", (id, info) => {
  const page = new URL(`docs/rules/${id}.md`, root);

  it("has a doc page whose header matches its metadata, with an example in each language it checks", () => {
    expect(existsSync(page), `docs/rules/${id}.md`).toBe(true);
    const text = readFileSync(page, "utf8");
    expect(text.split("\n")[0]).toBe(`# ${id}`);
    expect(text).toContain(`<!-- rule-meta: severity=${info.severity} recommended=${info.recommended} fixable=${info.fixable} -->`);
    expect(text).toContain("### ❌ Incorrect");
    if (info.languages.includes("python")) expect(text).toMatch(/```python\n[\s\S]+?```/);
    if (info.languages.includes("js")) expect(text).toMatch(/```(?:ts|js|typescript|javascript)\n[\s\S]+?```/);
    expect(info.description).not.toMatch(/TODO/);
  });

  it("has tests next to it in name, per language", () => {
    if (info.languages.includes("js")) expect(existsSync(new URL(`test/core/rules/js/${id}.test.ts`, root)), `test/core/rules/js/${id}.test.ts`).toBe(true);
    if (info.languages.includes("python")) expect(existsSync(new URL(`test/core/rules/python/${id}.test.ts`, root)), `test/core/rules/python/${id}.test.ts`).toBe(true);
  });
});

describe.each(allRules.filter((r) => r.kind === "probe").map((r) => [r.id, r] as const))("probe rule %s", (id, info) => {
  it("has a doc page whose header matches its metadata, with an incorrect and a correct config", () => {
    const page = new URL(`docs/rules/${id}.md`, root);
    expect(existsSync(page), `docs/rules/${id}.md`).toBe(true);
    const text = readFileSync(page, "utf8");
    const lines = text.split("\n");
    expect([lines[0], lines[2]]).toEqual([`# ${id}`, info.description]);
    expect(text).toContain(`<!-- rule-meta: severity=${info.severity} recommended=${info.recommended} fixable=${info.fixable} -->`);
    expectExamples(text);
  });
});

describe("Python rules", () => {
  it("share the severity, default and docs of the JavaScript/TypeScript rule with the same id", () => {
    for (const p of pythonRules) {
      const js = codeRuleMeta.find((m) => m.id === p.meta.id);
      if (!js) continue;
      expect([p.meta.id, p.meta.severity, p.meta.recommended]).toEqual([js.id, js.severity, js.recommended]);
    }
  });
});
