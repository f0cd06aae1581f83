import type * as ESLintModule from "eslint";
import type { Linter as LinterType } from "eslint";
import { fingerprint, fingerprintText } from "../../model/fingerprint.js";
import type { Finding, Severity, SeveritySetting } from "../../model/finding.js";
import { directiveSeverity, UNUSED_DIRECTIVE } from "../../engine/directives.js";
import { capSeverity, compareFindings } from "../../model/finding.js";
import { codeRuleMeta, codeRules, getCodeRule } from "../../rules/js/index.js";
import { forgetSdkFile } from "./analysis.js";
import { forgetNodeIndex } from "./ast.js";
import { createLeanParser, importLeanParserModules } from "./parser.js";
import { mightBeMcpCode } from "./prefilter.js";
import type { FileResult, RuleSettings } from "../../engine/lint-config-text.js";

/**
 * Runs the code rules on JavaScript/TypeScript sources through ESLint's own
 * `Linter`, so disable directives, fixes and suggestions behave exactly as
 * in ESLint. What keeps it cheap: a text prefilter decides which files are MCP
 * code at all; ESLint and the TypeScript parser are loaded only when the first
 * such file turns up; the Linter gets a leaner parser object (./parser.ts: same
 * AST, tokens, comments and scopes as `@typescript-eslint/parser`, built with
 * less work) and a configuration resolved once per rule settings instead of on
 * every file.
 */

export { isCodeFile } from "../languages.js";

export { mightBeMcpCode } from "./prefilter.js";

const PLUGIN = "mcp-lint";

interface Engine {
  eslint: typeof ESLintModule;
  linter: LinterType;
  parser: LinterType.Parser;
}

let engine: Promise<Engine> | undefined;

