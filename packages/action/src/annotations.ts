import type { Finding, LintFileResult, Severity } from "@mcp-lint/core";

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step. */
export const ANNOTATIONS_PER_KIND = 10;

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface Annotation {
  severity: Severity;
  message: string;
  properties: {
    title: string;
    file: string;
    startLine: number;
    endLine: number;
    startColumn?: number;
    endColumn?: number;
  };
}

export interface AnnotationPlan {
  shown: Annotation[];
  /** Findings of each severity left out because of the cap. */
  notShown: Record<Severity, number>;
  totalNotShown: number;
}

/**
 * The annotations to emit: the most severe first (errors, then warnings, then
 * notices), each kind in file and line order and capped at `perKind`, so the
 * ones GitHub keeps are the ones that matter.
 */
export function planAnnotations(results: LintFileResult[], perKind = ANNOTATIONS_PER_KIND): AnnotationPlan {
  const all: Array<{ file: string; order: number; finding: Finding }> = [];
  results.forEach((r, order) => {
    for (const finding of r.findings) all.push({ file: r.file, order, finding });
  });
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  all.sort(
    (a, b) =>
      rank(a.finding.severity) - rank(b.finding.severity) ||
      a.order - b.order ||
      a.finding.line - b.finding.line ||
      a.finding.column - b.finding.column ||
      a.finding.ruleId.localeCompare(b.finding.ruleId),
  );
  const taken: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const notShown: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const shown: Annotation[] = [];
  for (const { file, finding: f } of all) {
    if (taken[f.severity] >= perKind) {
      notShown[f.severity]++;
      continue;
    }
    taken[f.severity]++;
    const endLine = Math.max(f.line, f.endLine);
    shown.push({
      severity: f.severity,
      message: f.message,
      properties: {
        title: f.ruleId,
        file,
        startLine: f.line,
        endLine,
        // GitHub accepts columns only when an annotation starts and ends on the same line.
        ...(endLine === f.line ? { startColumn: f.column, endColumn: Math.max(f.column, f.endColumn) } : {}),
      },
    });
  }
  return { shown, notShown, totalNotShown: notShown.error + notShown.warning + notShown.info };
}

export function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

/** "4 errors, 1 warning and 8 infos" (zero counts left out). */
export function countsText(counts: Record<Severity, number>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => plural(counts[s], s));
  if (parts.length <= 1) return parts[0] ?? "none";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** The log and summary line about annotations GitHub would not show, or undefined when all were shown. */
export function notShownText(plan: AnnotationPlan, perKind = ANNOTATIONS_PER_KIND): string | undefined {
  if (plan.totalNotShown === 0) return undefined;
  return `${plural(plan.totalNotShown, "finding")} (${countsText(plan.notShown)}) ${plan.totalNotShown === 1 ? "is" : "are"} not shown as annotations: GitHub shows at most ${perKind} error, ${perKind} warning and ${perKind} notice annotations per step.`;
}
