#!/usr/bin/env node
// Regenerates, from rule metadata, the rule tables in README.md and the rule list of the config file's JSON Schema
// (editor completion for "rules"). `--check` fails (exit 1) when either is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { allRules } from "../packages/core/dist/index.js";

const readmePath = fileURLToPath(new URL("../README.md", import.meta.url));
const schemaPath = fileURLToPath(new URL("../packages/core/src/schemas/mcp-lint.config.schema.json", import.meta.url));
const START = "<!-- rules-table-start -->";
const END = "<!-- rules-table-end -->";

const SEVERITY = { error: "❌ error", warning: "⚠️ warning", info: "ℹ️ info" };

const LANGUAGES = { js: "JS/TS", python: "Python" };

function table(rules, withLanguages) {
  const rows = rules.map((r) => {
    const preset = r.recommended ? "recommended" : "strict";
    const languages = withLanguages ? ` ${r.languages.map((l) => LANGUAGES[l]).join(", ")} |` : "";
    return `| [${r.id}](docs/rules/${r.id}.md) | ${r.description.replace(/\|/g, "\\|")} |${languages} ${SEVERITY[r.severity]} | ${preset} | ${r.fixable ? "🔧" : ""} | ${r.hasSuggestions ? "💡" : ""} |`;
  });
  const head = withLanguages
    ? ["| Rule | Description | Languages | Severity | Preset | Fix | Suggestion |", "| --- | --- | --- | --- | --- | --- | --- |"]
    : ["| Rule | Description | Severity | Preset | Fix | Suggestion |", "| --- | --- | --- | --- | --- | --- |"];
  return [...head, ...rows].join("\n");
}

export function rulesTable() {
  return [
    "### Config rules (MCP client config files)",
    "",
    table(allRules.filter((r) => r.kind === "config"), false),
    "",
    "### Code rules (JavaScript/TypeScript and Python MCP clients and servers)",
    "",
    "A rule that checks both languages has one id, one setting and one doc page for both.",
    "",
    table(allRules.filter((r) => r.kind === "code"), true),
    "",
    "### Probe rules (`mcp-lint probe`: what happens when the servers run)",
    "",
    "Reported only by `mcp-lint probe` (and the Action with `probe: true`), which starts or reaches each configured server;",
    "`mcp-lint.config.json`, inline directives and the suppressions file apply to them as to every rule.",
    "",
    table(allRules.filter((r) => r.kind === "probe"), false),
  ].join("\n");
}

/** The config schema with `definitions.rules.properties` listing every rule with its description. */
function schemaText() {
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  const properties = {};
  for (const r of allRules) properties[r.id] = { $ref: "#/definitions/ruleSetting", description: r.description };
  schema.definitions.rules.properties = properties;
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const readme = readFileSync(readmePath, "utf8");
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`README.md has no ${START} ... ${END} block.`);
  process.exit(1);
}
const next = `${readme.slice(0, start + START.length)}\n${rulesTable()}\n${readme.slice(end)}`;
const schema = readFileSync(schemaPath, "utf8");
const nextSchema = schemaText();
if (process.argv.includes("--check")) {
  if (next !== readme || nextSchema !== schema) {
    console.error(`${next !== readme ? "README.md rule table" : "The config schema's rule list"} is out of date: run \`npm run docs:rules\`.`);
    process.exit(1);
  }
  console.log("README.md rule table and the config schema's rule list are up to date.");
} else {
  writeFileSync(readmePath, next);
  writeFileSync(schemaPath, nextSchema);
  console.log("README.md rule table and the config schema's rule list written.");
}
