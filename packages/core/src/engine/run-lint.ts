import { resolve } from "node:path";
import type { Finding } from "../model/finding.js";
import { isProbeRule } from "../rules/probe-rules.js";
import { redactResults } from "./redact.js";
import { lintFiles, type LintFileResult, type LintFilesOptions } from "./lint-files.js";
import {
  applySuppressions,
  DEFAULT_SUPPRESSIONS_FILE,
  loadSuppressions,
  pruneSuppressions,
  suppressAll,
  updateSuppressions,
  type SuppressionsData,
} from "./suppressions.js";

/**
 * One whole run as the CLI and the GitHub Action do it: lint, fix, the
 * suppressions baseline, --quiet, --max-warnings and the exit code. Front ends
 * only parse their arguments and print; nothing here prints or exits.
 */
export interface RunOptions extends LintFilesOptions {
  /** Report errors only (warnings and infos are neither shown nor counted). */
  quiet?: boolean;
  /** More warnings than this fails the run (exit 1); undefined or negative: no limit. */
  maxWarnings?: number;
  /** Record every current error in the suppressions file. */
  suppressAll?: boolean;
  /** Remove suppressions that no longer match anything. */
  pruneSuppressions?: boolean;
  /** Suppressions file (default mcp-lint-suppressions.json in cwd). */
  suppressionsLocation?: string;
  /** Unused suppressions do not fail the run. */
  passOnUnprunedSuppressions?: boolean;
}

export interface RunSummary {
  fileCount: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fixableInfoCount: number;
  suppressedCount: number;
}

export interface RunOutcome {
  /** What to report: suppressions applied, --quiet applied. */
  results: LintFileResult[];
  configFile?: string;
  /** Every config file the run used (see LintRun.configFiles). */
  configFiles: string[];
  summary: RunSummary;
  /** ESLint's codes: 0 clean, 1 errors or too many warnings, 2 unused suppressions (usage errors are thrown). */
  exitCode: 0 | 1 | 2;
  /** Messages for the user besides the report (the CLI prints them on stderr). */
  notices: string[];
  /** Absolute path of the suppressions file. */
  suppressionsFile: string;
  unusedSuppressions: SuppressionsData;
  /** The suppressions file was written (--suppress-all / --prune-suppressions). */
  suppressionsWritten: boolean;
}

export const UNUSED_SUPPRESSIONS_MESSAGE =
  "There are suppressions left that do not occur anymore. To resolve this, re-run the command with `--prune-suppressions` to remove unused suppressions. To ignore unused suppressions, use `--pass-on-unpruned-suppressions`.";

export function summarize(results: LintFileResult[]): RunSummary {
  const s: RunSummary = {
    fileCount: results.length,
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fixableInfoCount: 0,
    suppressedCount: 0,
  };
  for (const r of results) {
    s.suppressedCount += r.suppressed?.length ?? 0;
    for (const f of r.findings) {
      if (f.severity === "error") {
        s.errorCount++;
        if (f.fix) s.fixableErrorCount++;
      } else if (f.severity === "warning") {
        s.warningCount++;
        if (f.fix) s.fixableWarningCount++;
      } else {
        s.infoCount++;
        if (f.fix) s.fixableInfoCount++;
      }
    }
  }
  return s;
}

function errorsOnly(results: LintFileResult[]): LintFileResult[] {
  return results.map((r) => ({ ...r, findings: r.findings.filter((f: Finding) => f.severity === "error") }));
}

export async function runLint(paths: string[], options: RunOptions = {}): Promise<RunOutcome> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const linted = await lintFiles(paths, { ...options, cwd });
  // Redacted before anything else sees the results: the baseline's pointers, the report, the Action's annotations.
  const run = { ...linted, results: redactResults(linted.results) };
  const suppressionsFile = resolve(cwd, options.suppressionsLocation ?? DEFAULT_SUPPRESSIONS_FILE);
  // The probe's rules have entries in the same file: this run neither applies them nor calls them unused.
  const ctx = { cwd, file: suppressionsFile, reports: (id: string) => !isProbeRule(id) };

  // Read first in any case: a file that cannot be used is reported as such before anything is written.
  let data = await loadSuppressions(suppressionsFile);
  const written = options.suppressAll === true || options.pruneSuppressions === true;
  if (written) {
    // Read, changed and written under a lock: concurrent runs (parallel CI jobs) each keep the others' entries.
    data = await updateSuppressions(
      suppressionsFile,
      (current) => {
        let next = current;
        if (options.suppressAll) next = suppressAll(run.results, next, ctx);
        if (options.pruneSuppressions) next = pruneSuppressions(next, applySuppressions(run.results, next, ctx).unused);
        return next;
      },
      cwd,
    );
  }
  const applied = applySuppressions(run.results, data, ctx);

  const results = options.quiet ? errorsOnly(applied.results) : applied.results;
  const summary = summarize(results);
  const notices: string[] = [];
  const maxWarnings = options.maxWarnings ?? -1;
  const tooManyWarnings = maxWarnings >= 0 && summary.warningCount > maxWarnings;
  if (tooManyWarnings && summary.errorCount === 0) notices.push(`mcp-lint found too many warnings (maximum: ${maxWarnings}).`);

  let exitCode: 0 | 1 | 2 = summary.errorCount > 0 || tooManyWarnings ? 1 : 0;
  if (Object.keys(applied.unused).length > 0 && !options.passOnUnprunedSuppressions) {
    notices.push(UNUSED_SUPPRESSIONS_MESSAGE);
    exitCode = 2;
  }
  return {
    results,
    ...(run.configFile ? { configFile: run.configFile } : {}),
    configFiles: run.configFiles,
    summary,
    exitCode,
    notices,
    suppressionsFile,
    unusedSuppressions: applied.unused,
    suppressionsWritten: written,
  };
}

export interface ProbeSuppressionsOptions {
  cwd: string;
  /** Suppressions file (default mcp-lint-suppressions.json in cwd). */
  suppressionsLocation?: string;
  /** Record every current error of the probe's rules (other entries are kept). */
  suppressAll?: boolean;
}

/**
 * The suppressions file applied to the probe's results, as runLint applies it to the static run's: the same file,
 * keyed by file, rule and JSON pointer, but only the entries of the probe's rules (isProbeRule) take part, so neither
 * run calls the other's entries unused. Entries the probe did not use are not reported (a probe reaches only the
 * servers it was asked to), and nothing is pruned.
 */
export async function applyProbeSuppressions(
  results: LintFileResult[],
  options: ProbeSuppressionsOptions,
): Promise<{ results: LintFileResult[]; suppressedCount: number; suppressionsFile: string; suppressionsWritten: boolean }> {
  const cwd = resolve(options.cwd);
  const suppressionsFile = resolve(cwd, options.suppressionsLocation ?? DEFAULT_SUPPRESSIONS_FILE);
  const ctx = { cwd, file: suppressionsFile, reports: isProbeRule };
  let data = await loadSuppressions(suppressionsFile);
  if (options.suppressAll) data = await updateSuppressions(suppressionsFile, (current) => suppressAll(results, current, ctx), cwd);
  const applied = applySuppressions(results, data, ctx).results;
  const suppressedCount = applied.reduce((n, r) => n + (r.suppressed?.length ?? 0), 0);
  return { results: applied, suppressedCount, suppressionsFile, suppressionsWritten: options.suppressAll === true };
}
