import { mkdir, open, readFile, unlink } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import { parseDocument } from "../document/index.js";
import { joinPointer } from "../document/pointer.js";
import { ConfigError } from "../model/errors.js";
import type { Finding } from "../model/finding.js";
import type { LintFileResult } from "./lint-files.js";
import { isInside, readProblemText, readRegularFileIfExists, writeFileSafely, writeProblemReason } from "../util/safe-fs.js";

/**
 * A baseline of accepted findings, like ESLint's eslint-suppressions.json but
 * keyed by file, rule and JSON pointer, so that it survives edits elsewhere in
 * the file: `{ "<file>": { "<ruleId>": { "<pointer>": <count> } } }`. Files are
 * relative to the suppressions file's folder, with forward slashes.
 *
 * As in ESLint, only errors are suppressed, and per key it is all or nothing:
 * when a key has at most as many errors as its count, they are all suppressed;
 * when it has more, they are all reported (one of them is new).
 */
export type SuppressionsData = Record<string, Record<string, Record<string, number>>>;

export const DEFAULT_SUPPRESSIONS_FILE = "mcp-lint-suppressions.json";

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

/** Key of a result's file in a suppressions file at `suppressionsFile`. */
export function suppressionKey(result: { file: string }, cwd: string, suppressionsFile: string): string {
  return toPosix(relative(dirname(resolve(cwd, suppressionsFile)), resolve(cwd, result.file)));
}

function suppressible(f: Finding): boolean {
  return f.severity === "error";
}

/** Reads a suppressions file; a missing file is an empty baseline. A broken one throws a located ConfigError. */
export async function loadSuppressions(file: string): Promise<SuppressionsData> {
  let text: string | undefined;
  try {
    // A regular file under the size cap; a link is followed only within the file's folder or git work tree.
    text = readRegularFileIfExists(file, dirname(file));
  } catch (error) {
    throw new ConfigError(readProblemText(error, "The suppressions file"), file);
  }
  if (text === undefined) return {};
  const doc = parseDocument(file, text, "json");
  const fail = (message: string, pointer: string, part: "key" | "value" = "value"): never => {
    const at = doc.locate(pointer, part);
    throw new ConfigError(message, file, at.line, at.column);
  };
  if (doc.errors[0]) {
    const at = doc.rangeOfOffsets(doc.errors[0].range);
    throw new ConfigError(`${doc.errors[0].message} Fix the suppressions file or delete it and run with --suppress-all.`, file, at.line, at.column);
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const value = doc.value;
  const shape = 'The suppressions file must map file -> rule id -> JSON pointer -> count: { "file.json": { "rule-id": { "/pointer": 1 } } }.';
  if (!isObject(value)) fail(shape, "");
  const data: SuppressionsData = {};
  for (const [f, rules] of Object.entries(value as Record<string, unknown>)) {
    if (!isObject(rules)) fail(shape, joinPointer("", f));
    data[f] = {};
    for (const [rule, pointers] of Object.entries(rules as Record<string, unknown>)) {
      if (!isObject(pointers)) fail(shape, joinPointer("", f, rule));
      data[f]![rule] = {};
      for (const [pointer, count] of Object.entries(pointers as Record<string, unknown>)) {
        if (typeof count !== "number" || !Number.isInteger(count) || count < 1)
          fail("A suppression count must be a positive whole number.", joinPointer("", f, rule, pointer));
        data[f]![rule]![pointer] = count as number;
      }
    }
  }
  return data;
}

function sortedObject<T>(obj: Record<string, T>, map: (v: T) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort()) out[key] = map(obj[key]!);
  return out;
}

/** Stable text of a baseline: sorted keys, 2-space indent, trailing newline. */
export function serializeSuppressions(data: SuppressionsData): string {
  return JSON.stringify(sortedObject(data, (rules) => sortedObject(rules, (ptrs) => sortedObject(ptrs, (n) => n))), null, 2) + "\n";
}

/**
 * Writes a baseline (creating its folder inside `root`), atomically and without following links (see
 * util/safe-fs.ts). A failure is a ConfigError naming the reason.
 */
export async function saveSuppressions(file: string, data: SuppressionsData, root: string = dirname(file)): Promise<void> {
  try {
    writeFileSafely(file, serializeSuppressions(data), { root, mkdir: true });
  } catch (error) {
    throw new ConfigError(`Cannot write the suppressions file (${writeProblemReason(error)}).`, file);
  }
}

/** How long a run waits for another run's lock on the suppressions file before it gives up. */
const LOCK_WAIT_MS = 120_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Is the lock file's owner (its pid, on this machine) gone? An unreadable or empty lock is not stale (being written). */
async function staleLock(lock: string): Promise<boolean> {
  let pid: number;
  try {
    pid = Number((await readFile(lock, "utf8")).trim());
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

async function acquireLock(lock: string, file: string): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, "wx");
      try {
        await handle.writeFile(String(process.pid));
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new ConfigError(`Cannot lock the suppressions file (${(error as NodeJS.ErrnoException).code ?? "unknown error"}).`, file);
    }
    if (await staleLock(lock)) {
      await unlink(lock).catch(() => undefined);
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS)
      throw new ConfigError(`Another mcp-lint run holds the lock ${lock}: if none is running, delete that file.`, file);
    await sleep(Math.min(100, 5 * (attempt + 1)));
  }
}

