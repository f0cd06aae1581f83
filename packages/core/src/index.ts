export * from "./api.js";
// The code rules and their runner: the bundles leave them out of what every run loads (see ./api.ts).
export { codeRules, codeRuleMeta, type CodeRule, type CodeRuleMeta } from "./rules/js/index.js";
export { lintSourceText, type LintSourceOptions } from "./code/js/runner.js";
