import { join } from "node:path";
import { fingerprint, readProblemText, readRegularFile, writeFileSafely, writeProblemReason, UsageError, type Finding, type LintFileResult } from "@mcp-lint/core";
import { LOCK_FILE, changeMessage, compareSurface, formatLock, lockKey, parseLock, toolCollisions, type ServerSurface } from "./lock.js";
import { RULES } from "./messages.js";
import { visibleName } from "./redact.js";
import type { Diagnosis, ServerFacts } from "./session.js";

/** One probed server and what it listed (when it answered). */
export interface SurfaceServer {
  file: string;
  name: string;
  dialect: string;
  pointer: string;
  /** Raw list results (the live tool list, for scans of what servers really return). */
  listed?: ServerFacts["listed"];
  surface?: ServerSurface;
  /** Locates a diagnosis in the server's config file (`fingerprintKey` tells findings at one entry apart). */
  at: (d: Diagnosis & { fingerprintKey?: string }) => Finding;
}

export interface SurfaceChecks {
  findings: Finding[];
  /** Results of files other than the configs (the lock file itself, when it cannot be read). */
  extraResults: LintFileResult[];
  lockWritten?: string;
}

/** Dialects whose client keeps tools of different servers apart (Claude Code: `mcp__<server>__<tool>`), or no client. */
const NAMESPACED = new Set(["claude-code", "mcp-registry"]);

function lockFinding(message: string, source: string, range: [number, number]): LintFileResult {
  const before = source.slice(0, Math.min(range[0], source.length)).split("\n");
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const finding: Finding = {
    ruleId: RULES.lockInvalid,
    severity: "warning",
    message,
    file: LOCK_FILE,
    pointer: "",
    fingerprint: fingerprint(RULES.lockInvalid, LOCK_FILE, ""),
    line,
    column,
    endLine: line,
    endColumn: column,
  };
  return { file: LOCK_FILE, dialect: "generic", findings: [finding] };
}

/** Reads mcp-lint.lock.json in cwd: the lock, nothing (no file), or a located problem. */
function readLock(cwd: string): { servers?: Record<string, ServerSurface>; problem?: LintFileResult } {
  let source: string;
  try {
    source = readRegularFile(join(cwd, LOCK_FILE), cwd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    return { problem: lockFinding(readProblemText(error, LOCK_FILE), "", [0, 0]) };
  }
  const parsed = parseLock(LOCK_FILE, source);
  if ("problem" in parsed) return { problem: lockFinding(parsed.problem.message, source, parsed.problem.range) };
  return { servers: parsed.lock.servers };
}

/**
 * After a probe of config files: writes the lock, or compares every server that answered with its locked surface,
 * and reports tool names offered by two servers of one config file.
 */
export function surfaceChecks(servers: SurfaceServer[], cwd: string, mode: "compare" | "write" | "off"): SurfaceChecks {
  const out: SurfaceChecks = { findings: [], extraResults: [] };

  // Collisions, per config file (a client loads one file's servers together).
  const byFile = new Map<string, SurfaceServer[]>();
  for (const s of servers) if (!NAMESPACED.has(s.dialect)) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  for (const group of byFile.values()) {
    for (const c of toolCollisions(group.map((s) => s.surface))) {
      const owners = c.servers.map((i) => group[i]!);
      for (const s of owners.slice(1)) {
        const first = owners[0]!;
        const message =
          `Tool ${visibleName(c.tool)} of server ${visibleName(s.name)} has the same name as a tool of server ${visibleName(first.name)}. ` +
          `MCP gives tool names no per-server namespace: a client that does not add one itself shows the model two tools with one name, and which server a call reaches is up to the client. Rename one (or prefix the tools of one server).`;
        out.findings.push(s.at({ ruleId: RULES.duplicateToolName, severity: "warning", message, pointer: s.pointer, part: "key", fingerprintKey: c.tool }));
      }
    }
  }

  if (mode === "off") return out;
  const { servers: locked, problem } = readLock(cwd);
  if (mode === "write") {
    const next: Record<string, ServerSurface> = {};
    // A server that did not answer keeps what was locked for it (a failure is not "every tool removed").
    for (const s of servers) {
      const key = lockKey(s.file, s.name);
      if (s.surface) next[key] = s.surface;
      else if (locked?.[key]) next[key] = locked[key];
    }
    try {
      writeFileSafely(join(cwd, LOCK_FILE), formatLock(next), { root: cwd });
    } catch (error) {
      throw new UsageError(`Cannot write ${LOCK_FILE}: ${writeProblemReason(error)}.`);
    }
    out.lockWritten = LOCK_FILE;
    return out;
  }
  if (problem) {
    out.extraResults.push(problem);
    return out;
  }
  if (!locked) return out;
  for (const s of servers) {
    const before = Object.hasOwn(locked, lockKey(s.file, s.name)) ? locked[lockKey(s.file, s.name)] : undefined;
    // Not answering is reported as such by the probe; a server not in the lock has nothing to compare with.
    if (!s.surface || !before) continue;
    for (const change of compareSurface(before, s.surface)) {
      // One fingerprint per change: code scanning would merge results that share one into a single alert.
      const fingerprintKey = `${change.kind}\0${change.name}\0${change.change}`;
      out.findings.push(s.at({ ruleId: RULES.toolSurfaceChanged, severity: "warning", message: changeMessage(s.name, change), pointer: s.pointer, part: "key", fingerprintKey }));
    }
  }
  return out;
}
