import { delaySeconds, plural } from "./messages.js";
import { stripControl } from "./redact.js";
import { COMMAND_LINE } from "./target.js";
import type { ProbeProgress, ServerProbe } from "./types.js";

/** Output for the CLI: the end-of-run table and one line per server state (no ANSI in progress lines). */

const ANSI = /\u001b\[\d+m/g;

function styles(color: boolean) {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "everything 2.0.0 (2025-06-18) · 12 tools · 7 resources · 4 prompts": name, version, protocol version, counts. */
function details(s: ServerProbe): string {
  if (s.status === "ok") {
    const parts: string[] = [];
    if (s.server) {
      const protocol = s.server.protocolVersion ? `(${s.server.protocolVersion})` : "";
      const who = [s.server.name, s.server.version, protocol].filter((p) => p !== "").join(" ");
      if (who !== "") parts.push(who);
    }
    if (s.counts?.tools !== undefined) parts.push(plural(s.counts.tools, "tool"));
    if (s.counts?.resources !== undefined) parts.push(plural(s.counts.resources, "resource"));
    if (s.counts?.prompts !== undefined) parts.push(plural(s.counts.prompts, "prompt"));
    if (s.finding) parts.push(s.finding.ruleId);
    return parts.join(" · ");
  }
  return s.finding?.ruleId ?? "";
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.replace(ANSI, "").length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell + " ".repeat(widths[i]! - cell.replace(ANSI, "").length))
        .join("  ")
        .replace(/\s+$/, ""),
    )
    .join("\n");
}

/** The summary table printed at the end of a probe run, with a totals line. */
export function formatProbeTable(servers: ServerProbe[], options: { color?: boolean } = {}): string {
  const c = styles(options.color === true);
  if (servers.length === 0) return "No MCP servers to probe.\n";
  const paint: Record<ServerProbe["status"], (s: string) => string> = { ok: c.green, failed: c.red, skipped: c.yellow, aborted: c.dim };
  const rows: string[][] = [["Server", "Config", "Transport", "Target", "Status", "Tries", "Time", "Details"].map(c.bold)];
  for (const s of servers) {
    const cells = [s.name, s.file, s.transport, s.target].map(stripControl);
    rows.push([...cells, paint[s.status](s.status), String(s.attempts), duration(s.durationMs), stripControl(details(s))]);
  }
  const totals = (["ok", "failed", "skipped", "aborted"] as const)
    .map((status) => [status, servers.filter((s) => s.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => paint[status](`${n} ${status}`));
  return `${table(rows)}\n\n${plural(servers.length, "server")}: ${totals.join(", ")}\n`;
}

/** One line per server state, for a TTY progress line (no ANSI). */
export function formatProgressLine(event: ProbeProgress): string {
  const who = stripControl(event.file === COMMAND_LINE ? event.name : `${event.name} (${event.file})`);
  switch (event.type) {
    case "start":
      return `${who}: starting ${event.transport} ${stripControl(event.target)}`;
    case "attempt":
      return `${who}: attempt ${event.attempt}${event.maxAttempts > 0 ? `/${event.maxAttempts}` : ""}`;
    case "retry-wait":
      return `${who}: retry ${event.retry}${event.retries > 0 ? `/${event.retries}` : ""} in ${delaySeconds(event.delayMs)} s: ${stripControl(event.reason)}`;
    case "done": {
      const p = event.probe;
      const info = stripControl(details(p));
      const tries = p.attempts > 1 ? `, ${plural(p.attempts, "attempt")}` : "";
      return `${who}: ${p.status}${info ? ` · ${info}` : ""} (${duration(p.durationMs)}${tries})`;
    }
  }
}