/** ESLint and the TypeScript parser, loaded once, on first need. */
function loadEngine(): Promise<Engine> {
  engine ??= Promise.all([import("eslint"), import("@typescript-eslint/parser"), importLeanParserModules()]).then(([eslint, parserModule, modules]) => {
    const stock = (parserModule.default ?? parserModule) as unknown as Parameters<typeof createLeanParser>[0];
    return {
      eslint,
      linter: new eslint.Linter({ configType: "flat" }),
      parser: createLeanParser(stock, modules) ?? (stock as unknown as LinterType.Parser),
    };
  });
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

interface FileKind {
  commonjs: boolean;
  jsx: boolean;
  /** Parsed with espree (ESLint's default parser) instead of the TypeScript parser. */
  espree: boolean;
}

/**
 * .js/.mjs/.cjs files are parsed with espree, about three times faster than typescript-estree on JavaScript, with the
 * same rule results (test/core/code/espree-equivalence.test.ts over real code; every code-rule test also runs on
 * espree). TypeScript accepts JSX in any .js file, so espree gets `jsx` too; whatever espree cannot parse is parsed
 * again with the TypeScript parser, so a file's result never depends on espree being stricter.
 */
function kindOf(file: string, jsParser: "espree" | "typescript"): FileKind {
  const lower = file.toLowerCase();
  const js = lower.endsWith(".js") || lower.endsWith(".mjs") || lower.endsWith(".cjs");
  return {
    commonjs: lower.endsWith(".cjs") || lower.endsWith(".cts"),
    jsx: lower.endsWith(".tsx") || lower.endsWith(".jsx"),
    espree: js && jsParser === "espree",
  };
}

function configFor(kind: FileKind, engine: Engine, rules: LinterType.RulesRecord, reportUnused = false): LinterType.Config[] {
  const sourceType = kind.commonjs ? "commonjs" : "module";
  return [
    {
      files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts", "**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs"],
      languageOptions: kind.espree
        ? // No parser: ESLint's default, espree.
          { ecmaVersion: "latest", sourceType, parserOptions: { ecmaFeatures: { jsx: true } } }
        : {
            parser: engine.parser,
            ecmaVersion: "latest",
            sourceType,
            // No rule reads JSDoc, TypeScript's lib globals or type information: skipping them makes the parse and scope
            // analysis cheaper.
            parserOptions: { ecmaFeatures: { jsx: kind.jsx }, jsDocParsingMode: "none", lib: [], preserveNodeMaps: false },
          },
      plugins: { [PLUGIN]: { rules: codeRules as unknown as Record<string, never> } },
      // Unused eslint-disable comments: ESLint finds them; only those naming mcp-lint's rules are kept (see below).
      linterOptions: { reportUnusedDisableDirectives: reportUnused ? "warn" : "off" },
      rules,
    },
  ];
}

/**
 * The resolved configuration of each (rule settings, file kind), reused for every file.
 *
 * Given a plain config array, `Linter#verify` builds, normalizes and validates a new
 * `FlatConfigArray` on every call (about a tenth of the code pass on small files).
 * ESLint's own `ESLint` class keeps one per instance: its `calculateConfigForFile`
 * returns that array's resolved config for a path (undefined where the array matches
 * no config, or ignores the path, exactly as the Linter's would), and `Linter#verify`
 * takes any array with a `getConfig()` as a resolved config array. The config object
 * is the same one the Linter would have built; only the rebuilding goes away.
 */
const resolvers = new Map<string, { eslint: ESLintModule.ESLint; byFile: Map<string, LinterType.Config[]> }>();

async function resolvedConfig(engine: Engine, file: string, kind: FileKind, rules: LinterType.RulesRecord, reportUnused: boolean): Promise<LinterType.Config[]> {
  const key = `${kind.commonjs ? "c" : "m"}${kind.jsx ? "x" : ""}${kind.espree ? "e" : ""}${reportUnused ? "u" : ""}:${JSON.stringify(rules)}`;
  let resolver = resolvers.get(key);
  if (!resolver) {
    if (resolvers.size >= 32) resolvers.clear();
    resolver = {
      eslint: new engine.eslint.ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: configFor(kind, engine, rules, reportUnused) }),
      byFile: new Map(),
    };
    resolvers.set(key, resolver);
  }
  // The virtual file names are one per extension, and ESLint would give the same config object for the same name
  // again: keep the wrapper instead of asking per file.
  const hit = resolver.byFile.get(file);
  if (hit) return hit;
  const config: unknown = await resolver.eslint.calculateConfigForFile(file);
  const result =
    config !== undefined && typeof (config as { getRuleDefinition?: unknown }).getRuleDefinition !== "function"
      ? // Not the config object this ESLint version's Linter expects: let the Linter resolve the plain config.
        configFor(kind, engine, rules, reportUnused)
      : (Object.assign([], { getConfig: () => config }) as unknown as LinterType.Config[]);
  if (resolver.byFile.size < 64) resolver.byFile.set(file, result);
  return result;
}

export interface LintSourceOptions {
  /** Rule settings (code rules are read from it; others are ignored). Default: the recommended set. */
  rules?: RuleSettings;
  /** Apply fixes (ESLint's verifyAndFix) and return the fixed text as `output`. */
  fix?: boolean;
  /** The parser of .js/.mjs/.cjs files (default espree; "typescript" is for the equivalence tests). */
  jsParser?: "espree" | "typescript";
  /** Severity of unused `eslint-disable` comments that name mcp-lint rules (default info; "off": not reported). */
  unusedDirectives?: SeveritySetting;
}

/** ESLint's message for an unused directive that names one rule: only those naming an mcp-lint rule are ours. */
const UNUSED_ESLINT_DIRECTIVE = /^Unused eslint-(?:disable|enable) directive \(no (?:problems|matching eslint-disable directives) were (?:reported|found) (?:from|for) '(mcp-lint\/[^']+)'\)\.?$/;

