import { isSourceFile } from "../code/languages.js";
import { existsSync, readdirSync, statSync, type Dirent } from "node:fs";
import { readRegularFile } from "../util/safe-fs.js";
import { basename, dirname, join, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { dialectForPath, formatForPath } from "../dialects/index.js";
import { UsageError } from "../model/errors.js";
import { configDialectFor, fixedConfigLookup, isIgnoredDirectory, isIgnoredFile, type ConfigLookup, type ConfigsLike, type McpLintConfig } from "../settings/settings.js";
import { fileKind, resolvePath } from "../util/paths.js";
import { manifestKind } from "../document/manifest.js";

export interface DiscoveredFile {
  /** Absolute path. */
  path: string;
  /** Named on the command line (always read, any name), as opposed to found by walking a folder. */
  explicit: boolean;
  /** Dialect id matched by the path while walking (saves matching it again). */
  pathDialect?: string;
}

export interface DiscoverOptions {
  cwd: string;
  /** The configs of each folder (their `ignores` and `dialects` apply while walking). */
  lookup?: ConfigLookup;
  /** One config for every folder (when no lookup is given). */
  config?: McpLintConfig;
}


/** File names no dialect claims by path alone but that are MCP configs of several clients: their content decides. */
const SNIFFED_NAMES = new Set(["server.json", "mcp_config.json", "mcp_settings.json"]);

/**
 * Folders never walked, whatever the ignore files say: installed packages, git's own folder, and Python
 * virtualenvs and caches (any folder holding a `pyvenv.cfg` is a virtualenv too, whatever its name).
 */
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".venv", "venv", "site-packages", "__pycache__", ".tox", ".nox"]);

/** Is this walked file worth reading: a known MCP config path, a registry manifest name, or mapped by the config? */
export function isCandidatePath(absPath: string, config?: ConfigsLike): boolean {
  return classify(absPath, config) !== undefined;
}

/** undefined: not a candidate; otherwise the dialect its path names, if any. */
function classify(absPath: string, config?: ConfigsLike): { pathDialect?: string } | undefined {
  if (formatForPath(absPath) !== undefined) {
    const byPath = dialectForPath(absPath);
    if (byPath) return { pathDialect: byPath.id };
    // Names that several clients use: read and sniffed, exactly as when the file is named on the command line.
    if (SNIFFED_NAMES.has(basename(absPath).toLowerCase())) return {};
  }
  // JavaScript/TypeScript and Python sources: read and prefiltered for MCP code by the runner.
  if (isSourceFile(absPath)) return {};
  // Dependency manifests and lockfiles: read for the MCP SDK version (rule vulnerable-sdk); the runner drops the
  // ones that name no MCP SDK package after one text scan.
  if (manifestKind(absPath)) return {};
  return configDialectFor(config, absPath) !== undefined ? {} : undefined;
}

interface GitIgnoreLevel {
  /** Folder the patterns are relative to. */
  dir: string;
  ig: Ignore;
}

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

