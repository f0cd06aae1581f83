import * as vitest from "vitest";
import { RuleTester } from "@typescript-eslint/rule-tester";
import * as espree from "espree";
import { mightBeMcpCode } from "../../../../packages/core/src/code/js/prefilter.js";

// Wire @typescript-eslint/rule-tester to vitest, as its docs describe.
RuleTester.afterAll = vitest.afterAll;
RuleTester.describe = vitest.describe;
RuleTester.describeSkip = vitest.describe.skip;
RuleTester.it = vitest.it;
RuleTester.itOnly = vitest.it.only;
RuleTester.itSkip = vitest.it.skip;

/**
 * The code pass parses only files its text prefilter lets through (packages/core/src/code/prefilter.ts): every
 * rule's invalid cases must pass it, or the CLI would never report them. So each rule's tests also check that.
 */
class PrefilterCheckingTester extends RuleTester {
  override run(...args: Parameters<RuleTester["run"]>): void {
    super.run(...args);
    const [name, rule, tests] = args;
    vitest.describe(`${name}: code-pass prefilter`, () => {
      vitest.it("lets every invalid case through", () => {
        for (const c of tests.invalid) vitest.expect(mightBeMcpCode(c.code), c.code).toBe(true);
      });
    });
    // The code pass parses .js/.mjs/.cjs files with espree: every case that is JavaScript runs again on espree, with
    // the same expected results.
    const js = <T extends { code: string; languageOptions?: { sourceType?: unknown } }>(c: T): boolean => parsesAsJavaScript(c.code, c.languageOptions?.sourceType);
    const valid = tests.valid.filter((c) => js(typeof c === "string" ? { code: c } : c));
    const invalid = tests.invalid.filter(js);
    if (valid.length + invalid.length > 0) {
      new RuleTester({ languageOptions: { parser: espree, ecmaVersion: "latest", sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } } }).run(
        `${name} (espree)`,
        rule,
        { valid, invalid },
      );
    }
  }
}

/** Does espree parse this code (so it is JavaScript, not TypeScript)? */
function parsesAsJavaScript(code: string, sourceType: unknown): boolean {
  try {
    espree.parse(code, { ecmaVersion: "latest", sourceType: sourceType === "commonjs" ? "commonjs" : sourceType === "script" ? "script" : "module", ecmaFeatures: { jsx: true } });
    return true;
  } catch {
    return false;
  }
}

/** A RuleTester with the default parser (@typescript-eslint/parser) in ES module mode. */
export function tester(): RuleTester {
  return new PrefilterCheckingTester({ languageOptions: { ecmaVersion: "latest", sourceType: "module" } });
}

/** Language options for CommonJS cases (`.cjs` files, `require`). */
export const commonjs = { sourceType: "commonjs" } as const;

export { RuleTester };
