import type { Rule } from "eslint";
import {
  dialects,
  docsUrl,
  prepareConfigFile,
  runConfigRule,
  UnknownDialectError,
  type ConfigRule,
  type ConfigRuleReport,
  type Fix,
  type PreparedConfigFile,
} from "@mcp-lint/core";

/**
 * An mcp-lint config rule as an ESLint rule over @eslint/json's languages.
 * No rule logic lives here: the file is prepared by core exactly as the CLI
 * prepares it (dialect from the path, then the content; core's own parse of
 * `sourceCode.text`), core's rule runs, and each report goes to ESLint with
 * the CLI's location, message id and data, fix and suggestions.
 */

/** The JSON languages of @eslint/json (matched by its `meta.namespace`, whatever name the config gives the plugin). */
export const JSON_LANGUAGES = ["json/json", "json/jsonc", "json/json5"];

/** `settings["mcp-lint"]` in an ESLint config. */
export interface McpLintSettings {
  /** Check the matched files as this client's format (a dialect id: "cursor", "vscode", ...), as the CLI's `dialects`. */
  dialect?: string;
}

interface Prepared {
  dialect: string | undefined;
  file: PreparedConfigFile | undefined;
}

/** One preparation per source text and dialect, shared by every mcp-lint rule of the file (ESLint makes one SourceCode per file and pass). */
const preparedFiles = new WeakMap<object, Prepared>();

function dialectSetting(settings: Record<string, unknown> | undefined): string | undefined {
  const ours = settings?.["mcp-lint"];
  if (ours === undefined || ours === null) return undefined;
  const dialect = (ours as McpLintSettings).dialect;
  if (dialect === undefined) return undefined;
  if (typeof dialect !== "string") throw new Error(`settings["mcp-lint"].dialect must be a dialect id string.`);
  return dialect;
}

function prepare(context: Rule.RuleContext): PreparedConfigFile | undefined {
  const sourceCode = context.sourceCode;
  const dialect = dialectSetting(context.settings);
  const cached = preparedFiles.get(sourceCode);
  if (cached && cached.dialect === dialect) return cached.file;
  let file: PreparedConfigFile | undefined;
  try {
    file = prepareConfigFile(context.filename, sourceCode.text, dialect);
  } catch (error) {
    if (error instanceof UnknownDialectError) {
      throw new Error(`settings["mcp-lint"].dialect: ${error.message} Use one of: ${dialects.map((d) => d.id).join(", ")}.`);
    }
    throw error;
  }
  preparedFiles.set(sourceCode, { dialect, file });
  return file;
}

function toFix(fix: Fix): Rule.ReportFixer {
  return (fixer) => fixer.replaceTextRange(fix.range, fix.text);
}

function toDescriptor(rule: ConfigRule<string, Record<string, unknown>>, r: ConfigRuleReport): Rule.ReportDescriptor {
  // @eslint/json's languages count columns from 1 (`columnStart: 1`), as core does: core's positions pass unchanged.
  const loc = { start: { line: r.loc.line, column: r.loc.column }, end: { line: r.loc.endLine, column: r.loc.endColumn } };
  const common = {
    loc,
    ...(r.fix ? { fix: toFix(r.fix) } : {}),
    ...(r.suggestions ? { suggest: r.suggestions.map((s) => ({ desc: s.desc, fix: toFix(s.fix) })) } : {}),
  };
  // A message id the rule declares goes to ESLint with its data (ESLint fills the template as core does); anything else as text.
  return Object.hasOwn(rule.meta.messages, r.messageId)
    ? { ...common, messageId: r.messageId, ...(r.data ? { data: r.data } : {}) }
    : { ...common, message: r.message };
}

export function toEslintRule(rule: ConfigRule<string, Record<string, unknown>>): Rule.RuleModule {
  const { meta } = rule;
  return {
    meta: {
      type: "problem",
      docs: { description: meta.description, recommended: meta.recommended, url: docsUrl(meta.id) },
      messages: { ...meta.messages },
      schema: meta.schema as Rule.RuleMetaData["schema"],
      // ESLint merges these into the options; a rule without options (schema []) must have none.
      ...(meta.schema.length > 0 ? { defaultOptions: [meta.defaultOptions] } : {}),
      ...(meta.fixable ? { fixable: "code" as const } : {}),
      ...(meta.hasSuggestions ? { hasSuggestions: true } : {}),
      // ESLint 10.2+ reads this and refuses the rule on a non-JSON language; ESLint 9 ignores the key.
      languages: JSON_LANGUAGES,
    },
    create(context) {
      const run = (): void => {
        const file = prepare(context);
        if (!file) return;
        const options = { ...meta.defaultOptions, ...((context.options[0] as Record<string, unknown> | undefined) ?? {}) };
        let reports: ConfigRuleReport[];
        try {
          reports = runConfigRule(file, rule, options);
        } catch (error) {
          // As in the CLI: a failing rule is a located finding, not a crash of the whole run.
          const reason = error instanceof Error ? error.message : String(error);
          context.report({
            loc: { line: 1, column: 1 },
            message: `Rule "${meta.id}" failed on this file (${reason.split("\n")[0]}). This is a bug in mcp-lint: please report it with the file's structure.`,
          });
          return;
        }
        for (const r of reports) context.report(toDescriptor(rule, r));
      };
      // @eslint/json's root node; a rule enabled on another language (only possible on ESLint 9) finds no Document and does nothing.
      return { Document: run } as Rule.RuleListener;
    },
  };
}
