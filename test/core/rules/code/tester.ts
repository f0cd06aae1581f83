import * as vitest from "vitest";
import { RuleTester } from "@typescript-eslint/rule-tester";
import { mightBeMcpCode } from "../../../../packages/core/src/code/prefilter.js";

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
    const [name, , tests] = args;
    vitest.describe(`${name}: code-pass prefilter`, () => {
      vitest.it("lets every invalid case through", () => {
        for (const c of tests.invalid) vitest.expect(mightBeMcpCode(c.code), c.code).toBe(true);
      });
    });
  }
}

/** A RuleTester with the default parser (@typescript-eslint/parser) in ES module mode. */
export function tester(): RuleTester {
  return new PrefilterCheckingTester({ languageOptions: { ecmaVersion: "latest", sourceType: "module" } });
}

/** Language options for CommonJS cases (`.cjs` files, `require`). */
export const commonjs = { sourceType: "commonjs" } as const;

export { RuleTester };
