import { applyDefault, RuleCreator } from "@typescript-eslint/utils/eslint-utils";
import type { RuleModule, RuleWithMetaAndName } from "@typescript-eslint/utils/eslint-utils";
import type { Severity } from "../../model/finding.js";
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
  /** A security rule: SARIF `security` tag and this `security-severity` (0.0–10.0). */
  securitySeverity?: number;
  /**
   * The most a finding with this message id may be (a rule whose cases differ: an error for one kind, a warning for a
   * heuristic kind). Never raises the configured severity. The ESLint plugin reports at ESLint's configured level.
   */
  messageMaxSeverity?: Readonly<Record<string, Severity>>;
}

const createNamedRule = RuleCreator<CodeRuleDocs>((name) => docsUrl(name));

/** Distinct option values remembered per rule (a config has one; tests a few dozen at most). */
const MAX_OPTION_VALUES = 64;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * `ESLintUtils.RuleCreator` bound to the docs URL scheme (docs/rules/<id>.md).
 *
 * RuleCreator's `create()` merges the user's options over `meta.defaultOptions`
 * (`structuredClone` + deep merge) for every rule on every file. The result
 * depends only on the options given, so it is merged once per distinct options
 * value and then reused (deep-frozen: rules only read their options). The rule is
 * otherwise RuleCreator's own (meta, docs URL, name, defaults).
 */
export function createCodeRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<RuleWithMetaAndName<Options, MessageIds, CodeRuleDocs>>,
): RuleModule<MessageIds, Options, CodeRuleDocs> & { name: string } {
  const rule = createNamedRule<Options, MessageIds>(spec);
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Options;
  const merged = new Map<string, Readonly<Options>>();
  return {
    ...rule,
    create(context) {
      const key = context.options.length === 0 ? "" : JSON.stringify(context.options);
      let options = merged.get(key);
      if (options === undefined) {
        options = deepFreeze(applyDefault<Options, Options>(defaults, context.options));
        if (merged.size >= MAX_OPTION_VALUES) merged.clear();
        merged.set(key, options);
      }
      return spec.create(context, options);
    },
  };
}
