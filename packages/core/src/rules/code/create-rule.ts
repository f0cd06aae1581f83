import { RuleCreator } from "@typescript-eslint/utils/eslint-utils";
import type { Severity } from "../../finding.js";
import { docsUrl } from "../types.js";

/**
 * `meta.docs` of every code rule: the description, whether the rule is on in
 * the `recommended` set, and the severity it reports at when on (the same
 * shape the config rules carry in their `meta`).
 */
export interface CodeRuleDocs {
  description: string;
  recommended: boolean;
  severity: Exclude<Severity, "info">;
}

/** `ESLintUtils.RuleCreator` bound to the docs URL scheme (docs/rules/<id>.md). */
export const createCodeRule = RuleCreator<CodeRuleDocs>((name) => docsUrl(name));
