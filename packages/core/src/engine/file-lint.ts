import { redactWithSource } from "./redact.js";
import { dialectForPath } from "../dialects/index.js";
import type { Finding, SeveritySetting } from "../model/finding.js";
import { fingerprint } from "../model/fingerprint.js";
import { FileProblem, MAX_FILE_BYTES, readProblemText, readRegularFile } from "../util/safe-fs.js";
import { manifestKind } from "../document/manifest.js";
import { internalError, lintConfigText, type FileResult, type LintTextOptions, type PointerOverride, type RuleSettings } from "./lint-config-text.js";

/**
 * Linting one file of a lintFiles run, shared by the main thread and the worker (engine/lint-worker.ts),
 * so both give the same result for the same file.
 */

/** Rule ids of findings that do not come from a rule. */
export const READ_ERROR = "read-error";
export const FILE_IGNORED = "file-ignored";

export function fileFinding(file: string, ruleId: string, severity: Finding["severity"], message: string): Finding {
  return { ruleId, severity, message, file, pointer: "", fingerprint: fingerprint(ruleId, file, ""), line: 1, column: 1, endLine: 1, endColumn: 1 };
}

export type ReadResult = { text: string } | { error: unknown };

/** A file's text: a regular file under the size cap, a link followed only inside `root` (see util/safe-fs.ts). */
export function readText(abs: string, root: string): ReadResult {
  try {
    return { text: readRegularFile(abs, root) };
  } catch (error) {
    return { error };
  }
}

export interface FileJob {
  abs: string;
  /** Path shown in results. */
  file: string;
  explicit: boolean;
  /** `(explicit ? options.dialect : undefined) ?? settings.dialect ?? pathDialect`: the dialect known before reading. */
  dialectHint: string | undefined;
  /** code/languages.ts isSourceFile(abs): without a dialect, the file is for the code rules. */
  codeCandidate: boolean;
  rules: RuleSettings;
  pointerOverrides: PointerOverride[];
  /** Severity of unused disable directives (see LintTextOptions.unusedDirectives). */
  unusedDirectives?: SeveritySetting;
}

/** Marker: a path named on the command line that is not a file after all (see lintFiles). */
export const NOT_A_FILE = "not-a-file";

/** Marker: a JavaScript/TypeScript file, linted by the code rules on the main thread. */
export const CODE_FILE = "code";

/**
 * The result for a readable, not ignored file: a config file's lint result, undefined when it is not an MCP
 * config, or CODE_FILE when it is a source file for the code rules (a code file name and no dialect).
 */
export function lintReadFile(job: FileJob, read: ReadResult, fix: boolean): FileResult | undefined | typeof CODE_FILE {
  const { abs, file, explicit } = job;
  if ("error" in read) {
    // A lockfile over the read cap is common (big monorepos) and is not an MCP config: said at info level.
    if (read.error instanceof FileProblem && read.error.code === "too-large" && manifestKind(abs) && !job.dialectHint) {
      const mb = Math.round(MAX_FILE_BYTES / 1024 / 1024);
      return { file, findings: [fileFinding(file, READ_ERROR, "info", `This dependency file is larger than ${mb} MB, mcp-lint's read limit: the MCP SDK version it resolves was not checked (rule vulnerable-sdk).`)] };
    }
    // A walked lockfile that is a link out of the tree (or a FIFO): not followed, not read, and not an MCP config.
    if (read.error instanceof FileProblem && (read.error.code === "link-outside" || read.error.code === "not-regular") && manifestKind(abs) && !job.dialectHint && !explicit) {
      return { file, findings: [fileFinding(file, READ_ERROR, "info", `${readProblemText(read.error, "This dependency file")} The MCP SDK version it resolves was not checked (rule vulnerable-sdk).`)] };
    }
    const code = (read.error as NodeJS.ErrnoException).code ?? "unknown error";
    const message = /^[A-Z0-9]+$/.test(code) || code === "unknown error" ? `Cannot read this file (${code}). Check that it exists and is readable.` : readProblemText(read.error, "This file");
    return { file, findings: [fileFinding(file, READ_ERROR, "error", message)] };
  }
  const dialect = job.dialectHint ?? (explicit ? dialectForPath(abs)?.id : undefined);
  if (!dialect && job.codeCandidate) return CODE_FILE;
  let result: FileResult;
  try {
    const textOptions: LintTextOptions = { rules: job.rules, pointerOverrides: job.pointerOverrides, fix };
    if (job.unusedDirectives) textOptions.unusedDirectives = job.unusedDirectives;
    if (dialect) textOptions.dialect = dialect;
    result = lintConfigText(file, read.text, textOptions);
  } catch (error) {
    return { file, findings: [internalError(file, "parser", error)] };
  }
  if (result.skipped) return undefined;
  // A run's results do not hold every file's text (nothing after the lint reads it; --fix writes `output` here):
  // the findings are redacted now, while the text says which values are this file's secrets.
  return redactWithSource(result);
}
