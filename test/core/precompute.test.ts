import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allRules } from "../../packages/core/src/rules/catalog.js";
import { codeRuleInfos } from "../../packages/core/src/rules/code-rule-info.js";
import { CODE_RULE_INFOS } from "../../packages/core/src/rules/code-rules.generated.js";
import { codeRuleMeta } from "../../packages/core/src/rules/js/index.js";
import { pythonRules } from "../../packages/core/src/rules/python/index.js";

/*
 * scripts/precompute.mjs writes what a run used to work out at every start: the schemas' validators
 * (test/core/schema-standalone.test.ts compares them with ajv's run-time compilation) and the code rules' catalog
 * entries, which let the catalog leave the code rules unloaded.
 */

const ROOT = join(import.meta.dirname, "../..");

describe("precomputed sources", () => {
  it("the code rules' catalog entries are the ones the rules give", () => {
    const fromRules = codeRuleInfos(codeRuleMeta, pythonRules);
    expect(fromRules.length).toBeGreaterThan(20);
    expect(CODE_RULE_INFOS).toEqual(fromRules);
    // In the catalog, after the config rules, in that order.
    expect(allRules.filter((r) => r.kind === "code")).toEqual(fromRules);
  });

  it("are what scripts/precompute.mjs writes (run it after changing a schema, a dialect or a code rule's meta)", () => {
    // It reads packages/core/dist: `npx tsc -b` first (npm test builds before it tests).
    const r = spawnSync(process.execPath, [join(ROOT, "scripts/precompute.mjs"), "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
