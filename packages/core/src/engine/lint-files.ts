import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, relative, resolve, sep } from "node:path";
import type { Worker } from "node:worker_threads";
import {
  applyRuleOverrides,
  checkDialectId,
  CONFIG_FILE_NAME,
  createConfigLookup,
  fixedConfigLookup,
  loadConfig,
  type ConfigLookup,
  namedByOverride,
  resolveFileSettings,
  type FileSettings,
  type McpLintConfig,
} from "../settings/settings.js";
import { dialectForPath, getDialect } from "../dialects/index.js";
import { discoverFiles } from "./discovery.js";
import { fileKind, resolvePath } from "../util/paths.js";
import { UsageError } from "../model/errors.js";
import { redactValue } from "./redact.js";
import { allRules } from "../rules/catalog.js";
import { redactWithSource } from "./redact.js";
import { isGeneratedCode } from "../code/js/generated.js";
import type { lintSourceText } from "../code/js/runner.js";
import { mightBeMcpCode } from "../code/js/prefilter.js";
import { isPythonFile, isSourceFile } from "../code/languages.js";
import { detectDialect, internalError, type FileResult, type PointerOverride, type RuleSettings } from "./lint-config-text.js";
import { STDIN_NAME, type Finding, type SeveritySetting } from "../model/finding.js";
import { CODE_FILE, FILE_IGNORED, fileFinding, lintReadFile, NOT_A_FILE, READ_ERROR, readText, type FileJob, type ReadResult } from "./file-lint.js";
import type { WorkerJob, WorkerReply } from "./lint-worker.js";
import { isInside, readRegularFile, writeFileSafely, writeProblemReason } from "../util/safe-fs.js";

export interface LintFilesOptions {
  /** Folder paths are relative to, and result paths are shown relative to (default: process.cwd()). */
  cwd?: string;
  /** Config file to use instead of looking one up. */
  configPath?: string;
  /** Use no config file at all. */
  noConfigLookup?: boolean;
  /** Rule settings that beat the config file (command-line --rule). */
  rules?: RuleSettings;
  /** Dialect forced on files named explicitly. */
  dialect?: string;
  /** Apply fixes and write the files back. */
  fix?: boolean;
  /** Report an explicitly named file that `ignores` matches as a warning (default true), as ESLint does. */
  warnIgnored?: boolean;
  /**
   * Lint this text instead of files (`--stdin`): `filename` (relative to cwd; need not exist) decides the dialect or
   * language and the configs, as a file of that name would; without it the content decides, shown as "<text>".
   */
  stdin?: { text: string; filename?: string };
  /**
   * Severity of `mcp-lint-disable` comments (and `eslint-disable` comments naming mcp-lint rules) that disable
   * nothing (default info, see docs/severity.md); misspelt directives are a warning; "off" reports neither.
   */
  reportUnusedDisableDirectives?: SeveritySetting;
}



export interface LintFileResult extends FileResult {
  /** Errors accepted by the suppressions file (not reported, not counted). */
  suppressed?: Finding[];
}

export interface LintRun {
  /** One per linted file, sorted by path; file paths relative to cwd with forward slashes. */
  results: LintFileResult[];
  /** Absolute path of the config file that applies to files directly in cwd, if any. */
  configFile?: string;
  /** Absolute paths of every config file the run used (monorepos: one per package that has one), sorted. */
  configFiles: string[];
}

/** Files read ahead of linting (see lintFiles). */
const READ_AHEAD = 64;

/** Runs at least this long are shared with a worker thread (starting one takes ~0.2 s). */
const PARALLEL_MIN_FILES = 2000;
/** Files per chunk taken by the main thread or the worker. */
const PARALLEL_CHUNK = 128;

/** Rule ids of findings that do not come from a rule. */
export { READ_ERROR, FILE_IGNORED };
export const WRITE_ERROR = "write-error";

