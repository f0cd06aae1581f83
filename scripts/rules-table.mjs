#!/usr/bin/env node
// Regenerates the rule table in README.md from rule metadata. `--check` fails (exit 1) when README.md is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { allRules } from "../packages/core/dist/index.js";

const readmePath = fileURLToPath(new URL("../README.md", import.meta.url));
const START = "<!-- rules-table-start -->";
const END = "<!-- rules-table-end -->";

const SEVERITY = { error: "❌ error", warning: "⚠️ warning", info: "ℹ️ info" };

function table(rules) {
  const rows = rules.map((r) => {
    const preset = r.recommended ? "recommended" : "strict";
    return `| [${r.id}](docs/rules/${r.id}.md) | ${r.description.replace(/\|/g, "\\|")} | ${SEVERITY[r.severity]} | ${preset} | ${r.fixable ? "🔧" : ""} | ${r.hasSuggestions ? "💡" : ""} |`;
  });
  return ["| Rule | Description | Severity | Preset | Fix | Suggestion |", "| --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}

export function rulesTable() {
  return [
    "### Config rules (MCP client config files)",
    "",
    table(allRules.filter((r) => r.kind === "config")),
    "",
    "### Code rules (JavaScript and TypeScript MCP clients and servers)",
    "",
    table(allRules.filter((r) => r.kind === "code")),
  ].join("\n");
}

const readme = readFileSync(readmePath, "utf8");
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`README.md has no ${START} ... ${END} block.`);
  process.exit(1);
}
const next = `${readme.slice(0, start + START.length)}\n${rulesTable()}\n${readme.slice(end)}`;
if (process.argv.includes("--check")) {
  if (next !== readme) {
    console.error("README.md rule table is out of date: run `npm run docs:rules`.");
    process.exit(1);
  }
  console.log("README.md rule table is up to date.");
} else {
  writeFileSync(readmePath, next);
  console.log("README.md rule table written.");
}
