import { collectDirectives, directiveSeverity, MISSPELT_DIRECTIVE, UNUSED_DIRECTIVE } from "./directives.js";
import { ruleIdSet } from "../rules/catalog.js";
import { isProbeRule } from "../rules/probe-rules.js";
import { dialectForPath, formatForPath, getDialect, sniffDialect } from "../dialects/index.js";
import type { Dialect } from "../dialects/types.js";
import { parseDocument, type ConfigDocument } from "../document/index.js";
import { isWithinPointer } from "../document/pointer.js";
import { fingerprint } from "../model/fingerprint.js";
import type { Finding, Fix, SeveritySetting } from "../model/finding.js";
import { capSeverity, compareFindings } from "../model/finding.js";
import { applyFixes } from "./fix.js";
import { configRules } from "../rules/index.js";
import { formatMessage, type ConfigRule, type ConfigRuleContext, type ReportDescriptor } from "../rules/types.js";
import { collectServers } from "../dialects/servers.js";
import { manifestDialect, MANIFEST_DIALECT_ID } from "../dialects/manifest.js";
import { manifestFormat, manifestKind, mentionsMcpSdk, parseManifest } from "../document/manifest.js";
import { carriesSecret } from "../util/secrets.js";

export interface RuleSetting {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

export type RuleSettings = Record<string, RuleSetting>;

export interface PointerOverride {
  /** Findings at or below this JSON pointer take these settings. */
  pointer: string;
  rules: RuleSettings;
}

export interface LintTextOptions {
  /** Force a dialect (id or object) instead of detecting it from path and content. */
  dialect?: string | Dialect;
  /** Effective rule settings; rules not named keep their defaults. */
  rules?: RuleSettings;
  pointerOverrides?: PointerOverride[];
  /** Apply fixes (up to 10 passes) and return the fixed text as `output`. */
  fix?: boolean;
  /** Severity of unused `mcp-lint-disable` directives (default info; misspelt ones are a warning; "off": neither). */
  unusedDirectives?: SeveritySetting;
}

export interface FileResult {
  file: string;
  /** Dialect id the file was checked as; undefined when skipped. */
  dialect?: string;
  findings: Finding[];
  /** The fixed text, when `fix` was asked and changed something. */
  output?: string;
  /** Set when the file is not an MCP config and was skipped quietly. */
  skipped?: "not-mcp";
  /** Source text, from lintConfigText and lintSourceText; lintFiles leaves it out of a run's results (never printed). */
  source?: string;
}

/** Default settings: the recommended rules at their severity, the others off. */
export function defaultRuleSettings(preset: "recommended" | "strict" | "all" = "recommended"): RuleSettings {
  const out: RuleSettings = {};
  for (const rule of configRules) {
    out[rule.meta.id] = { severity: preset !== "recommended" || rule.meta.recommended ? rule.meta.severity : "off" };
  }
  return out;
}

/** Which dialect a file is, from the override, its path, or (fallback) its content. */
export function detectDialect(
  file: string,
  text: string | undefined,
  override?: string | Dialect,
): { dialect?: Dialect; document?: ConfigDocument; reason?: string } {
  if (override) {
    const d = typeof override === "string" ? getDialect(override) : override;
    if (d) return withBlock(file, text, d, "set by --dialect or the config file");
  }
  // Dependency manifests and lockfiles: read for the MCP SDK version only, and only when they name an MCP SDK
  // package (one cheap text scan before any parsing: most package.json files of a tree do not).
  const kind = manifestKind(file);
  if (kind) {
    if (text === undefined) return { dialect: manifestDialect(manifestFormat(kind)), reason: "a dependency manifest" };
    if (!mentionsMcpSdk(kind, text)) return { reason: "a dependency manifest that names no MCP SDK package" };
    return { dialect: manifestDialect(manifestFormat(kind)), document: parseManifest(file, text, kind), reason: "a dependency manifest that names an MCP SDK package" };
  }
  const byPath = dialectForPath(file);
  if (byPath) return withBlock(file, text, byPath, byPath.holdsMcp?.present ?? `its path is where ${byPath.client} keeps this file`);
  const format = formatForPath(file);
  if (!format || text === undefined) return {};
  const document = parseDocument(file, text, format);
  if (document.errors.length > 0) return {};
  const sniffed = sniffDialect(document.value, format);
  if (!sniffed) return {};
  const reason = `content: ${sniffed.sniffReason ?? `its servers are under ${sniffed.rootKeys.map((k) => JSON.stringify(k)).join(" or ") || "this client's keys"}`}`;
  return { dialect: sniffed, document: sniffed.format === format ? document : undefined, reason };
}

/** A dialect whose files are MCP configs only when they hold its block (VS Code settings.json): without it, none. */
function withBlock(file: string, text: string | undefined, dialect: Dialect, reason: string): { dialect?: Dialect; document?: ConfigDocument; reason?: string } {
  const block = dialect.holdsMcp;
  if (!block || text === undefined) return { dialect, reason };
  const document = parseDocument(file, text, dialect.format);
  const holds = document.errors.length === 0 ? block.test(document.value) : block.testText(text);
  return holds ? { dialect, document, reason } : { reason: block.absent };
}

/** Lints one config file's text. Never throws: a broken file or a failing rule becomes a finding. */
export function lintConfigText(file: string, text: string, options: LintTextOptions = {}): FileResult {
  const { dialect, document } = detectDialect(file, text, options.dialect);
  if (!dialect) return { file, findings: [], skipped: "not-mcp" };
  const parse = (t: string): ConfigDocument => {
    const kind = dialect.id === MANIFEST_DIALECT_ID ? manifestKind(file) : undefined;
    return kind ? parseManifest(file, t, kind) : parseDocument(file, t, dialect.format);
  };
  let doc = document ?? parse(text);
  let findings = runRules(doc, dialect, options);
  if (!options.fix) return { file, dialect: dialect.id, findings, source: text };

  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = findings.map((f) => f.fix).filter((f): f is Fix => f !== undefined);
    if (fixes.length === 0) break;
    const { output, applied } = applyFixes(current, fixes);
    if (applied === 0 || output === current) break;
    current = output;
    doc = parse(current);
    findings = runRules(doc, dialect, options);
  }
  return { file, dialect: dialect.id, findings, source: current, ...(current !== text ? { output: current } : {}) };
}