/** Lints one source file. Never throws for bad input: a parse error is a located `syntax` finding. */
export async function lintSourceText(file: string, text: string, options: LintSourceOptions = {}): Promise<FileResult> {
  if (!mightBeMcpCode(text)) return { file, findings: [], skipped: "not-mcp" };
  const { rules, severities } = eslintRules(options.rules);
  if (severities.size === 0) return { file, findings: [] };
  const e = await loadEngine();
  // A virtual name relative to the Linter's cwd that the config's `files` always matches: only the extension (lower-cased)
  // is kept, so neither ESLint's default ignores (node_modules) nor an upper-case extension (A.TS) can make it
  // "matched by no configuration". No rule reads the file name.
  const filename = `mcp-lint-input/source${/\.[^./\\]+$/.exec(file)?.[0]?.toLowerCase() ?? ".js"}`;
  let kind = kindOf(file, options.jsParser ?? "espree");
  const unusedSeverity = directiveSeverity("unused", options.unusedDirectives);
  let messages: LinterType.LintMessage[];
  let output: string | undefined;
  for (;;) {
    const config = await resolvedConfig(e, filename, kind, rules, unusedSeverity !== "off");
    if (options.fix) {
      const fixed = e.linter.verifyAndFix(text, config, { filename });
      messages = fixed.messages;
      if (fixed.fixed && fixed.output !== text) output = fixed.output;
    } else {
      messages = e.linter.verify(text, config, { filename });
    }
    // espree could not parse it (a fatal message is a parse error): the TypeScript parser decides.
    if (!kind.espree || !messages.some((m) => m.fatal)) break;
    kind = { ...kind, espree: false };
  }
  releaseSourceCode(e.linter.getSourceCode());
  const source = output ?? text;
  // Only mcp-lint's rules and parse errors: a disable comment naming another plugin's rule (which ESLint reports as
  // "Definition for rule ... was not found" here) is not this linter's business.
  // ESLint's unused-directive messages (rule id null, not fatal) are kept only when they name one of mcp-lint's
  // rules: a bare eslint-disable, or one naming another plugin's rule, is for the user's own ESLint run to judge.
  const isDirective = (m: LinterType.LintMessage) => m.ruleId === null && !m.fatal && /^Unused eslint-/.test(m.message);
  const ours = messages.filter((m) => (isDirective(m) ? UNUSED_ESLINT_DIRECTIVE.test(m.message) : m.ruleId === null || m.ruleId.startsWith(`${PLUGIN}/`)));
  const lines = ours.length > 0 ? source.split(/\r\n|\r|\n/) : [];
  const findings = ours
    .map((m) => (isDirective(m) ? { ...toFinding(file, { ...m, ruleId: UNUSED_DIRECTIVE }, new Map([[UNUSED_DIRECTIVE, unusedSeverity as Severity]]), lines), ruleId: UNUSED_DIRECTIVE } : toFinding(file, m, severities, lines)))
    .sort(compareFindings);
  return { file, findings, source, ...(output !== undefined ? { output } : {}) };
}

/**
 * Lets the file's AST, tokens and scopes die young once the Linter is done with them.
 *
 * The Linter makes every rule's context with `Object.create(fileContext)`; V8 caches the object map made for that new
 * prototype (in old space), and the map keeps the frozen `FileContext`, and through its frozen `SourceCode` the whole
 * file, reachable until the next full garbage collection. So each file's AST, tokens, scopes, ESLint's traversal
 * steps and the rules' per-file caches (keyed by the AST) were copied by every young-generation collection and then
 * promoted, instead of dying with the file (a tenth to a sixth of the code pass's CPU). `SourceCode` and
 * `FileContext` are frozen, but the containers they point to are not: emptying them (after the last verify, when
 * the messages are made and nothing reads the SourceCode again) leaves that map holding a small shell. The Linter's
 * `getSourceCode()` is not used after this; the next `verify` replaces it.
 */
