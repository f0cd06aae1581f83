import type { ConfigDocument, PointerPart } from "../document/document.js";
import type { OffsetRange } from "../document/types.js";
import type { Dialect } from "../dialects/types.js";
import type { Fix, Severity } from "../model/finding.js";
import type { ServerEntry } from "../dialects/servers.js";

export type JSONSchema = Record<string, unknown>;

export interface RuleMeta<MessageIds extends string = string> {
  /** kebab-case id, also the doc page name: docs/rules/<id>.md */
  id: string;
  description: string;
  /** Severity when the rule is on; `recommended` says whether it is on by default. */
  severity: Severity;
  /** On in the default (recommended) set; rules off there are in `strict`. */
  recommended: boolean;
  fixable?: boolean;
  /**
   * A security rule: its SARIF descriptor gets the `security` tag and this `security-severity` (0.0–10.0, the CVSS
   * scale GitHub code scanning uses to list the finding as a security alert).
   */
  securitySeverity?: number;
  hasSuggestions?: boolean;
  messages: Record<MessageIds, string>;
  /** JSON Schema of the options object (ESLint-style: one options object). */
  schema: JSONSchema[];
  defaultOptions: Record<string, unknown>;
}

export interface ReportDescriptor<MessageIds extends string> {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /** The key or value the finding is about. */
  pointer: string;
  /** Locate the member's key (default) or its value. */
  part?: PointerPart;
  /** Exact offsets when narrower than the node (a comment, a token). */
  range?: OffsetRange;
  fix?: Fix;
  suggestions?: Array<{ desc: string; fix: Fix }>;
  /**
   * The highest severity this finding may have, whatever the rule is set to (severity policy, docs/severity.md):
   * e.g. a key the client ignores is a warning at most, even from a rule whose other findings are errors.
   */
  maxSeverity?: Severity;
}

export interface ConfigRuleContext<MessageIds extends string, Options> {
  document: ConfigDocument;
  dialect: Dialect;
  /** Server entries normalised over the dialect's field names. */
  servers: ServerEntry[];
  options: Options;
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

/** A config rule: metadata plus a pure function over a parsed, dialect-tagged document. */
export interface ConfigRule<MessageIds extends string = string, Options = Record<string, unknown>> {
  meta: RuleMeta<MessageIds>;
  /** Also runs on documents that failed to parse (only the syntax rule does). */
  runsOnParseErrors?: boolean;
  /**
   * Runs on dependency manifests and lockfiles (document/manifest.ts, the "manifest" dialect) instead of MCP configs.
   * Manifest rules run on nothing else, and no other rule runs on a manifest.
   */
  manifest?: boolean;
  check(context: ConfigRuleContext<MessageIds, Options>): void;
}

export const DOCS_BASE = "https://github.com/mcp-lint/mcp-lint/blob/main/docs/rules/";

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

/** Identity helper that keeps message ids and options typed. */
export function defineConfigRule<MessageIds extends string, Options = Record<string, unknown>>(
  rule: ConfigRule<MessageIds, Options>,
): ConfigRule<MessageIds, Options> {
  return rule;
}

/** A message template split at its `{{name}}` placeholders: literal, name, whole placeholder, literal, … */
interface CompiledTemplate {
  literals: string[];
  keys: string[];
  wholes: string[];
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
const compiledTemplates = new Map<string, CompiledTemplate>();

function compileTemplate(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (compiled) return compiled;
  compiled = { literals: [], keys: [], wholes: [] };
  let last = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(template); m !== null; m = PLACEHOLDER.exec(template)) {
    compiled.literals.push(template.slice(last, m.index));
    compiled.keys.push(m[1]!);
    compiled.wholes.push(m[0]);
    last = m.index + m[0].length;
  }
  compiled.literals.push(template.slice(last));
  if (compiledTemplates.size >= 1000) compiledTemplates.clear();
  compiledTemplates.set(template, compiled);
  return compiled;
}

/** Fills `{{name}}` placeholders of a message template (each template is parsed once: this runs per finding). */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  const { literals, keys, wholes } = compileTemplate(template);
  let out = literals[0]!;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    out += (key in data ? String(data[key]) : wholes[i]!) + literals[i + 1]!;
  }
  return out;
}