/** Why --fix did not write a file, for its finding. */
function writeProblemText(error: unknown): string {
  return `--fix did not write this file: ${writeProblemReason(error)}. Its findings are reported as they are in the file.`;
}

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

/** How result paths are shown: relative to cwd, forward slashes ("." for cwd itself). The probe uses it too, so its results merge with the lint's. */
export function displayPath(cwd: string, abs: string): string {
  // Fast path (POSIX): a normalised absolute path inside the normalised cwd is relative() of it without the prefix.
  if (sep === "/") {
    const prefixLength = cwd.endsWith("/") ? cwd.length : cwd.length + 1;
    if (abs.length > prefixLength && abs.startsWith(cwd) && abs.charCodeAt(prefixLength - 1) === 47 && isNormalised(abs, prefixLength)) {
      return abs.slice(prefixLength);
    }
  }
  return toPosix(relative(cwd, abs)) || ".";
}

/** No empty, "." or ".." segment and no trailing "/" after `from` - 1 (a "/"): what path.resolve gives. */
function isNormalised(p: string, from: number): boolean {
  const at = from - 1;
  return (
    p.indexOf("//", at) < 0 &&
    p.indexOf("/./", at) < 0 &&
    p.indexOf("/../", at) < 0 &&
    !p.endsWith("/") &&
    !p.endsWith("/.") &&
    !p.endsWith("/..")
  );
}


/**
 * Where each file's configs come from, per the options: `--config` (that one for every file), `--no-config-lookup`
 * (none), or looked up from each file's folder upwards (see createConfigLookup). Throws ConfigError for a broken one.
 */
export function configLookupFor(options: Pick<LintFilesOptions, "cwd" | "configPath" | "noConfigLookup">): ConfigLookup {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.configPath) return fixedConfigLookup(loadConfig(resolve(cwd, options.configPath)));
  if (options.noConfigLookup) return fixedConfigLookup(undefined);
  return createConfigLookup();
}

/** The nearest config for files directly in cwd, per the options (see configLookupFor). */
export function resolveConfig(options: Pick<LintFilesOptions, "cwd" | "configPath" | "noConfigLookup">): McpLintConfig | undefined {
  return configLookupFor(options).forDir(resolve(options.cwd ?? process.cwd())).at(-1);
}

/**
 * Lints the MCP config files under `paths` (files, folders, globs). Files that are
 * not MCP configs are skipped quietly and are not in the results.
 */
type CodeRunner = typeof lintSourceText;

/**
 * The code rules' runner for a language, imported on the first source file that needs it: the code rules and
 * their SDK model are not loaded (in the bundles, not even parsed) by runs with no MCP code.
 */
function codeRunner(python: boolean): Promise<CodeRunner> {
  return python ? import("../code/python/runner.js").then((m) => m.lintPythonText) : import("../code/js/runner.js").then((m) => m.lintSourceText);
}

