import type { RuleInfo } from "./catalog.js";
import type { CodeRuleMeta } from "./js/index.js";
import type { PythonRule } from "./python/types.js";
import { docsUrl } from "./types.js";

/**
 * The catalog entries of the code rules (JavaScript/TypeScript and Python), worked out from the rules themselves.
 * The catalog does not import the rules for this: it reads the same entries from ./code-rules.generated.ts,
 * which scripts/precompute.mjs writes with this function, so that a run with no MCP code does not load the code
 * rules (in the bundles, does not even parse them). test/core/rules/code-rule-info.test.ts checks the two agree.
 */
export function codeRuleInfos(codeRuleMeta: readonly CodeRuleMeta[], pythonRules: ReadonlyArray<PythonRule<string, Record<string, unknown>>>): RuleInfo[] {
  return [
    ...codeRuleMeta.map(
      (m): RuleInfo => ({
        id: m.id,
        kind: "code",
        description: m.description,
        severity: m.severity,
        recommended: m.recommended,
        fixable: m.fixable,
        hasSuggestions: m.hasSuggestions,
        ...(m.securitySeverity !== undefined ? { securitySeverity: m.securitySeverity } : {}),
        docsUrl: m.docsUrl || docsUrl(m.id),
        schema: m.schema,
        languages: pythonRules.some((p) => p.meta.id === m.id) ? ["js", "python"] : ["js"],
      }),
    ),
    // Python rules with an id of their own (the others share their JavaScript/TypeScript twin's entry above).
    ...pythonRules
      .filter((p) => !codeRuleMeta.some((m) => m.id === p.meta.id))
      .map(
        (p): RuleInfo => ({
          id: p.meta.id,
          kind: "code",
          description: p.meta.description,
          severity: p.meta.severity,
          recommended: p.meta.recommended,
          fixable: p.meta.fixable === true,
          hasSuggestions: p.meta.hasSuggestions === true,
          ...(p.meta.securitySeverity !== undefined ? { securitySeverity: p.meta.securitySeverity } : {}),
          docsUrl: docsUrl(p.meta.id),
          schema: p.meta.schema,
          languages: ["python"],
        }),
      ),
  ];
}