/**
 * Changes the suppressions file safely when several runs write it at once (--suppress-all in parallel jobs):
 * under a lock file (`<file>.lock`, created exclusively), the file is read again, `update` is applied to what
 * it holds now, and the result is written to a temporary file and renamed over it, so no run loses another's
 * entries and no reader ever sees half a file. Returns what was written.
 */
export async function updateSuppressions(
  file: string,
  update: (current: SuppressionsData) => SuppressionsData,
  root: string = dirname(file),
): Promise<SuppressionsData> {
  // The file, its folder and the lock stay inside the tree: nothing is created outside it.
  if (!isInside(root, file)) throw new ConfigError("Cannot write the suppressions file (it is outside the project folder).", file);
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (error) {
    throw new ConfigError(`Cannot write the suppressions file (${(error as NodeJS.ErrnoException).code ?? "unknown error"}).`, file);
  }
  const lock = `${file}.lock`;
  await acquireLock(lock, file);
  try {
    const next = update(await loadSuppressions(file));
    // Written as every file mcp-lint writes: a temporary file renamed over it, never through a link, inside the tree.
    await saveSuppressions(file, next, root);
    return next;
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

function countErrors(findings: Finding[]): Map<string, Map<string, number>> {
  const byRule = new Map<string, Map<string, number>>();
  for (const f of findings) {
    if (!suppressible(f)) continue;
    let ptrs = byRule.get(f.ruleId);
    if (!ptrs) byRule.set(f.ruleId, (ptrs = new Map()));
    ptrs.set(f.pointer, (ptrs.get(f.pointer) ?? 0) + 1);
  }
  return byRule;
}

export interface SuppressionsContext {
  cwd: string;
  /** Path of the suppressions file (absolute or relative to cwd). */
  file: string;
  /**
   * The rules this run can report, when not all of them: the static run never reports the probe's rules and the
   * probe reports only those, so entries of the others are neither applied nor unused (nor pruned) here.
   */
  reports?: (ruleId: string) => boolean;
}

/**
 * `--suppress-all`: records every error of these results, replacing the counts of
 * the (file, rule, pointer) keys that have errors and keeping every other entry.
 */
export function suppressAll(results: LintFileResult[], existing: SuppressionsData, ctx: SuppressionsContext): SuppressionsData {
  const data: SuppressionsData = structuredClone(existing);
  for (const result of results) {
    const key = suppressionKey(result, ctx.cwd, ctx.file);
    for (const [rule, ptrs] of countErrors(result.findings)) {
      const rules = (data[key] ??= {});
      const entry = (rules[rule] ??= {});
      for (const [pointer, n] of ptrs) entry[pointer] = n;
    }
  }
  return data;
}

/**
 * Moves the suppressed errors of each result to `suppressed`, and returns the
 * entries no finding used (only for files in these results).
 */
export function applySuppressions(
  results: LintFileResult[],
  data: SuppressionsData,
  ctx: SuppressionsContext,
): { results: LintFileResult[]; unused: SuppressionsData } {
  const unused: SuppressionsData = {};
  const out = results.map((result) => {
    const key = suppressionKey(result, ctx.cwd, ctx.file);
    const entries = data[key];
    if (!entries) return result;
    const counts = countErrors(result.findings);
    const suppressKeys = new Set<string>();
    for (const [rule, ptrs] of Object.entries(entries)) {
      if (ctx.reports && !ctx.reports(rule)) continue;
      for (const [pointer, allowed] of Object.entries(ptrs)) {
        const actual = counts.get(rule)?.get(pointer) ?? 0;
        if (actual <= allowed && actual > 0) suppressKeys.add(`${rule}\0${pointer}`);
        if (actual < allowed) (((unused[key] ??= {})[rule] ??= {})[pointer] = allowed - actual);
      }
    }
    if (suppressKeys.size === 0) return result;
    const kept: Finding[] = [];
    const suppressed: Finding[] = [...(result.suppressed ?? [])];
    for (const f of result.findings) {
      if (suppressible(f) && suppressKeys.has(`${f.ruleId}\0${f.pointer}`)) suppressed.push(f);
      else kept.push(f);
    }
    return { ...result, findings: kept, suppressed };
  });
  return { results: out, unused };
}

/** `--prune-suppressions`: lowers counts by the unused amounts and drops empty entries. */
export function pruneSuppressions(data: SuppressionsData, unused: SuppressionsData): SuppressionsData {
  const out: SuppressionsData = structuredClone(data);
  for (const [file, rules] of Object.entries(unused)) {
    for (const [rule, ptrs] of Object.entries(rules)) {
      for (const [pointer, n] of Object.entries(ptrs)) {
        const entry = out[file]?.[rule];
        if (!entry || entry[pointer] === undefined) continue;
        entry[pointer] -= n;
        if (entry[pointer]! <= 0) delete entry[pointer];
      }
      if (out[file]?.[rule] && Object.keys(out[file]![rule]!).length === 0) delete out[file]![rule];
    }
    if (out[file] && Object.keys(out[file]!).length === 0) delete out[file];
  }
  return out;
}

/** Number of (file, rule, pointer) entries. */
export function countSuppressionEntries(data: SuppressionsData): number {
  let n = 0;
  for (const rules of Object.values(data)) for (const ptrs of Object.values(rules)) n += Object.keys(ptrs).length;
  return n;
}