interface PlannedRule {
  rule: ConfigRule<string, Record<string, unknown>>;
  id: string;
  base: RuleSetting;
  options: Record<string, unknown>;
}

let cachedDefaults: RuleSettings | undefined;
const planCache = new WeakMap<RuleSettings, PlannedRule[]>();

/** The rules to run with their settings and merged options; cached per settings object (one per config, not per file). */
function plan(options: LintTextOptions): PlannedRule[] {
  const defaults = (cachedDefaults ??= defaultRuleSettings());
  const settings = options.rules ?? defaults;
  const overrides = options.pointerOverrides ?? [];
  const cached = overrides.length === 0 ? planCache.get(settings) : undefined;
  if (cached) return cached;
  const out: PlannedRule[] = [];
  for (const rule of configRules) {
    const id = rule.meta.id;
    const base = settings[id] ?? defaults[id] ?? { severity: "off" };
    const enabledSomewhere = base.severity !== "off" || overrides.some((o) => o.rules[id] && o.rules[id].severity !== "off");
    if (!enabledSomewhere) continue;
    out.push({
      rule: rule as ConfigRule<string, Record<string, unknown>>,
      id,
      base,
      options: { ...rule.meta.defaultOptions, ...(base.options ?? {}) },
    });
  }
  if (overrides.length === 0) planCache.set(settings, out);
  return out;
}

