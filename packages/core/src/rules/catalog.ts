import type { Severity, SeveritySetting } from "../model/finding.js";
import { CODE_RULE_INFOS } from "./code-rules.generated.js";
import { configRules } from "./index.js";
import { PROBE_RULE_DEFAULTS } from "./probe-rules.js";
import { docsUrl } from "./types.js";

/**
 * One metadata list for every rule, config and code alike: what config
 * validation, --list-rules, the formatters and the docs table read.
 */
export interface RuleInfo {
  id: string;
  /**
   * "config": a pure function over a config document; "code": an ESLint rule over TSESTree (or the Python pass);
   * "probe": a finding of `mcp-lint probe` (packages/probe), located in a config file, never made by the static run.
   */
  kind: "config" | "code" | "probe";
  description: string;
  severity: Severity;
  recommended: boolean;
  fixable: boolean;
  hasSuggestions: boolean;
  /** Security rules only: SARIF `security-severity` (0.0–10.0); the descriptor is tagged `security`. */
  securitySeverity?: number;
  docsUrl: string;
  /** ESLint-style options schema: one options object. */
  schema: readonly unknown[];
  /** Languages a code rule checks ("js" covers JavaScript and TypeScript); empty for config and probe rules. */
  languages: ReadonlyArray<"js" | "python">;
}

export const allRules: readonly RuleInfo[] = Object.freeze([
  ...configRules.map(
    (r): RuleInfo => ({
      id: r.meta.id,
      kind: "config",
      description: r.meta.description,
      severity: r.meta.severity,
      recommended: r.meta.recommended,
      fixable: r.meta.fixable === true,
      hasSuggestions: r.meta.hasSuggestions === true,
      ...(r.meta.securitySeverity !== undefined ? { securitySeverity: r.meta.securitySeverity } : {}),
      docsUrl: docsUrl(r.meta.id),
      schema: r.meta.schema,
      languages: [],
    }),
  ),
  // The code rules' entries, generated from the rules (./code-rule-info.ts), which are loaded only to lint code.
  ...(CODE_RULE_INFOS as readonly RuleInfo[]),
  ...PROBE_RULE_DEFAULTS.map(
    (r): RuleInfo => ({
      id: r.id,
      kind: "probe",
      description: r.description,
      severity: r.severity,
      recommended: true,
      fixable: false,
      hasSuggestions: false,
      ...(r.securitySeverity !== undefined ? { securitySeverity: r.securitySeverity } : {}),
      docsUrl: docsUrl(r.id),
      schema: [],
      languages: [],
    }),
  ),
]);

const byId = new Map(allRules.map((r) => [r.id, r]));

export function getRuleInfo(id: string): RuleInfo | undefined {
  return byId.get(id);
}

export type Preset = "recommended" | "strict" | "all";

/** Severity of every rule (config and code) under a preset: recommended rules, or all of them. */
export function presetSeverities(preset: Preset = "recommended"): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const r of allRules) out[r.id] = preset !== "recommended" || r.recommended ? r.severity : "off";
  return out;
}

let ruleIds: ReadonlySet<string> | undefined;
/** Every rule id (config, JS/TS and Python), for checking names in directives. */
export function ruleIdSet(): ReadonlySet<string> {
  return (ruleIds ??= new Set(allRules.map((r) => r.id)));
}