function releaseSourceCode(sourceCode: unknown): void {
  if (typeof sourceCode !== "object" || sourceCode === null) return;
  const sc = sourceCode as {
    ast?: { body?: unknown[]; tokens?: unknown[]; comments?: unknown[] };
    tokensAndComments?: unknown[];
    scopeManager?: { scopes?: unknown[]; globalScope?: unknown } | null;
    traverse?: () => unknown;
  };
  const ast = sc.ast;
  if (typeof ast !== "object" || ast === null) return;
  forgetNodeIndex(ast);
  forgetSdkFile(ast);
  // ESLint caches its traversal (every node, in order) in the SourceCode; traverse() returns that cached array.
  const steps = typeof sc.traverse === "function" ? sc.traverse() : undefined;
  for (const list of [steps, ast.body, ast.tokens, ast.comments, sc.tokensAndComments, sc.scopeManager?.scopes]) {
    if (Array.isArray(list) && !Object.isFrozen(list)) list.length = 0;
  }
  // The global scope leads to every other scope (and their nodes) through its child scopes.
  const scopes = sc.scopeManager;
  if (typeof scopes === "object" && scopes !== null && !Object.isFrozen(scopes) && "globalScope" in scopes) scopes.globalScope = null;
  // Node-keyed WeakMaps whose key, the Program node, stays reachable from the SourceCode: the scope manager's node →
  // scopes map (Program → global and module scope, and from them every scope and node) and ESLint's own caches of
  // the SourceCode (`getScope` results and the like, a Map of WeakMaps under a symbol).
  const weakMaps: unknown[] = typeof scopes === "object" && scopes !== null ? Object.values(scopes) : [];
  for (const symbol of Object.getOwnPropertySymbols(sc)) {
    const value: unknown = (sc as Record<symbol, unknown>)[symbol];
    if (value instanceof Map) weakMaps.push(...value.values());
  }
  for (const map of weakMaps) if (map instanceof WeakMap) map.delete(ast);
}

/** A 1-based line or column from ESLint: 1 when it is missing or not a number. */
function position(n: number | undefined): number {
  return typeof n === "number" && Number.isFinite(n) ? Math.max(1, Math.floor(n)) : 1;
}

function toFinding(file: string, m: LinterType.LintMessage, severities: Map<string, Severity>, lines: string[]): Finding {
  const id = m.ruleId?.startsWith(`${PLUGIN}/`) ? m.ruleId.slice(PLUGIN.length + 1) : (m.ruleId ?? "syntax");
  const configured: Severity = severities.get(id) ?? (m.severity === 2 ? "error" : "warning");
  const caps = getCodeRule(id)?.meta.docs?.messageMaxSeverity;
  const cap = caps && m.messageId && Object.hasOwn(caps, m.messageId) ? caps[m.messageId] : undefined;
  const severity = capSeverity(configured, cap);
  const parseError = m.message.replace(/^Parsing error:\s*/, "");
  const reason = /Maximum call stack size exceeded/.test(parseError) ? "it is nested too deeply for the parser." : /[.!?]$/.test(parseError) ? parseError : `${parseError}.`;
  const message = m.ruleId ? m.message : `Cannot parse this file: ${reason} No MCP rule could check it.`;
  // Code has no JSON pointer: the fingerprint keys on the rule and the text of the reported line, which survives
  // edits elsewhere in the file. A very long line (minified code) is hashed over a bounded window from the
  // reported column instead, so each finding costs the same however long its line is.
  const lineText = fingerprintText(lines[position(m.line) - 1] ?? "", position(m.column));
  return {
    ruleId: id,
    severity,
    message,
    file,
    pointer: "",
    fingerprint: fingerprint(id, file, `code:${lineText}`),
    // ESLint gives no position for some fatal errors (a stack overflow in the parser): such a finding is at 1:1.
    line: position(m.line),
    column: position(m.column),
    endLine: position(m.endLine ?? m.line),
    endColumn: position(m.endColumn ?? m.column),
    ...(m.fix ? { fix: { range: [m.fix.range[0], m.fix.range[1]] as [number, number], text: m.fix.text } } : {}),
    ...(m.suggestions?.length
      ? { suggestions: m.suggestions.map((s) => ({ desc: s.desc, fix: { range: [s.fix.range[0], s.fix.range[1]] as [number, number], text: s.fix.text } })) }
      : {}),
  };
}