function runRules(doc: ConfigDocument, dialect: Dialect, options: LintTextOptions): Finding[] {
  const planned = plan(options);
  const parsed = doc.errors.length === 0;
  const isManifest = dialect.id === MANIFEST_DIALECT_ID;
  const servers = parsed && !isManifest ? collectServers(doc, dialect) : [];
  const directives = doc.comments.length > 0 ? collectDirectives(doc.comments, doc.lines, ruleIdSet(), (id) => !isProbeRule(id)) : undefined;
  const overrides = options.pointerOverrides ?? [];
  const findings: Finding[] = [];
  const file = doc.filePath;

  // One context and one report function for every rule of this file; `current` says whose report it is.
  let current: PlannedRule = planned[0]!;
  const report = (d: ReportDescriptor<string>): void => {
    const { id, base } = current;
    const setting = overrides.length > 0 ? (pointerSetting(id, d.pointer, overrides) ?? base) : base;
    if (setting.severity === "off") return;
    const range = d.range ? doc.rangeOfOffsets(d.range) : doc.locate(d.pointer, d.part ?? "key");
    if (directives?.isDisabled(id, range.line)) return;
    const template = current.rule.meta.messages[d.messageId] ?? d.messageId;
    // A fix or suggestion whose text would carry a credential is dropped: no output may contain one.
    const fix = d.fix && !carriesSecret(d.fix.text) ? d.fix : undefined;
    const suggestions = d.suggestions?.filter((s) => !carriesSecret(s.fix.text) && !carriesSecret(s.desc));
    const finding: Finding = {
      ruleId: id,
      severity: capSeverity(setting.severity, d.maxSeverity),
      message: formatMessage(template, d.data),
      file,
      pointer: d.pointer,
      fingerprint: fingerprint(id, file, d.pointer),
      line: range.line,
      column: range.column,
      endLine: range.endLine,
      endColumn: range.endColumn,
    };
    if (fix) finding.fix = fix;
    if (suggestions?.length) finding.suggestions = suggestions;
    findings.push(finding);
  };
  const context: ConfigRuleContext<string, Record<string, unknown>> = { document: doc, dialect, servers, options: {}, report };

  for (const p of planned) {
    if (!parsed && !p.rule.runsOnParseErrors) continue;
    if ((p.rule.manifest === true) !== isManifest) continue;
    current = p;
    context.options = p.options;
    try {
      p.rule.check(context);
    } catch (error) {
      findings.push(internalError(file, p.id, error));
    }
  }
  if (directives) {
    for (const problem of directives.problems()) {
      const severity = directiveSeverity(problem.kind, options.unusedDirectives);
      if (severity === "off") continue;
      const id = problem.kind === "unused" ? UNUSED_DIRECTIVE : MISSPELT_DIRECTIVE;
      const range = doc.rangeOfOffsets(problem.range);
      const pointer = `#${range.line}`;
      findings.push({
        ruleId: id,
        severity,
        message: problem.message,
        file,
        pointer: "",
        fingerprint: fingerprint(id, file, pointer),
        line: range.line,
        column: range.column,
        endLine: range.endLine,
        endColumn: range.endColumn,
      });
    }
  }
  return findings.length > 1 ? withoutDuplicates(findings.sort(compareFindings)) : findings;
}

/**
 * A YAML alias makes one source node the value of several places (`- *srv` repeats a whole server): a rule
 * reports each place, at the same range with the same message. One finding (and one fix) per range is enough.
 */
function withoutDuplicates(sorted: Finding[]): Finding[] {
  let out: Finding[] | undefined;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const same = a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn && a.ruleId === b.ruleId && a.message === b.message;
    if (same) out ??= sorted.slice(0, i);
    else if (out) out.push(b);
  }
  return out ?? sorted;
}

/** The setting of the deepest pointer override (`files: ["x.json#/pointer"]`) that contains `pointer`, if any. */
export function pointerSetting(id: string, pointer: string, overrides: PointerOverride[]): RuleSetting | undefined {
  let found: RuleSetting | undefined;
  let depth = -1;
  for (const o of overrides) {
    const s = o.rules[id];
    if (s && isWithinPointer(pointer, o.pointer) && o.pointer.length >= depth) {
      found = s;
      depth = o.pointer.length;
    }
  }
  return found;
}

/** A rule that throws must not stop the run: it becomes a located, reportable finding. */
export function internalError(file: string, ruleId: string, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: "internal-error",
    severity: "error",
    message: `Rule "${ruleId}" failed on this file (${reason.split("\n")[0]}). This is a bug in mcp-lint: please report it with the file's structure.`,
    file,
    pointer: "",
    fingerprint: fingerprint("internal-error", file, ruleId),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
}
