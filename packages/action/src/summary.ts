import { codeSpan, escapeCell, getRuleInfo, type Finding, type LintFileResult, type Severity } from "@mcp-lint/core";
import type { ServerProbe } from "@mcp-lint/probe";
import { countsText, plural } from "./annotations.js";

/** GitHub's limit for one step's job summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Room kept for the note that says what was cut. */
const RESERVE_BYTES = 8 * 1024;

const ICON: Record<Severity, string> = { error: "❌ error", warning: "⚠️ warning", info: "ℹ️ info" };

export interface SourceLinks {
  /** e.g. https://github.com */
  serverUrl: string;
  /** owner/name */
  repository: string;
  sha: string;
  /** Path of a result's file inside the repository (forward slashes), or undefined when it is outside. */
  repoPath(file: string): string | undefined;
}

export interface SummaryInput {
  /** The findings reported (after only-changed filtering). */
  results: LintFileResult[];
  /** Markdown lines shown under the headline as a list (only-changed, annotations, SARIF). */
  notes: string[];
  links?: SourceLinks;
  /** Servers probed (probe: true), listed in a table of their own. */
  servers?: ServerProbe[];
  /** Byte limit (default: GitHub's 1 MiB). */
  limit?: number;
}

export interface SummaryOutput {
  markdown: string;
  bytes: number;
  /** Findings not listed because of the size limit. */
  omitted: number;
}

/** Core's: no pipes, line breaks, HTML, links, images or emphasis from the repository's text. */
export { escapeCell };

export function blobUrl(links: SourceLinks, file: string, line?: number): string | undefined {
  const path = links.repoPath(file);
  if (path === undefined) return undefined;
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `${links.serverUrl.replace(/\/+$/, "")}/${links.repository}/blob/${links.sha}/${encoded}${line !== undefined ? `#L${line}` : ""}`;
}

function row(file: string, f: Finding, links: SourceLinks | undefined): string {
  const where = `${f.line}:${f.column}`;
  const url = links ? blobUrl(links, file, f.line) : undefined;
  const rule = getRuleInfo(f.ruleId);
  const ruleCell = rule ? `[${f.ruleId}](${rule.docsUrl})` : escapeCell(f.ruleId);
  return `| ${url ? `[${where}](${url})` : where} | ${ICON[f.severity]} | ${ruleCell} | ${escapeCell(f.message)} |\n`;
}

function fileHeading(file: string, links: SourceLinks | undefined): string {
  const url = links ? blobUrl(links, file) : undefined;
  return `### ${url ? `[${codeSpan(file)}](${url})` : codeSpan(file)}\n\n| Line | Severity | Rule | Message |\n| ---: | --- | --- | --- |\n`;
}

const STATUS: Record<ServerProbe["status"], string> = { ok: "✅ ok", failed: "❌ failed", skipped: "⏭️ skipped", aborted: "⏹️ aborted" };
/** Servers listed at most (the findings below carry every failure anyway). */
const MAX_SERVER_ROWS = 200;

function serverDetail(s: ServerProbe): string {
  if (s.status === "ok") {
    const counts = Object.entries(s.counts ?? {})
      .filter(([, n]) => n !== undefined)
      .map(([kind, n]) => plural(n, kind.replace(/s$/, "")));
    const who = s.server ? `${s.server.name} ${s.server.version}` : "";
    return [who, ...counts].filter(Boolean).join(", ");
  }
  return s.finding ? s.finding.message : "";
}

/** The probe's servers: one row each, linked to the entry in its config file. */
function serverTable(servers: ServerProbe[], links?: SourceLinks): string {
  let out = `### Servers probed\n\n| Server | Config | Transport | Result | Attempts | Time | Detail |\n| --- | --- | --- | --- | ---: | ---: | --- |\n`;
  for (const s of servers.slice(0, MAX_SERVER_ROWS)) {
    const line = s.finding?.line;
    const url = links ? blobUrl(links, s.file, line) : undefined;
    const where = codeSpan(line !== undefined ? `${s.file}:${line}` : s.file);
    out += `| ${codeSpan(s.name)} | ${url ? `[${where}](${url})` : where} | ${s.transport} | ${STATUS[s.status]} | ${s.attempts} | ${(s.durationMs / 1000).toFixed(1)} s | ${escapeCell(serverDetail(s))} |\n`;
  }
  if (servers.length > MAX_SERVER_ROWS) out += `\n${plural(servers.length - MAX_SERVER_ROWS, "more server")} not listed; the log lists every one.\n`;
  return out + "\n";
}

/**
 * The job summary: a headline, the notes, then every finding grouped by file
 * with links to the rule's page and to the line. It stays under `limit` bytes;
 * when the findings do not fit, it stops at a whole row and says how many
 * findings in how many files were left out.
 */
export function buildSummary(input: SummaryInput): SummaryOutput {
  const limit = input.limit ?? SUMMARY_LIMIT_BYTES;
  const { results, links } = input;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const f of r.findings) counts[f.severity]++;
  const total = counts.error + counts.warning + counts.info;
  const withFindings = results.filter((r) => r.findings.length > 0);

  let head = "## mcp-lint\n\n";
  if (total === 0) head += `✅ No problems found in ${plural(results.length, "file")}.\n\n`;
  else
    head += `**${plural(total, "problem")}** (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info, "info")}) in ${plural(withFindings.length, "file")} of ${results.length} checked.\n\n`;
  if (input.notes.length) head += input.notes.map((n) => `- ${n}\n`).join("") + "\n";
  if (input.servers?.length) head += serverTable(input.servers, links);

  const parts: string[] = [head];
  let bytes = Buffer.byteLength(head);
  const budget = limit - RESERVE_BYTES;
  const omittedBySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let omittedFiles = 0;
  let full = false;

  for (const r of withFindings) {
    if (full) {
      omittedFiles++;
      for (const f of r.findings) omittedBySeverity[f.severity]++;
      continue;
    }
    let section = fileHeading(r.file, links);
    let sectionBytes = Buffer.byteLength(section);
    let listed = 0;
    for (const f of r.findings) {
      const line = row(r.file, f, links);
      const lineBytes = Buffer.byteLength(line);
      if (full || bytes + sectionBytes + lineBytes + 1 > budget) {
        full = true;
        omittedBySeverity[f.severity]++;
        continue;
      }
      section += line;
      sectionBytes += lineBytes;
      listed++;
    }
    if (listed > 0) {
      parts.push(section + "\n");
      bytes += sectionBytes + 1;
    }
    if (listed < r.findings.length) omittedFiles++;
  }

  const omitted = omittedBySeverity.error + omittedBySeverity.warning + omittedBySeverity.info;
  if (omitted > 0) {
    const note = `> [!WARNING]\n> The summary stops here to stay under GitHub's 1 MiB limit for a job summary: ${plural(omitted, "more finding")} (${countsText(omittedBySeverity)}) in ${plural(omittedFiles, "file")} ${omitted === 1 ? "is" : "are"} not listed. The step's log lists every finding.\n`;
    parts.push(note);
    bytes += Buffer.byteLength(note);
  }
  const markdown = parts.join("");
  return { markdown, bytes: Buffer.byteLength(markdown), omitted };
}