export async function lintFiles(paths: string[], options: LintFilesOptions = {}): Promise<LintRun> {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.dialect) {
    const problem = checkDialectId(options.dialect);
    if (problem) throw new UsageError(problem);
  }
  const lookup = configLookupFor({ ...options, cwd });
  // The cwd's configs are read first: a broken one there fails the run before any file is read.
  const cwdConfig = lookup.forDir(cwd).at(-1);
  const warnIgnored = options.warnIgnored ?? true;

  const fix = options.fix === true;

  // applyRuleOverrides merges the command-line rules into each file's settings: merged once per distinct settings.
  const merged = new Map<RuleSettings, Map<PointerOverride[] | undefined, FileSettings>>();
  const settingsFor = (abs: string): FileSettings => {
    const base = resolveFileSettings(lookup.forFile(abs), abs);
    if (!options.rules || Object.keys(options.rules).length === 0) return applyRuleOverrides(base, options.rules);
    const overridesKey = base.pointerOverrides.length === 0 ? undefined : base.pointerOverrides;
    let byOverrides = merged.get(base.rules);
    if (!byOverrides) merged.set(base.rules, (byOverrides = new Map()));
    let m = byOverrides.get(overridesKey);
    if (!m) byOverrides.set(overridesKey, (m = applyRuleOverrides(base, options.rules)));
    return { ...base, rules: m.rules, pointerOverrides: m.pointerOverrides };
  };
  const prepare = ({ path: abs, explicit, pathDialect }: { path: string; explicit: boolean; pathDialect?: string }): PreparedJob => {
    const settings = settingsFor(abs);
    return {
      abs,
      file: displayPath(cwd, abs),
      explicit,
      dialectHint: (explicit ? options.dialect : undefined) ?? settings.dialect ?? pathDialect,
      codeCandidate: isSourceFile(abs),
      rules: settings.rules,
      pointerOverrides: settings.pointerOverrides,
      ignored: settings.ignored,
      ...(options.reportUnusedDisableDirectives ? { unusedDirectives: options.reportUnusedDisableDirectives } : {}),
    };
  };
  const ignoredResult = (job: PreparedJob): LintFileResult | undefined => {
    // Walked files were already left out; a file named explicitly gets ESLint's warning instead of a silent skip.
    if (!job.explicit || !warnIgnored) return undefined;
    return {
      file: job.file,
      findings: [
        fileFinding(
          job.file,
          FILE_IGNORED,
          "warning",
          `File ignored because a pattern in "ignores" of ${CONFIG_FILE_NAME} matches it, so it was not linted. Remove the pattern to lint it.`,
        ),
      ],
    };
  };
  const lintCode = async (job: PreparedJob, read: ReadResult): Promise<LintFileResult | undefined> => {
    // Source files: the code rules, through ESLint's Linter (loaded only if a file passes the MCP prefilter).
    const { abs, file } = job;
    const text = (read as { text: string }).text;
    const python = isPythonFile(abs);
    // JavaScript/TypeScript: the MCP prefilter here (Python has its own, in its runner), and bundles and build
    // output are skipped unless named on the command line or in the config's overrides.
    if (!python && !mightBeMcpCode(text)) return undefined;
    if (!python && !job.explicit && isGeneratedCode(file, abs, text) && !namedByOverride(lookup.forFile(abs), abs)) return undefined;
    let code: FileResult;
    let lintText: CodeRunner;
    try {
      lintText = await codeRunner(python);
      const codeOptions = { rules: job.rules, fix, ...(job.unusedDirectives ? { unusedDirectives: job.unusedDirectives } : {}) };
      code = await lintText(file, text, codeOptions);
    } catch (error) {
      return { file, findings: [internalError(file, "code-rules", error)] };
    }
    if (code.skipped) return undefined;
    if (fix && code.output !== undefined) {
      const problem = writeFixed(job, text, code.output);
      if (problem) {
        const unfixedOptions = { rules: job.rules, fix: false, ...(job.unusedDirectives ? { unusedDirectives: job.unusedDirectives } : {}) };
        const unfixed = await lintText(file, text, unfixedOptions);
        const safe = redactWithSource(unfixed);
        return { ...safe, findings: [problem, ...safe.findings] };
      }
    }
    // The source and its AST are not kept past the file's findings, which are redacted now (see engine/file-lint.ts).
    return redactWithSource(code);
  };
  /** Writes a fixed file safely (see util/safe-fs.ts); the finding saying why it was not written, if it was not. */
  const writeFixed = (job: PreparedJob, original: string, output: string): Finding | undefined => {
    try {
      // The tree is the cwd; a file named outside it is written only within its own folder.
      writeFileSafely(job.abs, output, { root: isInside(cwd, job.abs) ? cwd : dirname(job.abs), expected: original, keepReadOnly: true });
      return undefined;
    } catch (error) {
      return fileFinding(job.file, WRITE_ERROR, "error", writeProblemText(error));
    }
  };

  // Files are read synchronously on purpose: on the 10,000-file benchmark, readFileSync reads them all in
  // ~0.2 s, fs.promises.readFile with 64 in flight in ~2 s (config files are tiny; the thread pool only adds cost).
  //
  // Files are read a batch at a time, then linted: on the benchmark, reading each file just before linting it
  // makes the linting itself markedly slower (the kernel's work on every read evicts the linter's code and data
  // from the CPU caches). With --fix, files are written as they go, so each is read right before it is linted.
  if (options.stdin) {
    if (paths.length > 0) throw new UsageError("--stdin lints the text on stdin: give no file, folder or glob with it (name the text with --stdin-filename).");
    if (fix) throw new UsageError("--fix cannot write text read from stdin: run it without --fix.");
    const { text, filename } = options.stdin;
    const abs = resolve(cwd, filename ?? STDIN_NAME);
    const job = prepare({ path: abs, explicit: true });
    if (!filename) job.file = STDIN_NAME;
    let result: LintFileResult | undefined;
    if (job.ignored) result = ignoredResult(job);
    else {
      // Without a name the text can only be an MCP config (recognised by its keys, or by --dialect).
      if (!filename) {
        job.codeCandidate = false;
        // The client's keys decide, in whichever of the config formats the text parses as.
        if (!job.dialectHint) job.dialectHint = [".json", ".yaml", ".toml"].map((ext) => detectDialect(STDIN_NAME + ext, text).dialect?.id).find(Boolean);
      }
      const r = lintReadFile(job, { text }, false);
      result = r === CODE_FILE ? await lintCode(job, { text }) : r;
    }
    return {
      results: result ? [result] : [],
      ...(cwdConfig ? { configFile: cwdConfig.file } : {}),
      configFiles: lookup.files(),
    };
  }

  let parallel: { jobs: PreparedJob[]; raw: RawResult[] } | undefined;
  if (!fix && paths.length >= PARALLEL_MIN_FILES) {
    // Many paths named one by one (a file list from git or a build tool): when they all are files, discovery
    // would return them sorted and de-duplicated, as named files. So they are stat'ed while they are linted,
    // instead of all first; if one is not a file after all, nothing was written, and discovery runs as usual.
    const named = [...new Set(paths.map((p) => resolvePath(cwd, p)))].sort().map((abs) => prepare({ path: abs, explicit: true }));
    const raw = await lintInParallel(named, true, cwd);
    if (!raw.includes(NOT_A_FILE)) parallel = { jobs: named, raw };
  }
  const files = parallel ? undefined : await discoverFiles(paths, { cwd, lookup });
  if (files && !fix && files.length >= PARALLEL_MIN_FILES) {
    // Large runs without --fix: shared with a worker thread (results are put back in file order).
    const jobs = files.map(prepare);
    parallel = { jobs, raw: await lintInParallel(jobs, false, cwd) };
  }

  const results: Array<LintFileResult | undefined> = new Array(parallel ? parallel.jobs.length : files!.length);
  if (parallel) {
    const { jobs, raw } = parallel;
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      const r = raw[i];
      if (job.ignored) results[i] = ignoredResult(job);
      else if (r !== CODE_FILE) results[i] = r as FileResult | undefined;
      else {
        const read = readText(job.abs, cwd);
        results[i] = "error" in read ? (lintReadFile(job, read, false) as LintFileResult) : await lintCode(job, read);
      }
    }
  } else if (files) {
    const batchSize = fix ? 1 : READ_AHEAD;
    for (let start = 0; start < files.length; start += batchSize) {
      const batch = files.slice(start, start + batchSize).map((f) => {
        const job = prepare(f);
        return { job, read: job.ignored ? undefined : readText(job.abs, cwd) };
      });
      for (let k = 0; k < batch.length; k++) {
        const { job, read } = batch[k]!;
        let result: LintFileResult | undefined;
        if (!read) result = ignoredResult(job);
        else {
          const r = lintReadFile(job, read, fix);
          result = r === CODE_FILE ? await lintCode(job, read) : r;
          if (fix && r !== CODE_FILE && r?.output !== undefined && "text" in read) {
            const problem = writeFixed(job, read.text, r.output);
            if (problem) {
              const unfixed = lintReadFile(job, read, false) as LintFileResult;
              result = { ...unfixed, findings: [problem, ...unfixed.findings] };
            }
          }
        }
        results[start + k] = result;
      }
    }
  }

  return {
    results: results.filter((r): r is LintFileResult => r !== undefined),
    ...(cwdConfig ? { configFile: cwdConfig.file } : {}),
    configFiles: lookup.files(),
  };
}

