import { collectDirectives, type DisableDirectives } from "../engine/directives.js";
import { getDialect } from "../dialects/index.js";
import type { Dialect } from "../dialects/types.js";
import { parseDocument, type ConfigDocument } from "../document/index.js";
import type { OffsetRange } from "../document/types.js";
import type { Fix, SourceRange, Suggestion } from "../model/finding.js";
import { formatMessage, type ConfigRule, type ReportDescriptor } from "../rules/types.js";
import { detectDialect } from "../engine/lint-config-text.js";
import { collectServers, type ServerEntry } from "../dialects/servers.js";
import { carriesSecret } from "../util/secrets.js";
import { Redactor, secretsOfSource } from "../engine/redact.js";

/**
 * Runs one config rule at a time over a file, for front ends that call each
 * rule separately (the ESLint plugin: every mcp-lint rule is its own ESLint
 * rule). It reproduces `lintConfigText`'s per-finding steps exactly: the same
 * dialect detection, document, servers, `mcp-lint-disable` comments, message
 * text, located range, and the same dropping of fixes and suggestions whose
 * text would carry a credential. The file is prepared once and shared by all
 * rules (see `prepareConfigFile`).
 */

/** A config file ready for the rules: its dialect, document, server entries and inline directives. */
export interface PreparedConfigFile {
  dialect: Dialect;
  document: ConfigDocument;
  /** Empty when the document did not parse. */
  servers: ServerEntry[];
  directives?: DisableDirectives;
  /** The output redaction step for this file's messages (made on first use). */
  redactor?: Redactor;
}

/** One report of a config rule, resolved as the CLI resolves it into a finding. */
export interface ConfigRuleReport {
  messageId: string;
  data?: Record<string, string | number>;
  /** The message as the CLI prints it (the template filled with `data`). */
  message: string;
  /** Offsets of the reported range in the text. */
  range: OffsetRange;
  /** 1-based, endColumn exclusive (ESLint's convention for the 1-based form). */
  loc: SourceRange;
  fix?: Fix;
  suggestions?: Suggestion[];
}

/** Thrown for a dialect id that does not exist. */
export class UnknownDialectError extends Error {}

/**
 * Detects the dialect of `file` exactly as the CLI does (path first, then content), and parses it with
 * core's own parser, so ranges and parse problems are the CLI's. Returns undefined for a file that is not
 * an MCP config (the CLI skips those quietly).
 */
export function prepareConfigFile(file: string, text: string, dialectId?: string): PreparedConfigFile | undefined {
  if (dialectId !== undefined && !getDialect(dialectId)) throw new UnknownDialectError(`Unknown mcp-lint dialect "${dialectId}".`);
  const detected = detectDialect(file, text, dialectId);
  const dialect = detected.dialect;
  if (!dialect) return undefined;
  const document = detected.document ?? parseDocument(file, text, dialect.format);
  const servers = document.errors.length === 0 ? collectServers(document, dialect) : [];
  const directives = document.comments.length > 0 ? collectDirectives(document.comments, document.lines) : undefined;
  return { dialect, document, servers, ...(directives ? { directives } : {}) };
}

/** The runner's test, so a fix is dropped here exactly when the CLI drops it. */
export { carriesSecret };

/**
 * Runs one config rule over a prepared file with `options` (already merged with the rule's defaults) and
 * returns its reports in report order. A rule that throws propagates the error (the caller decides how to
 * show it); a rule that does not run on unparsable documents returns no report for one.
 */
export function runConfigRule(
  file: PreparedConfigFile,
  rule: ConfigRule<string, Record<string, unknown>>,
  options: Record<string, unknown>,
): ConfigRuleReport[] {
  const { document, dialect, servers, directives } = file;
  if (document.errors.length > 0 && !rule.runsOnParseErrors) return [];
  const id = rule.meta.id;
  const out: ConfigRuleReport[] = [];
  const report = (d: ReportDescriptor<string>): void => {
    const range: OffsetRange = d.range ? [d.range[0], d.range[1]] : document.offsetsOf(d.pointer, d.part ?? "key");
    const loc = document.rangeOfOffsets(range);
    if (directives?.isDisabled(id, loc.line)) return;
    const template = rule.meta.messages[d.messageId] ?? d.messageId;
    // The output redaction step, as for the CLI's findings: the file's own secrets, whatever rule quotes them.
    // ESLint prints fixes in its JSON output, so a fix that carries one is dropped too (the CLI drops it from its
    // output; its own --fix, which prints nothing of it, still applies it).
    const redactor = (file.redactor ??= new Redactor(secretsOfSource(document.filePath, document.text, dialect.id)));
    const fix = d.fix && !carriesSecret(d.fix.text) && !redactor.carries(d.fix.text) ? d.fix : undefined;
    const suggestions = d.suggestions
      ?.filter((s) => !carriesSecret(s.fix.text) && !carriesSecret(s.desc) && !redactor.carries(s.fix.text))
      .map((s) => ({ ...s, desc: redactor.text(s.desc) }));
    const data = d.data ? Object.fromEntries(Object.entries(d.data).map(([k, v]) => [k, typeof v === "string" ? redactor.text(v) : v])) : undefined;
    out.push({
      messageId: d.messageId,
      ...(data ? { data } : {}),
      message: redactor.text(formatMessage(template, data)),
      range,
      loc,
      ...(fix ? { fix } : {}),
      ...(suggestions?.length ? { suggestions } : {}),
    });
  };
  rule.check({ document, dialect, servers, options, report });
  return out;
}
