import { lintPythonText } from "../../packages/core/src/code/python/runner.js";
import type { Finding } from "../../packages/core/src/model/finding.js";
import { allRules } from "../../packages/core/src/rules/catalog.js";
import type { RuleSettings } from "../../packages/core/src/engine/lint-config-text.js";

/** Lints Python `text` with only `ruleId` on (at its default severity, with `options`), returning its findings. */
export async function lintPy(ruleId: string, text: string, options: Record<string, unknown> = {}, file = "server.py"): Promise<Finding[]> {
  const rule = allRules.find((r) => r.id === ruleId && r.languages.includes("python"));
  if (!rule) throw new Error(`no Python rule ${ruleId}`);
  const rules: RuleSettings = {};
  for (const r of allRules) rules[r.id] = { severity: "off" };
  rules[ruleId] = { severity: rule.severity, options };
  const result = await lintPythonText(file, text, { rules });
  return result.findings.filter((f) => f.ruleId === ruleId || f.ruleId === "internal-error");
}

/** Compact form for assertions: [line, column, endLine, endColumn, the reported source text]. */
export function located(text: string, findings: Finding[]): Array<[number, number, string]> {
  const lines = text.split(/\r?\n/);
  return findings.map((f) => {
    const slice = f.line === f.endLine ? lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1) : `${lines[f.line - 1]!.slice(f.column - 1)}…`;
    return [f.line, f.column, slice];
  });
}

/** Python source from an indented template literal: strips the common indentation and the first newline. */
export function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""), "");
  const lines = raw.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}
