import type { Finding, Severity } from "../model/finding.js";
import { getRuleInfo } from "../rules/catalog.js";
import { codeSpan, escapeCell } from "./escape.js";
import type { Formatter } from "./types.js";

const ICON: Record<Severity, string> = { error: "❌ error", warning: "⚠️ warning", info: "ℹ️ info" };

export { escapeCell };

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

function ruleCell(f: Finding): string {
  const url = getRuleInfo(f.ruleId)?.docsUrl;
  return url ? `[${f.ruleId}](${url})` : escapeCell(f.ruleId);
}

/** A report for job summaries and pull-request comments. */
export const markdown: Formatter = (results) => {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results)
    for (const f of r.findings) {
      if (f.severity === "error") errors++;
      else if (f.severity === "warning") warnings++;
      else infos++;
    }
  const total = errors + warnings + infos;
  const withProblems = results.filter((r) => r.findings.length > 0);
  const out: string[] = ["## mcp-lint", ""];
  if (total === 0) {
    out.push(`✅ No problems found in ${plural(results.length, "file")}.`);
    return out.join("\n") + "\n";
  }
  out.push(
    `**${total === 1 ? "1 problem" : `${total} problems`}** (${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(infos, "info")}) in ${plural(withProblems.length, "file")} of ${results.length} checked.`,
    "",
  );
  for (const r of withProblems) {
    out.push(`### ${codeSpan(r.file)}`, "", "| Line | Severity | Rule | Message |", "| ---: | --- | --- | --- |");
    for (const f of r.findings) out.push(`| ${f.line}:${f.column} | ${ICON[f.severity]} | ${ruleCell(f)} | ${escapeCell(f.message)} |`);
    out.push("");
  }
  return out.join("\n");
};
