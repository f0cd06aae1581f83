import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configRules, docsUrl } from "../packages/core/src/index.js";

const root = new URL("../", import.meta.url);

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
    const text = readFileSync(page, "utf8");
    const bad = text.indexOf("### ❌ Incorrect");
    const good = text.indexOf("### ✅ Correct");
    expect(bad).toBeGreaterThan(0);
    expect(good).toBeGreaterThan(bad);
    expect(text.slice(bad, good)).toMatch(/```\w+\n[\s\S]+?```/);
    expect(text.slice(good)).toMatch(/```\w+\n[\s\S]+?```/);
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
