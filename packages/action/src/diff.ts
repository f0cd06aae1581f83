import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import type { LintFileResult } from "@mcp-lint/core";

/** Inclusive 1-based line ranges [first, last] per file. */
export type ChangedLines = Map<string, Array<[number, number]>>;

const C_ESCAPES: Record<string, string> = { a: "\x07", b: "\b", t: "\t", n: "\n", v: "\v", f: "\f", r: "\r", '"': '"', "\\": "\\" };

/** Git's C-style quoting of unusual paths (`"b/a\tb"`, octal bytes for non-ASCII) undone. */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[i + 1] ?? "";
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(...Buffer.from(C_ESCAPES[next] ?? next, "utf8"));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/**
 * The lines each file gained or changed, from `git diff --unified=0` output with
 * `a/` and `b/` prefixes. Hunk bodies are skipped by count, so an added line that
 * happens to start with "++ " is never taken for a file header.
 */
export function parseUnifiedDiff(diff: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: Array<[number, number]> | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of diff.split("\n")) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith("-")) oldLeft--;
      else if (line.startsWith("+")) newLeft--;
      else if (line.startsWith(" ")) {
        oldLeft--;
        newLeft--;
      }
      continue; // "\ No newline at end of file" counts as neither
    }
    if (line.startsWith("+++ ")) {
      const target = line.slice(4).replace(/\t$/, "");
      if (target === "/dev/null") {
        current = undefined;
        continue;
      }
      const path = unquoteGitPath(target);
      const name = path.startsWith("b/") ? path.slice(2) : path;
      current = changed.get(name) ?? [];
      changed.set(name, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const start = Number(hunk[2]);
      const count = hunk[3] === undefined ? 1 : Number(hunk[3]);
      newLeft = count;
      if (count > 0 && current) current.push([start, start + count - 1]);
    }
  }
  return changed;
}

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" },
  });
}

/** The first line git wrote on stderr, or the error's own message. */
export function gitFailure(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const text = typeof stderr === "string" && stderr.trim() ? stderr : error instanceof Error ? error.message : String(error);
  return text.trim().split("\n")[0]!.trim();
}

/** The repository's top folder, or undefined when `cwd` is not in a git work tree. */
export function gitTopLevel(cwd: string): string | undefined {
  try {
    const top = git(cwd, ["rev-parse", "--show-toplevel"]).trim();
    return top ? realpathSync(top) : undefined;
  } catch {
    return undefined;
  }
}

/** The commit checked out in `cwd` (40 hex digits), or undefined. */
export function gitHead(cwd: string): string | undefined {
  try {
    const sha = git(cwd, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).trim();
    return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lines added or changed between the merge base of `base` and HEAD, keyed by
 * path relative to `workspace` (forward slashes). Runs only `git rev-parse`
 * and `git diff` with external diff drivers and textconv filters turned off,
 * so nothing from the repository is executed. Throws with git's message.
 */
export function changedLinesSince(workspace: string, base: string): ChangedLines {
  if (!/^[0-9a-f]{7,64}$/i.test(base)) throw new Error(`"${base}" is not a commit id`);
  const top = gitTopLevel(workspace);
  if (!top) throw new Error("the workspace is not a git work tree");
  let diff: string;
  try {
    diff = git(top, [
      "-c",
      "core.quotePath=false",
      "diff",
      "--unified=0",
      "--no-color",
      "--no-ext-diff",
      "--no-textconv",
      "--find-renames",
      "--diff-filter=d",
      "--src-prefix=a/",
      "--dst-prefix=b/",
      `${base}...HEAD`,
      "--",
    ]);
  } catch (error) {
    throw new Error(gitFailure(error));
  }
  const root = realpathSync(workspace);
  const byRepoPath = parseUnifiedDiff(diff);
  const out: ChangedLines = new Map();
  for (const [path, ranges] of byRepoPath) {
    const rel = relative(root, join(top, path));
    if (rel.startsWith("..") || isAbsolute(rel)) continue;
    out.set(toPosix(rel), ranges);
  }
  return out;
}

/** Keeps the findings whose lines [line, endLine] touch a changed line; returns how many were left out. */
export function keepChanged(results: LintFileResult[], changed: ChangedLines): { results: LintFileResult[]; removed: number } {
  let removed = 0;
  const kept = results.map((r) => {
    const ranges = changed.get(r.file) ?? [];
    const findings = r.findings.filter((f) => ranges.some(([first, last]) => f.line <= last && Math.max(f.line, f.endLine) >= first));
    removed += r.findings.length - findings.length;
    return findings.length === r.findings.length ? r : { ...r, findings };
  });
  return { results: kept, removed };
}