interface PreparedJob extends FileJob {
  ignored: boolean;
}

type RawResult = FileResult | undefined | typeof CODE_FILE | typeof NOT_A_FILE;

/** Lints one chunk of jobs on this thread: read the chunk, then lint it. */
function lintChunk(jobs: PreparedJob[], chunk: number, statFirst: boolean, cwd: string, out: RawResult[]): void {
  const start = chunk * PARALLEL_CHUNK;
  const end = Math.min(jobs.length, start + PARALLEL_CHUNK);
  const reads: Array<ReadResult | typeof NOT_A_FILE | undefined> = [];
  for (let i = start; i < end; i++) {
    if (statFirst && fileKind(jobs[i]!.abs) !== 1) reads.push(NOT_A_FILE);
    else reads.push(jobs[i]!.ignored ? undefined : readText(jobs[i]!.abs, cwd));
  }
  for (let i = start; i < end; i++) {
    const read = reads[i - start];
    out[i] = !read || read === NOT_A_FILE ? read : lintReadFile(jobs[i]!, read, false);
  }
}

let worker: Worker | "unavailable" | undefined;
let nextJobId = 1;
/** Jobs whose main thread is waiting for the worker: the worker keeps the process alive only while there are some. */
let waiting = 0;

/**
 * At least two cores, and the last minute's load leaves one of them idle (Linux/macOS; Windows reports no load).
 * MCP_LINT_WORKER=0 never starts the worker, MCP_LINT_WORKER=1 always does (for large runs).
 */
