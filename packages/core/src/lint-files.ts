import { readFileSync, writeFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import {
  applyRuleOverrides,
  checkDialectId,
  CONFIG_FILE_NAME,
  findConfigFile,
  loadConfig,
  resolveFileSettings,
  type McpLintConfig,
} from "./config.js";
import { dialectForPath } from "./dialects/index.js";
import { discoverFiles } from "./discovery.js";
import { UsageError } from "./errors.js";
import type { Finding } from "./finding.js";
import { fingerprint } from "./fingerprint.js";
import { allRules } from "./rules/catalog.js";
import { isCodeFile, lintSourceText } from "./code/runner.js";
import { detectDialect, internalError, lintConfigText, type FileResult, type PointerOverride, type RuleSettings } from "./runner.js";

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
}

export interface LintFileResult extends FileResult {
  /** Errors accepted by the suppressions file (not reported, not counted). */
  suppressed?: Finding[];
}

export interface LintRun {
  /** One per linted file, sorted by path; file paths relative to cwd with forward slashes. */
  results: LintFileResult[];
  /** Absolute path of the config file used, if any. */
  configFile?: string;
}

/** Rule ids of findings that do not come from a rule. */
export const READ_ERROR = "read-error";
export const FILE_IGNORED = "file-ignored";

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

function displayPath(cwd: string, abs: string): string {
  return toPosix(relative(cwd, abs)) || ".";
}

function fileFinding(file: string, ruleId: string, severity: Finding["severity"], message: string): Finding {
  return { ruleId, severity, message, file, pointer: "", fingerprint: fingerprint(ruleId, file, ""), line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** The config that applies, per the options. Throws ConfigError for a broken one. */
export function resolveConfig(options: Pick<LintFilesOptions, "cwd" | "configPath" | "noConfigLookup">): McpLintConfig | undefined {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.configPath) return loadConfig(resolve(cwd, options.configPath));
  if (options.noConfigLookup) return undefined;
  const found = findConfigFile(cwd);
  return found ? loadConfig(found) : undefined;
}

/**
 * Lints the MCP config files under `paths` (files, folders, globs). Files that are
 * not MCP configs are skipped quietly and are not in the results.
 */
export async function lintFiles(paths: string[], options: LintFilesOptions = {}): Promise<LintRun> {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.dialect) {
    const problem = checkDialectId(options.dialect);
    if (problem) throw new UsageError(problem);
  }
  const config = resolveConfig({ ...options, cwd });
  const files = await discoverFiles(paths, { cwd, ...(config ? { config } : {}) });
  const warnIgnored = options.warnIgnored ?? true;

  // Files are read synchronously on purpose: on the 10,000-file benchmark, readFileSync reads them all in
  // ~0.2 s, fs.promises.readFile with 64 in flight in ~2 s (config files are tiny; the thread pool only adds cost).
  const results: Array<LintFileResult | undefined> = [];
  for (const { path: abs, explicit, pathDialect } of files) results.push(await lintOne(abs, explicit, pathDialect));

  async function lintOne(abs: string, explicit: boolean, pathDialect: string | undefined): Promise<LintFileResult | undefined> {
    const file = displayPath(cwd, abs);
    const settings = applyRuleOverrides(resolveFileSettings(config, abs), options.rules);
    if (settings.ignored) {
      // Walked files were already left out; a file named explicitly gets ESLint's warning instead of a silent skip.
      if (!explicit || !warnIgnored) return undefined;
      return {
        file,
        findings: [
          fileFinding(
            file,
            FILE_IGNORED,
            "warning",
            `File ignored because a pattern in "ignores" of ${CONFIG_FILE_NAME} matches it, so it was not linted. Remove the pattern to lint it.`,
          ),
        ],
      };
    }
    let text: string;
    try {
      text = readFileSync(abs, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
      return { file, findings: [fileFinding(file, READ_ERROR, "error", `Cannot read this file (${code}). Check that it exists and is readable.`)] };
    }
    const dialect = (explicit ? options.dialect : undefined) ?? settings.dialect ?? pathDialect ?? (explicit ? dialectForPath(abs)?.id : undefined);
    if (!dialect && isCodeFile(abs)) {
      // Source files: the code rules, through ESLint's Linter (loaded only if a file passes the MCP prefilter).
      let code: FileResult;
      try {
        code = await lintSourceText(file, text, { rules: settings.rules, fix: options.fix === true });
      } catch (error) {
        return { file, findings: [internalError(file, "code-rules", error)] };
      }
      if (code.skipped) return undefined;
      if (options.fix && code.output !== undefined) writeFileSync(abs, code.output);
      return code;
    }
    let result: FileResult;
    try {
      result = lintConfigText(file, text, {
        ...(dialect ? { dialect } : {}),
        rules: settings.rules,
        pointerOverrides: settings.pointerOverrides,
        fix: options.fix === true,
      });
    } catch (error) {
      return { file, findings: [internalError(file, "parser", error)] };
    }
    if (result.skipped) return undefined;
    if (options.fix && result.output !== undefined) writeFileSync(abs, result.output);
    return result;
  }

  return {
    results: results.filter((r): r is LintFileResult => r !== undefined),
    ...(config ? { configFile: config.file } : {}),
  };
}

export interface PrintedConfig {
  file: string;
  configFile: string | null;
  ignored: boolean;
  /** Dialect the file is checked as (null: not recognised as an MCP config). */
  dialect: string | null;
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
  const config = resolveConfig({ ...options, cwd });
  const abs = resolve(cwd, file);
  const settings = applyRuleOverrides(resolveFileSettings(config, abs), options.rules);
  let dialect = options.dialect ?? settings.dialect ?? dialectForPath(abs)?.id;
  if (!dialect) {
    let text: string | undefined;
    try {
      text = readFileSync(abs, "utf8");
    } catch {
      text = undefined;
    }
    dialect = detectDialect(abs, text).dialect?.id;
  }
  return {
    file: displayPath(cwd, abs),
    configFile: config ? config.file : null,
    ignored: settings.ignored,
    dialect: dialect ?? null,
    rules: printable(settings.rules),
    pointerOverrides: settings.pointerOverrides.map((po: PointerOverride) => ({ pointer: po.pointer, rules: printable(po.rules) })),
  };
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
