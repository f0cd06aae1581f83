import { expect } from "vitest";
import { lintConfigText, type FileResult, type LintTextOptions } from "../../packages/core/src/index.js";
import type { Finding } from "../../packages/core/src/model/finding.js";
import { applyFixes } from "../../packages/core/src/engine/fix.js";
import { configRules } from "../../packages/core/src/rules/index.js";

/** Lints `text` as `file` with only `ruleId` on (at its own severity), returning its findings. */
export function lintRule(ruleId: string, file: string, text: string, options: Record<string, unknown> = {}, extra: LintTextOptions = {}): Finding[] {
  const rule = configRules.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const rules = Object.fromEntries(configRules.map((r) => [r.meta.id, { severity: "off" as const }]));
  rules[ruleId] = { severity: rule.meta.severity, options } as never;
  const result: FileResult = lintConfigText(file, text, { ...extra, rules });
  return result.findings;
}

/** The compact form tests assert on: [line, column, endLine, endColumn, message-fragment-free]. */
export function positions(findings: Finding[]): Array<[number, number, number, number]> {
  return findings.map((f) => [f.line, f.column, f.endLine, f.endColumn]);
}

/** The source slice a finding points at. */
export function slice(text: string, f: Finding): string {
  const lines = text.split(/\r?\n/);
  if (f.line === f.endLine) return lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1);
  const parts = [lines[f.line - 1]!.slice(f.column - 1)];
  for (let l = f.line; l < f.endLine - 1; l++) parts.push(lines[l]!);
  parts.push(lines[f.endLine - 1]!.slice(0, f.endColumn - 1));
  return parts.join("\n");
}

/** Applies the findings' fixes once, as `--fix` does in one pass. */
export function fixed(text: string, findings: Finding[]): string {
  return applyFixes(text, findings.flatMap((f) => (f.fix ? [f.fix] : []))).output;
}

/** Applies the first suggestion of a finding. */
export function suggested(text: string, finding: Finding, index = 0): string {
  const s = finding.suggestions?.[index];
  if (!s) throw new Error("finding has no suggestion");
  return applyFixes(text, [s.fix]).output;
}

/** A finding lies inside the file (lines, columns) and says something: what every property test over hostile text checks. */
export function assertInside(text: string, f: Finding): void {
  const lines = text.split(/\r\n|\r|\n/);
  expect(f.line).toBeGreaterThanOrEqual(1);
  expect(f.endLine).toBeLessThanOrEqual(lines.length);
  expect(f.line).toBeLessThanOrEqual(f.endLine);
  expect(f.column).toBeGreaterThanOrEqual(1);
  expect(f.column).toBeLessThanOrEqual(lines[f.line - 1]!.length + 1);
  expect(f.endColumn).toBeLessThanOrEqual(lines[f.endLine - 1]!.length + 1);
  if (f.line === f.endLine) expect(f.column).toBeLessThanOrEqual(f.endColumn);
  expect(typeof f.message).toBe("string");
  expect(f.message.length).toBeGreaterThan(0);
}
