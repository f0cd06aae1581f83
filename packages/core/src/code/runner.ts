import type { Linter as LinterType } from "eslint";
import { fingerprint } from "../fingerprint.js";
import type { Finding, Severity } from "../finding.js";
import { compareFindings } from "../finding.js";
import { codeRuleMeta, codeRules } from "../rules/code/index.js";
import type { FileResult, RuleSettings } from "../runner.js";

/**
 * Runs the code rules on JavaScript/TypeScript sources through ESLint's own
 * `Linter`, so disable directives, fixes and suggestions behave exactly as
 * in ESLint. Two things keep it cheap: a text prefilter decides which files
 * are MCP code at all, and ESLint and the TypeScript parser are loaded only
 * when the first such file turns up.
 */

/** Source files the code rules read. */
export const CODE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

export function isCodeFile(path: string): boolean {
  return CODE_FILE.test(path) && !/\.d\.[cm]?ts$/i.test(path);
}

/**
 * Cheap test for "this module may speak MCP": it names an MCP SDK package, or
 * writes JSON-RPC `initialize` itself (the raw-socket rule's trigger). Every
 * code rule returns early on anything else, so skipping such files changes
 * no result.
 */
export function mightBeMcpCode(text: string): boolean {
  return text.includes("@modelcontextprotocol/") || (text.includes("initialize") && text.includes("jsonrpc"));
}

const PLUGIN = "mcp-lint";

interface Engine {
  linter: LinterType;
  parser: LinterType.Parser;
}

let engine: Promise<Engine> | undefined;

/** ESLint and the TypeScript parser, loaded once, on first need. */
function loadEngine(): Promise<Engine> {
  engine ??= Promise.all([import("eslint"), import("@typescript-eslint/parser")]).then(([eslint, parser]) => ({
    linter: new eslint.Linter({ configType: "flat" }),
    parser: (parser.default ?? parser) as unknown as LinterType.Parser,
  }));
  return engine;
}

/** The code-rule part of rule settings, in ESLint's form. */
function eslintRules(settings: RuleSettings | undefined): { rules: LinterType.RulesRecord; severities: Map<string, Severity> } {
  const rules: LinterType.RulesRecord = {};
  const severities = new Map<string, Severity>();
  for (const meta of codeRuleMeta) {
    const s = settings?.[meta.id];
    const severity = s ? s.severity : meta.recommended ? meta.severity : "off";
    if (severity === "off") continue;
    severities.set(meta.id, severity);
    const level = severity === "error" ? "error" : "warn";
    rules[`${PLUGIN}/${meta.id}`] = s?.options ? [level, s.options] : level;
  }
  return { rules, severities };
}

function configFor(file: string, engine: Engine, rules: LinterType.RulesRecord): LinterType.Config[] {
  const lower = file.toLowerCase();
  const commonjs = lower.endsWith(".cjs") || lower.endsWith(".cts");
  const jsx = lower.endsWith(".tsx") || lower.endsWith(".jsx");
  return [
    {
      files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts", "**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs"],
      languageOptions: {
        parser: engine.parser,
        ecmaVersion: "latest",
        sourceType: commonjs ? "commonjs" : "module",
        // No rule reads JSDoc or TypeScript's lib globals: skipping them makes the parse and scope analysis cheaper.
        parserOptions: { ecmaFeatures: { jsx }, jsDocParsingMode: "none", lib: [] },
      },
      plugins: { [PLUGIN]: { rules: codeRules as unknown as Record<string, never> } },
      linterOptions: { reportUnusedDisableDirectives: "off" },
      rules,
    },
  ];
}

export interface LintSourceOptions {
  /** Rule settings (code rules are read from it; others are ignored). Default: the recommended set. */
  rules?: RuleSettings;
  /** Apply fixes (ESLint's verifyAndFix) and return the fixed text as `output`. */
  fix?: boolean;
}

/** Lints one source file. Never throws for bad input: a parse error is a located `syntax` finding. */
export async function lintSourceText(file: string, text: string, options: LintSourceOptions = {}): Promise<FileResult> {
  if (!mightBeMcpCode(text)) return { file, findings: [], skipped: "not-mcp" };
  const { rules, severities } = eslintRules(options.rules);
  if (severities.size === 0) return { file, findings: [] };
  const e = await loadEngine();
  const config = configFor(file, e, rules);
  // A virtual name relative to the Linter's cwd, so the config's `files` matches it; keeps the extension.
  const filename = `mcp-lint-input/${file.replace(/\\/g, "/").replace(/^(\.\.?\/|\/)+/, "")}`;
  let messages: LinterType.LintMessage[];
  let output: string | undefined;
  if (options.fix) {
    const fixed = e.linter.verifyAndFix(text, config, { filename });
    messages = fixed.messages;
    if (fixed.fixed && fixed.output !== text) output = fixed.output;
  } else {
    messages = e.linter.verify(text, config, { filename });
  }
  const source = output ?? text;
  const lines = source.split(/\r\n|\r|\n/);
  // Only mcp-lint's rules and parse errors: a disable comment naming another plugin's rule (which ESLint reports as
  // "Definition for rule ... was not found" here) is not this linter's business.
  const ours = messages.filter((m) => m.ruleId === null || m.ruleId.startsWith(`${PLUGIN}/`));
  const findings = ours.map((m) => toFinding(file, m, severities, lines)).sort(compareFindings);
  return { file, findings, source, ...(output !== undefined ? { output } : {}) };
}

function toFinding(file: string, m: LinterType.LintMessage, severities: Map<string, Severity>, lines: string[]): Finding {
  const id = m.ruleId?.startsWith(`${PLUGIN}/`) ? m.ruleId.slice(PLUGIN.length + 1) : (m.ruleId ?? "syntax");
  const severity: Severity = severities.get(id) ?? (m.severity === 2 ? "error" : "warning");
  const message = m.ruleId ? m.message : `Cannot parse this file: ${m.message.replace(/^Parsing error:\s*/, "")} No MCP rule could check it.`;
  // Code has no JSON pointer: the fingerprint keys on the rule and the text of the reported line, which survives
  // edits elsewhere in the file.
  const lineText = (lines[m.line - 1] ?? "").trim();
  return {
    ruleId: id,
    severity,
    message,
    file,
    pointer: "",
    fingerprint: fingerprint(id, file, `code:${lineText}`),
    line: Math.max(1, m.line),
    column: Math.max(1, m.column),
    endLine: Math.max(1, m.endLine ?? m.line),
    endColumn: Math.max(1, m.endColumn ?? m.column),
    ...(m.fix ? { fix: { range: [m.fix.range[0], m.fix.range[1]] as [number, number], text: m.fix.text } } : {}),
    ...(m.suggestions?.length
      ? { suggestions: m.suggestions.map((s) => ({ desc: s.desc, fix: { range: [s.fix.range[0], s.fix.range[1]] as [number, number], text: s.fix.text } })) }
      : {}),
  };
}
