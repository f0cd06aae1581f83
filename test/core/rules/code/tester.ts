import * as vitest from "vitest";
import { RuleTester } from "@typescript-eslint/rule-tester";

// Wire @typescript-eslint/rule-tester to vitest, as its docs describe.
RuleTester.afterAll = vitest.afterAll;
RuleTester.describe = vitest.describe;
RuleTester.describeSkip = vitest.describe.skip;
RuleTester.it = vitest.it;
RuleTester.itOnly = vitest.it.only;
RuleTester.itSkip = vitest.it.skip;

/** A RuleTester with the default parser (@typescript-eslint/parser) in ES module mode. */
export function tester(): RuleTester {
  return new RuleTester({ languageOptions: { ecmaVersion: "latest", sourceType: "module" } });
}

/** Language options for CommonJS cases (`.cjs` files, `require`). */
export const commonjs = { sourceType: "commonjs" } as const;

export { RuleTester };
