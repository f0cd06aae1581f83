import { escapeControl } from "./escape.js";
import type { Formatter } from "./types.js";

/** @actions/core's escaping of a workflow command's message. */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** @actions/core's escaping of a workflow command's property values. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

/** GitHub Actions workflow commands: one annotation per finding. */
export const github: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const props = [
        `file=${escapeProperty(escapeControl(r.file))}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(",");
      lines.push(`::${COMMAND[f.severity]} ${props}::${escapeData(escapeControl(f.message))}`);
    }
  }
  return lines.length ? lines.join("\n") + "\n" : "";
};