/** The git work tree root containing `dir` (a `.git` folder or file found upward), or undefined. */
export function findGitRoot(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    if (existsSync(join(d, ".git"))) return d;
    const parent = dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/** Git's verdict from root to leaf: a deeper ignore file can re-include (`!pattern`) what a higher one ignored. */
function gitIgnored(levels: GitIgnoreLevel[], absPath: string, isDir: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const prefix = level.dir.endsWith(sep) ? level.dir : level.dir + sep;
    if (!absPath.startsWith(prefix)) continue;
    const r = level.ig.test(toPosix(absPath.slice(prefix.length)) + (isDir ? "/" : ""));
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

/** A line of an ignore file that is a pattern: not blank, not a `#` comment (`\#x` is a pattern). */
const PATTERN_LINE = /^(?!#)[ \t]*\S/m;

function readIgnoreFile(file: string): Ignore | undefined {
  try {
    // A regular file under the size cap (a link to /dev/zero or a FIFO is not read), as every file read.
    const text = readRegularFile(file, dirname(file));
    // No pattern (git init's .git/info/exclude is all comments): no level, so no per-file test while walking.
    return PATTERN_LINE.test(text) ? ignore().add(text) : undefined;
  } catch {
    return undefined;
  }
}

/** .gitignore files (and .git/info/exclude) from the git root down to `dir`'s parent. */
function ancestorLevels(gitRoot: string, dir: string): GitIgnoreLevel[] {
  const levels: GitIgnoreLevel[] = [];
  const exclude = readIgnoreFile(join(gitRoot, ".git", "info", "exclude"));
  if (exclude) levels.push({ dir: gitRoot, ig: exclude });
  const chain: string[] = [];
  for (let d = dirname(dir); d.length >= gitRoot.length; d = dirname(d)) {
    chain.unshift(d);
    if (d === gitRoot || dirname(d) === d) break;
  }
  for (const d of chain) {
    const ig = readIgnoreFile(join(d, ".gitignore"));
    if (ig) levels.push({ dir: d, ig });
  }
  return levels;
}

interface WalkContext {
  lookup: ConfigLookup;
  git: boolean;
  /** Glob arguments: accept any file the glob matches instead of known MCP config names. */
  accept?: (absPath: string) => boolean;
  out: Array<{ path: string; pathDialect?: string }>;
}

/*
 * The walk is synchronous on purpose: measured on the 10,000-file benchmark tree
 * (18,000 folders), readdirSync walks it in ~0.2 s and fs.promises.readdir with
 * Promise.all in ~1 s; tiny directory reads gain nothing from the thread pool.
 */
function walk(dir: string, levels: GitIgnoreLevel[], ctx: WalkContext, isRoot = false): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to lint there
  }
  if (!isRoot && entries.some((e) => e.name === "pyvenv.cfg" && e.isFile())) return; // a virtualenv
  let here = levels;
  if (ctx.git && entries.some((e) => e.name === ".gitignore" && !e.isDirectory())) {
    const ig = readIgnoreFile(join(dir, ".gitignore"));
    if (ig) here = [...levels, { dir, ig }];
  }
  const check = here.length > 0;
  // The configs of files in this folder (looked up once per folder; cached by the lookup).
  const configs = ctx.lookup.forDir(dir, (name) => entries.some((e) => e.name === name));
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    let isDir = entry.isDirectory();
    // A FIFO, socket or device with a config file's name is linted as a file too: its finding says what it is.
    let isFile = entry.isFile() || entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
    if (entry.isSymbolicLink()) {
      // Symlinked files are followed; symlinked folders are not (no cycles, no walking out of the tree).
      if (ctx.accept ? !ctx.accept(abs) : !isCandidatePath(abs, configs)) continue;
      // A link to something that is not a folder is linted as a file: reading it says what it is (a link out of
      // the tree, a FIFO, a device) in a located finding, without following it there.
      try {
        isFile = !statSync(abs).isDirectory();
      } catch {
        continue;
      }
      isDir = false;
    }
    if (isDir) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      if (check && gitIgnored(here, abs, true)) continue;
      if (isIgnoredDirectory(configs, abs)) continue;
      walk(abs, here, ctx);
    } else if (isFile) {
      // Walked folders: known MCP config names only. Glob arguments: any file they match (sniffed later).
      const kind = ctx.accept ? (ctx.accept(abs) ? {} : undefined) : classify(abs, configs);
      if (!kind) continue;
      if (check && gitIgnored(here, abs, false)) continue;
      if (isIgnoredFile(configs, abs)) continue;
      ctx.out.push({ path: abs, ...kind });
    }
  }
}

function walkRoot(root: string, ctx: WalkContext): void {
  const gitRoot = findGitRoot(root);
  ctx.git = gitRoot !== undefined;
  let levels: GitIgnoreLevel[] = [];
  if (gitRoot) {
    levels = ancestorLevels(gitRoot, root);
    // A folder named explicitly is walked even when git ignores it; ignore files inside it still apply.
    if (root !== gitRoot && gitIgnored(levels, root, true)) levels = [];
  }
  // The folder named on the command line is walked even if it is a virtualenv.
  walk(root, levels, ctx, true);
}

/**
 * The files to lint under `paths` (files, folders or globs, relative to cwd), sorted and de-duplicated.
 * Folders are walked (dot-folders included; node_modules, .git and git-ignored paths skipped) for MCP
 * config files; files named explicitly are always returned. A path that matches nothing is a UsageError.
 */
export async function discoverFiles(paths: string[], options: DiscoverOptions): Promise<DiscoveredFile[]> {
  const found = new Map<string, DiscoveredFile>();
  const lookup = options.lookup ?? fixedConfigLookup(options.config);
  for (const arg of paths.length ? paths : ["."]) {
    const abs = resolvePath(options.cwd, arg);
    const kind = fileKind(abs);
    if (kind === 1 || kind === 3) {
      // Not a regular file (a FIFO, a device, a link to one): its read finding says so (reading it never blocks).
      found.set(abs, { path: abs, explicit: true });
      continue;
    }
    const ctx: WalkContext = { lookup, git: false, out: [] };
    if (kind === 2) {
      walkRoot(abs, ctx);
    } else {
      const scan = picomatch.scan(toPosix(arg));
      if (!scan.isGlob) throw new UsageError(`No such file or folder: "${arg}". Check the path.`);
      const base = resolve(options.cwd, scan.base || ".");
      const match = picomatch(toPosix(resolve(options.cwd, arg)), { dot: true });
      if (existsSync(base) && statSync(base).isDirectory()) {
        ctx.accept = (p) => match(toPosix(p));
        walkRoot(base, ctx);
      }
      if (ctx.out.length === 0) throw new UsageError(`No files matching the pattern "${arg}" were found. Check the pattern.`);
    }
    for (const file of ctx.out) if (!found.has(file.path)) found.set(file.path, { ...file, explicit: false });
  }
  // The default sort compares UTF-16 code units, as `<` does: the same order, without a comparator call per pair.
  return [...found.keys()].sort().map((path) => found.get(path)!);
}