function freeCore(): boolean {
  const forced = process.env.MCP_LINT_WORKER;
  if (forced === "0" || forced === "1") return forced === "1";
  const cores = availableParallelism();
  return cores >= 2 && (loadavg()[0] ?? 0) <= cores - 1;
}

/** The worker thread, started on first use; undefined when none can run here. */
function getWorker(): Worker | undefined {
  if (worker === "unavailable") return undefined;
  if (worker) return worker;
  // The worker file: next to this module, in the built package (engine/lint-worker.js) and in the bundles (dist/cli.js,
  // dist/index.js: dist/lint-worker.js, which the build emits next to them; this code is in dist/ or dist/chunks/).
  // Run from TypeScript sources there is none.
  const url = ["./lint-worker.js", "../lint-worker.js"]
    .map((p) => new URL(p, import.meta.url))
    .find((u) => u.protocol === "file:" && existsSync(u));
  // Only with a free core: a second thread costs CPU (starting it, loading the rules twice, handing results back),
  // which pays off in wall time only when it does not compete with other work for the cores.
  if (!url || !freeCore()) {
    worker = "unavailable";
    return undefined;
  }
  let started: Worker;
  try {
    // Loaded here, not imported: most runs never start a worker, and loading the module is a cost of every start.
    const { Worker } = process.getBuiltinModule("node:worker_threads");
    started = new Worker(url);
  } catch {
    worker = "unavailable";
    return undefined;
  }
  started.unref();
  // A worker that fails is not started again: the main thread then does everything.
  started.on("error", () => (worker = "unavailable"));
  started.on("exit", () => (worker = "unavailable"));
  worker = started;
  return started;
}

