import type { Severity } from "../model/finding.js";
import type { LintFileResult } from "../engine/lint-files.js";

/** A finding source outside the rule catalog (the probe's diagnoses), described for SARIF and links. */
export interface ExtraRule {
  id: string;
  description: string;
  severity: Severity;
  docsUrl: string;
  /** Security rules: GitHub's 0.0–10.0 `security-severity` (SARIF then also tags the rule `security`). */
  securitySeverity?: number;
}

export interface FormatterContext {
  /** Folder the result paths are relative to. */
  cwd: string;
  /** Emit ANSI colours (stylish only). The front end decides; core never looks at the terminal. */
  color?: boolean;
  /** mcp-lint version, for SARIF's tool.driver. */
  version?: string;
  /** Rule ids the findings may carry beyond the catalog's (e.g. the probe's). */
  extraRules?: readonly ExtraRule[];
}

export type Formatter = (results: LintFileResult[], context: FormatterContext) => string;
