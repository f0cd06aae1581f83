import { randomUUID } from "node:crypto";
import { realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { error as annotateError, debug, getInput, info, notice, setFailed, setOutput, summary, warning, type AnnotationProperties } from "@actions/core";
import { applyProbeSuppressions, compareFindings, ConfigError, DEFAULT_SUPPRESSIONS_FILE, formatResults, readRegularFile, redactResults, runLint, UsageError, writeFileSafely, writeProblemReason, type LintFileResult, type Severity } from "@mcp-lint/core";
import type { ProbeRun } from "@mcp-lint/probe";
import { countsText, notShownText, planAnnotations, plural } from "./annotations.js";
import { changedLinesSince, gitHead, gitTopLevel, keepChanged } from "./diff.js";
import { InputError, readInputs, type ActionInputs } from "./inputs.js";
import { buildSummary, type SourceLinks } from "./summary.js";

declare const __MCP_LINT_VERSION__: string | undefined;

/** The version the bundle was built from (set by scripts/build-action.mjs). */
export const version: string | undefined = typeof __MCP_LINT_VERSION__ === "string" ? __MCP_LINT_VERSION__ : undefined;

export const ISSUES_URL = "https://github.com/mcp-lint/mcp-lint/issues";

type Env = Record<string, string | undefined>;

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

function inside(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  return rel.startsWith("..") || isAbsolute(rel) ? undefined : toPosix(rel) || ".";
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The pull request's base commit from the event payload, or why there is none. */
export function pullRequestBase(env: Env): { sha: string } | { reason: string } {
  const event = env.GITHUB_EVENT_NAME ?? "";
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return { reason: `this run has no event payload (GITHUB_EVENT_PATH is not set)` };
  let payload: unknown;
  try {
    payload = JSON.parse(readRegularFile(path, dirname(path)));
  } catch {
    return { reason: `the event payload at GITHUB_EVENT_PATH could not be read` };
  }
  const sha = (payload as { pull_request?: { base?: { sha?: unknown } } } | null)?.pull_request?.base?.sha;
  if (typeof sha !== "string" || !/^[0-9a-f]{7,64}$/i.test(sha))
    return { reason: `this run is not for a pull request (event "${event || "unknown"}")` };
  return { sha };
}

interface OnlyChanged {
  results: LintFileResult[];
  /** What happened, for the log and the summary. */
  note: string;
}

function applyOnlyChanged(results: LintFileResult[], workspace: string, env: Env): OnlyChanged {
  const base = pullRequestBase(env);
  if ("reason" in base) return { results, note: `only-changed is set, but ${base.reason}: all findings are reported.` };
  const short = base.sha.slice(0, 7);
  let changed;
  try {
    changed = changedLinesSince(workspace, base.sha);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      results,
      note: `only-changed is set, but git could not compare with the pull request's base commit ${short} (${why}): all findings are reported. Check out with \`fetch-depth: 0\` so that the base commit is there.`,
    };
  }
  const kept = keepChanged(results, changed);
  return {
    results: kept.results,
    note: `only-changed: only findings on lines this pull request added or changed (compared with its base ${short}) are reported; ${plural(kept.removed, "finding")} on other lines ${kept.removed === 1 ? "is" : "are"} left out.`,
  };
}

/** The lint's results with the probe's findings added to their files (a probed config is always a linted one, or a new entry). */
export function mergeResults(lint: LintFileResult[], probed: LintFileResult[]): LintFileResult[] {
  const byFile = new Map(lint.map((r) => [r.file, r]));
  for (const p of probed) {
    const r = byFile.get(p.file);
    if (!r) byFile.set(p.file, p);
    else if (p.findings.length) byFile.set(p.file, { ...r, findings: [...r.findings, ...p.findings].sort(compareFindings) });
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * The environment the probed servers get: the step's, without the runner's own credentials and the action's inputs
 * (a server has no business with ACTIONS_RUNTIME_TOKEN or the OIDC request token).
 */
export function serverEnvironment(env: Env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || name.startsWith("INPUT_") || /^ACTIONS_(RUNTIME_TOKEN|RUNTIME_URL|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL|CACHE_URL|RESULTS_URL)$/.test(name)) continue;
    out[name] = value;
  }
  return out;
}

/**
 * `working-directory`: a folder inside the workspace (following links, so that none leads out of it). Paths, the
 * config file and the suppressions file are taken relative to it; results stay relative to the workspace, which
 * is what annotations, SARIF and the summary's links need.
 */
export function applyWorkingDirectory(inputs: ActionInputs, workspace: string): { inputs: ActionInputs; suppressionsLocation?: string } {
  if (!inputs.workingDirectory) return { inputs };
  const given = inputs.workingDirectory;
  const dir = resolve(workspace, given);
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    throw new InputError(`Input "working-directory": "${given}" is not a folder in the workspace.`);
  }
  if (inside(realpathOr(workspace), real) === undefined || inside(workspace, dir) === undefined)
    throw new InputError(`Input "working-directory": "${given}" is outside the workspace; give a folder inside it.`);
  let isDir = false;
  try {
    isDir = statSync(real).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new InputError(`Input "working-directory": "${given}" is not a folder in the workspace.`);
  const rebase = (p: string): string => (isAbsolute(p) ? p : (inside(workspace, resolve(dir, p)) ?? toPosix(relative(workspace, resolve(dir, p)))));
  return {
    inputs: { ...inputs, paths: inputs.paths.map(rebase), ...(inputs.config ? { config: rebase(inputs.config) } : {}) },
    suppressionsLocation: rebase(DEFAULT_SUPPRESSIONS_FILE),
  };
}

async function runProbe(inputs: ActionInputs, workspace: string, env: Env): Promise<ProbeRun> {
  // Loaded only with probe: true; without it the MCP SDK is never loaded.
  const { probe, formatProgressLine } = await import("@mcp-lint/probe");
  info("probe: starting or reaching every server the MCP configs name (this runs the commands they name).");
  const run = await probe(inputs.paths, {
    cwd: workspace,
    ...(inputs.config ? { configPath: inputs.config } : {}),
    env: serverEnvironment(env),
    log: (line) => debug(`probe: ${line}`),
    // "probe: " first: no line the probe prints can start with "::" and become a workflow command.
    onProgress: (event) => {
      if (event.type === "done") info(`probe: ${formatProgressLine(event)}`);
    },
  });
  return run;
}

/** The config files the run used, for the log: "config: x", "configs: x, y" or "config: none, recommended rules". */
function configsText(files: string[], workspace: string): string {
  if (files.length === 0) return "config: none, recommended rules";
  return `config${files.length === 1 ? "" : "s"}: ${files.map((f) => inside(workspace, f) ?? f).join(", ")}`;
}

function count(results: LintFileResult[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const f of r.findings) c[f.severity]++;
  return c;
}

function useColor(env: Env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return env.FORCE_COLOR !== "0";
}

/** Prints text with workflow commands turned off, so nothing in a report can become an annotation or a command. */
function printVerbatim(text: string): void {
  const token = randomUUID().replace(/-/g, "");
  info(`::stop-commands::${token}`);
  info(text.replace(/\n$/, ""));
  info(`::${token}::`);
}

function sourceLinks(workspace: string, env: Env): SourceLinks | undefined {
  const serverUrl = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  if (!serverUrl || !repository) return undefined;
  // The commit actually checked out (on pull_request_target that is not GITHUB_SHA).
  const sha = gitHead(workspace) ?? env.GITHUB_SHA;
  if (!sha) return undefined;
  const top = gitTopLevel(workspace);
  const root = realpathOr(workspace);
  return {
    serverUrl,
    repository,
    sha,
    repoPath: (file) => (top ? inside(top, resolve(root, file)) : file),
  };
}

function failOnMessage(inputs: ActionInputs, counts: Record<Severity, number>): string | undefined {
  if (inputs.failOn === "never") return undefined;
  if (inputs.failOn === "error" && counts.error > 0) return `mcp-lint found ${plural(counts.error, "error")} (fail-on: error).`;
  if (inputs.failOn === "warning" && counts.error + counts.warning > 0)
    return `mcp-lint found ${countsText({ error: counts.error, warning: counts.warning, info: 0 })} (fail-on: warning).`;
  return undefined;
}

async function lint(env: Env): Promise<void> {
  const started = performance.now();
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const { inputs, suppressionsLocation } = applyWorkingDirectory(
    readInputs((name) => getInput(name)),
    workspace,
  );

  const outcome = await runLint(inputs.paths, {
    cwd: workspace,
    ...(inputs.config ? { configPath: inputs.config } : {}),
    ...(suppressionsLocation ? { suppressionsLocation } : {}),
    fix: false,
    passOnUnprunedSuppressions: true,
  });
  let all = outcome.results;
  info(
    `mcp-lint${version ? ` ${version}` : ""}: checked ${plural(all.length, "file")} in ${Math.round(performance.now() - started)} ms` +
      ` (${configsText(outcome.configFiles, workspace)}).`,
  );
  if (outcome.summary.suppressedCount > 0) info(`${plural(outcome.summary.suppressedCount, "error")} accepted by the suppressions file ${inside(workspace, outcome.suppressionsFile) ?? outcome.suppressionsFile} are not reported.`);
  const unused = Object.keys(outcome.unusedSuppressions).length;
  if (unused > 0) info(`The suppressions file lists errors in ${plural(unused, "file")} that no longer occur; run \`mcp-lint --prune-suppressions\` to remove them.`);

  let probed: ProbeRun | undefined;
  if (inputs.probe) {
    probed = await runProbe(inputs, workspace, env);
    // The suppressions file's entries of the probe's rules (the lint above applied the others).
    const suppressed = await applyProbeSuppressions(probed.results, { cwd: workspace, ...(suppressionsLocation ? { suppressionsLocation } : {}) });
    if (suppressed.suppressedCount > 0) info(`probe: ${plural(suppressed.suppressedCount, "error")} accepted by the suppressions file ${inside(workspace, suppressed.suppressionsFile) ?? suppressed.suppressionsFile} are not reported.`);
    all = mergeResults(all, suppressed.results);
  }
  // The output redaction step over everything the log, the annotations, SARIF and the summary show (the lint's
  // results went through it in runLint already; this covers the probe's).
  all = redactResults(all);

  const notes: string[] = [];
  let reported = all;
  if (inputs.onlyChanged) {
    const only = applyOnlyChanged(all, workspace, env);
    reported = only.results;
    info(only.note);
    notes.push(only.note.replace(/^only-changed/, "`only-changed`"));
  }

  // The log, in the chosen format.
  const report = formatResults(inputs.format, reported, { cwd: workspace, color: useColor(env), ...(version ? { version } : {}) });
  if (report.trim() !== "") printVerbatim(report);
  if (probed && probed.servers.length) {
    const { formatProbeTable } = await import("@mcp-lint/probe");
    printVerbatim(formatProbeTable(probed.servers));
  } else if (probed) info("probe: no MCP servers found in the configs.");
  const counts = count(reported);
  const total = counts.error + counts.warning + counts.info;
  info(total === 0 ? `No problems found.` : `${plural(total, "problem")} (${countsText(counts)}).`);

  // Annotations: the most severe first, within GitHub's per-step limits.
  if (inputs.annotations) {
    const plan = planAnnotations(reported);
    for (const a of plan.shown) {
      const props: AnnotationProperties = a.properties;
      if (a.severity === "error") annotateError(a.message, props);
      else if (a.severity === "warning") warning(a.message, props);
      else notice(a.message, props);
    }
    const text = notShownText(plan);
    if (text) {
      info(`${text} The log above and the job summary list every finding.`);
      notes.push(`${text} All of them are listed below.`);
    }
  }

  // SARIF: every finding, even with only-changed (code scanning limits pull-request alerts to the diff itself,
  // and a filtered file would make it close the alerts on lines the pull request did not touch).
  let sarifPath = "";
  if (inputs.sarifFile) {
    const target = resolve(workspace, inputs.sarifFile);
    try {
      // Inside the workspace, atomically, never through a link (the workspace is the pull request's content).
      writeFileSafely(target, formatResults("sarif", all, { cwd: workspace, ...(version ? { version } : {}) }), {
        root: workspace,
        mkdir: true,
      });
    } catch (error) {
      throw new InputError(`Input "sarif-file": cannot write "${inputs.sarifFile}" (${writeProblemReason(error)}).`);
    }
    sarifPath = target;
    const allCount = count(all);
    const sarifNote = `SARIF with ${plural(allCount.error + allCount.warning + allCount.info, "finding")} written to ${inside(workspace, target) ?? target}.`;
    info(sarifNote);
    notes.push(sarifNote.replace(/to (.*)\.$/, (_m, p: string) => `to \`${p}\`.`));
  }

  if (inputs.summary) {
    if (env.GITHUB_STEP_SUMMARY) {
      const links = sourceLinks(workspace, env);
      const built = buildSummary({ results: reported, notes, ...(links ? { links } : {}), ...(probed ? { servers: probed.servers } : {}) });
      if (built.omitted > 0) info(`The job summary lists ${plural(total - built.omitted, "finding")} of ${total}: GitHub limits a job summary to 1 MiB. The log above lists every finding.`);
      try {
        await summary.addRaw(built.markdown).write();
      } catch (error) {
        // A summary that cannot be written does not change what the lint found: say so and go on.
        warning(`mcp-lint could not write the job summary (${(error instanceof Error ? error.message : String(error)).split("\n")[0]}).`);
      }
    } else {
      info("No job summary: GITHUB_STEP_SUMMARY is not set.");
    }
  }

  setOutput("errors", String(counts.error));
  setOutput("warnings", String(counts.warning));
  setOutput("sarif-file", sarifPath);
  setOutput("servers-failed", probed ? String(probed.servers.filter((s) => s.status === "failed").length) : "");

  const failure = failOnMessage(inputs, counts);
  if (failure) setFailed(failure);
}

/** Turns any error into one clear failure message: never a bare stack trace. */
export function failWith(error: unknown, workspace: string): void {
  if (error instanceof ConfigError) {
    const abs = resolve(workspace, error.file);
    const file = inside(workspace, abs);
    const message = `mcp-lint: the config file ${file ?? error.file} is invalid at line ${error.line}, column ${error.column}: ${error.message.replace(/([^.!?])$/, "$1.")} Fix it, or point the "config" input at another file.`;
    annotateError(message, { title: "mcp-lint config", ...(file ? { file, startLine: error.line, startColumn: error.column } : {}) });
    process.exitCode = 1;
    return;
  }
  if (error instanceof InputError || error instanceof UsageError) {
    setFailed(`mcp-lint: ${error.message}`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.stack) debug(error.stack);
  setFailed(
    `mcp-lint: unexpected error: ${message.split("\n")[0]!.replace(/\.$/, "")}. Unless the runner's environment caused it, this is a bug in mcp-lint: please report it at ${ISSUES_URL} (re-run the job with debug logging on to see the stack trace).`,
  );
}

/** The action: inputs → lint → log, annotations, SARIF, summary, outputs → pass or fail. Never throws. */
export async function run(env: Env = process.env): Promise<void> {
  try {
    await lint(env);
  } catch (error) {
    failWith(error, resolve(env.GITHUB_WORKSPACE || process.cwd()));
  }
}