/**
 * Runs `chunks` chunks of a job on this thread (`runChunk`) and on the worker thread (which posts each chunk's
 * results to `onResults`): both take the next chunk from a shared counter, so the work is split by speed and
 * a worker still starting up simply takes none. Chunks a failed worker did not return are run here. The
 * worker's results are computed by the same code as on this thread, so the outcome never depends on the split.
 */
async function shareWithWorker(
  chunks: number,
  message: (jobId: number, counter: Int32Array) => WorkerJob,
  runChunk: (chunk: number) => void,
  onResults: (chunk: number, results: unknown[]) => void,
): Promise<void> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const done = new Uint8Array(chunks);
  const w = getWorker();
  let finish: (() => void) | undefined;
  let workerDone: Promise<void> | undefined;
  if (w) {
    const jobId = nextJobId++;
    workerDone = new Promise<void>((resolveDone) => {
      const onMessage = (reply: WorkerReply): void => {
        if (reply.jobId !== jobId) return;
        if ("done" in reply) return finish!();
        onResults(reply.chunk, reply.results);
        done[reply.chunk] = 1;
      };
      finish = () => {
        w.off("message", onMessage);
        w.off("exit", finish!);
        resolveDone();
      };
      w.on("message", onMessage);
      w.on("exit", finish);
    });
    try {
      w.postMessage(message(jobId, counter));
    } catch {
      finish!(); // not expected with plain data: this thread takes every chunk
    }
  }
  for (let chunk = Atomics.add(counter, 0, 1); chunk < chunks; chunk = Atomics.add(counter, 0, 1)) {
    runChunk(chunk);
    done[chunk] = 1;
  }
  if (w && workerDone) {
    if (done.every((d) => d === 1)) {
      // The worker took nothing (still starting, or slower): its late "done" is not waited for.
      finish!();
    } else {
      if (waiting++ === 0) w.ref();
      await workerDone;
      if (--waiting === 0) w.unref();
    }
  }
  for (let chunk = 0; chunk < chunks; chunk++) if (!done[chunk]) runChunk(chunk);
}

/** Lints `jobs` on this thread and the worker thread. Ignored files are left undefined. */
async function lintInParallel(jobs: PreparedJob[], statFirst: boolean, cwd: string): Promise<RawResult[]> {
  const out: RawResult[] = new Array(jobs.length);
  const chunks = Math.ceil(jobs.length / PARALLEL_CHUNK);
  const message = (jobId: number, counter: Int32Array): WorkerJob => {
    // Settings are sent once per distinct settings object (the runner caches its rule plan by identity).
    const settings: Array<{ rules: RuleSettings; pointerOverrides: PointerOverride[] }> = [];
    const index = new Map<RuleSettings, Map<PointerOverride[], number>>();
    const settingsIndex = jobs.map((job) => {
      if (job.ignored) return -1;
      let byOverrides = index.get(job.rules);
      if (!byOverrides) index.set(job.rules, (byOverrides = new Map()));
      let i = byOverrides.get(job.pointerOverrides);
      if (i === undefined) {
        i = settings.length;
        settings.push({ rules: job.rules, pointerOverrides: job.pointerOverrides });
        byOverrides.set(job.pointerOverrides, i);
      }
      return i;
    });
    return {
      type: "lint",
      jobId,
      statFirst,
      counter,
      chunkSize: PARALLEL_CHUNK,
      cwd,
      abs: jobs.map((j) => j.abs),
      file: jobs.map((j) => j.file),
      explicit: jobs.map((j) => j.explicit),
      dialectHint: jobs.map((j) => j.dialectHint),
      codeCandidate: jobs.map((j) => j.codeCandidate),
      settingsIndex,
      settings,
      ...(jobs[0]?.unusedDirectives ? { unusedDirectives: jobs[0].unusedDirectives } : {}),
    };
  };
  await shareWithWorker(
    chunks,
    message,
    (chunk) => lintChunk(jobs, chunk, statFirst, cwd, out),
    (chunk, results) => {
      const start = chunk * PARALLEL_CHUNK;
      for (let k = 0; k < results.length; k++) out[start + k] = results[k] as RawResult;
    },
  );
  return out;
}

