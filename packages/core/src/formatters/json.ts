import { resolve } from "node:path";
import { STDIN_NAME, type Finding } from "../model/finding.js";
import type { Formatter } from "./types.js";

const FATAL = new Set(["syntax", "read-error"]);

function message(f: Finding, suppressed: boolean): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity === "error" ? 2 : 1,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...(FATAL.has(f.ruleId) && f.severity === "error" ? { fatal: true } : {}),
    ...(f.fix ? { fix: { range: f.fix.range, text: f.fix.text } } : {}),
    ...(f.suggestions?.length ? { suggestions: f.suggestions.map((s) => ({ desc: s.desc, fix: { range: s.fix.range, text: s.fix.text } })) } : {}),
    ...(suppressed ? { suppressions: [{ kind: "file", justification: "" }] } : {}),
  };
}

/**
 * ESLint's JSON formatter shape (infos become severity 1). `source` and `output`
 * are never included: they may hold secrets.
 */
export const json: Formatter = (results, { cwd }) =>
  JSON.stringify(
    results.map((r) => {
      const counts = { errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
      for (const f of r.findings) {
        if (f.severity === "error") {
          counts.errorCount++;
          if (FATAL.has(f.ruleId)) counts.fatalErrorCount++;
          if (f.fix) counts.fixableErrorCount++;
        } else {
          counts.warningCount++;
          if (f.fix) counts.fixableWarningCount++;
        }
      }
      return {
        filePath: r.file === STDIN_NAME ? r.file : resolve(cwd, r.file),
        messages: r.findings.map((f) => message(f, false)),
        suppressedMessages: (r.suppressed ?? []).map((f) => message(f, true)),
        ...counts,
        usedDeprecatedRules: [],
      };
    }),
  );
