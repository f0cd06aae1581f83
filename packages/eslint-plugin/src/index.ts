import { createRequire } from "node:module";
import { JSONLanguage } from "@eslint/json";
import * as tsParser from "@typescript-eslint/parser";
import type { ESLint, Linter, Rule } from "eslint";
import {
  CODE_FILES,
  codeRules,
  configRules,
  DECLARATION_FILES,
  MCP_JSON_FILES,
  presetSeverities,
  TYPESCRIPT_FILES,
  type CodeRule,
  type ConfigRule,
  type SeveritySetting,
} from "@mcp-lint/core";
import { toEslintRule } from "./config-rule.js";

export type { McpLintSettings } from "./config-rule.js";

/** The presets, as in the CLI's `"preset"`: `recommended` rules, or every rule (`strict`, `all`). */
export type PresetName = "recommended" | "strict" | "all";

export interface McpLintPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  /** Every mcp-lint rule by id: the config rules (on MCP config JSON files) and the code rules (on JS/TS). */
  rules: Record<string, Rule.RuleModule>;
  /** Flat configs, each an array to spread into `eslint.config.js`. */
  configs: Record<PresetName, Linter.Config[]>;
}

const pkg = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

const NAMESPACE = "mcp-lint";

/** A code rule as core defines it, plus the language it lints (read by ESLint 10.2+, ignored by ESLint 9). */
function codeRule(rule: CodeRule): Rule.RuleModule {
  return { ...rule, meta: { ...rule.meta, languages: ["js/js"] } } as unknown as Rule.RuleModule;
}

const rules: Record<string, Rule.RuleModule> = {};
for (const rule of configRules) rules[rule.meta.id] = toEslintRule(rule as unknown as ConfigRule<string, Record<string, unknown>>);
for (const [id, rule] of Object.entries(codeRules)) rules[id] = codeRule(rule);

const plugin: McpLintPlugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: NAMESPACE },
  rules,
  configs: {} as McpLintPlugin["configs"],
};

/**
 * @eslint/json's JSONC language with trailing commas allowed by default (`defaultLanguageOptions`), so that the
 * `strict-json` rule, not the parser, reports them. Registered under its own plugin key ("mcp-lint-json") with the
 * namespace "json": the configs never register `@eslint/json` as `json` (no "Cannot redefine plugin" next to a user's
 * own copy), never set `languageOptions` (a user's later `language: "json/json"` block cannot meet an
 * `allowTrailingCommas` it rejects), and ESLint 10's rule/language check still matches @eslint/json's rules
 * (`json/jsonc`) and ours by that namespace.
 */
class McpJsoncLanguage extends JSONLanguage {
  defaultLanguageOptions = { allowTrailingCommas: true };
  constructor() {
    super({ mode: "jsonc" });
  }
}

const jsonLanguagePlugin: ESLint.Plugin = {
  meta: { name: `${pkg.name}/json`, version: pkg.version, namespace: "json" },
  languages: { jsonc: new McpJsoncLanguage() as unknown as NonNullable<ESLint.Plugin["languages"]>[string] },
};

const configIds = new Set(configRules.map((r) => r.meta.id));

function level(severity: SeveritySetting): Linter.RuleSeverity {
  return severity === "error" ? "error" : severity === "off" ? "off" : "warn";
}

/** The rules a preset turns on, as ESLint rule entries; `kind` picks the config or the code rules. */
function presetRules(preset: PresetName, kind: "config" | "code"): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const [id, severity] of Object.entries(presetSeverities(preset))) {
    if (severity === "off" || configIds.has(id) !== (kind === "config") || !rules[id]) continue;
    out[`${NAMESPACE}/${id}`] = level(severity);
  }
  return out;
}

function preset(name: PresetName): Linter.Config[] {
  return [
    {
      // MCP client config files. Every one is read as JSONC with trailing commas (McpJsoncLanguage), whatever its client accepts, so that
      // the `strict-json` rule (not the parser) reports a comment or trailing comma a client would reject, at the same
      // place and with the same fix as the CLI.
      name: `${NAMESPACE}/${name}/config-files`,
      files: [...MCP_JSON_FILES],
      plugins: { "mcp-lint-json": jsonLanguagePlugin, [NAMESPACE]: plugin },
      language: "mcp-lint-json/jsonc",
      rules: presetRules(name, "config"),
    },
    {
      name: `${NAMESPACE}/${name}/typescript-parser`,
      files: [...TYPESCRIPT_FILES],
      ignores: [...DECLARATION_FILES],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
    },
    {
      // CommonJS TypeScript, as the CLI parses it.
      name: `${NAMESPACE}/${name}/cts`,
      files: ["**/*.cts"],
      languageOptions: { sourceType: "commonjs" },
    },
    {
      name: `${NAMESPACE}/${name}/code`,
      files: [...CODE_FILES],
      ignores: [...DECLARATION_FILES],
      plugins: { [NAMESPACE]: plugin },
      rules: presetRules(name, "code"),
    },
  ];
}

plugin.configs.recommended = preset("recommended");
plugin.configs.strict = preset("strict");
plugin.configs.all = preset("all");

export default plugin;