export interface PrintedConfig {
  file: string;
  /** The nearest config file that applies (null: none). */
  configFile: string | null;
  /** Every config file that applies, outermost first (the nearest one's settings win). */
  configFiles: string[];
  ignored: boolean;
  /** Dialect the file is checked as (null: not recognised as an MCP config). */
  dialect: string | null;
  /** Why that dialect (or none): the path, a key in the content, --dialect or the config file. */
  dialectReason: string | null;
  rules: Record<string, string | [string, Record<string, unknown>]>;
  pointerOverrides: Array<{ pointer: string; rules: Record<string, string | [string, Record<string, unknown>]> }>;
}

function printable(rules: RuleSettings): PrintedConfig["rules"] {
  const out: PrintedConfig["rules"] = {};
  for (const id of Object.keys(rules).sort()) {
    const s = rules[id]!;
    out[id] = s.options && Object.keys(s.options).length ? [s.severity, s.options] : s.severity;
  }
  return out;
}

/** `--print-config`: the dialect and effective rule settings of one file (the file need not exist). */
export function printConfigFor(file: string, options: Omit<LintFilesOptions, "fix"> = {}): PrintedConfig {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.dialect) {
    const problem = checkDialectId(options.dialect);
    if (problem) throw new UsageError(problem);
  }
  const abs = resolve(cwd, file);
  const chain = configLookupFor({ ...options, cwd }).forFile(abs);
  const settings = applyRuleOverrides(resolveFileSettings(chain, abs), options.rules);
  const forced = options.dialect ?? settings.dialect;
  let dialect = forced ?? dialectForPath(abs)?.id;
  let dialectReason: string | null = options.dialect
    ? "set by --dialect"
    : settings.dialect
      ? "set by the config file"
      : dialect
        ? `its path is where ${getDialect(dialect)?.client ?? dialect} keeps this file`
        : null;
  // No dialect yet, or one whose files count only when they hold its block (VS Code settings.json): read it.
  if (!dialect || getDialect(dialect)?.holdsMcp) {
    let text: string | undefined;
    try {
      text = readRegularFile(abs, cwd);
    } catch {
      text = undefined;
    }
    const detected = detectDialect(abs, text, forced);
    dialect = detected.dialect?.id;
    if (!forced || !detected.dialect) dialectReason = detected.reason ?? (text === undefined ? "the file cannot be read, and its path names no client" : "no client's path or keys match it");
  }
  // Rule options and pointer overrides come from the repository: they go through the output redaction step too.
  return redactValue({
    file: displayPath(cwd, abs),
    configFile: chain.at(-1)?.file ?? null,
    configFiles: chain.map((c) => c.file),
    ignored: settings.ignored,
    dialect: dialect ?? null,
    dialectReason,
    rules: printable(settings.rules),
    pointerOverrides: settings.pointerOverrides.map((po: PointerOverride) => ({ pointer: po.pointer, rules: printable(po.rules) })),
  });
}

export interface RuleListing {
  id: string;
  description: string;
  severity: string;
  recommended: boolean;
  fixable: boolean;
  hasSuggestions: boolean;
  docsUrl: string;
}

/** `--list-rules`: every rule with its defaults. */
export function listRules(): RuleListing[] {
  return allRules.map((r) => ({
    id: r.id,
    description: r.description,
    severity: r.severity,
    recommended: r.recommended,
    fixable: r.fixable,
    hasSuggestions: r.hasSuggestions,
    docsUrl: r.docsUrl,
  }));
}
