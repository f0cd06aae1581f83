/**
 * The finding model shared by every rule (config and code), the runner, the
 * formatters and every front end. Positions are 1-based; `endColumn` points
 * just past the last character, as in ESLint.
 */
export type Severity = "error" | "warning" | "info";
export type SeveritySetting = Severity | "off";

export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A text edit over the original source: replace `range` (offsets) with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: Fix;
}

export interface Finding extends SourceRange {
  ruleId: string;
  severity: Severity;
  /** What is wrong and what to do about it. Never contains a secret value. */
  message: string;
  /** Path of the linted file as given to the runner. */
  file: string;
  /** JSON pointer of the key or value the finding is about ("" = document). */
  pointer: string;
  /** Stable across edits: hash of rule id, file and pointer. */
  fingerprint: string;
  fix?: Fix;
  suggestions?: Suggestion[];
}

export const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The configured severity, lowered to a report's own cap (a rule's milder case): never raised. */
export function capSeverity(configured: Severity, cap: Severity | undefined): Severity {
  return cap !== undefined && severityRank[cap] < severityRank[configured] ? cap : configured;
}

/** Order findings by position, then rule id, so every output is deterministic. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** How text linted from stdin without --stdin-filename is named in results (as ESLint names it). */
export const STDIN_NAME = "<text>";
