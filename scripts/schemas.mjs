#!/usr/bin/env node
// Writes schemas/ at the repository root: each client dialect's JSON Schema (the ones the rules validate against,
// from packages/core/src/schemas/) and mcp-lint's own config schema, under stable URLs for editors, plus
// schemas/schemastore-catalog.json, the SchemaStore catalog entries (one per file pattern) ready to submit.
// `--check` fails when schemas/ is not what this script would write (run in `npm test`).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCE = join(ROOT, "packages/core/src/schemas");
const OUT = join(ROOT, "schemas");
export const BASE_URL = "https://raw.githubusercontent.com/mcp-lint/mcp-lint/main/schemas/";

/**
 * Catalog entries: only files that hold nothing but a client's MCP servers (an editor's settings.json holds much
 * more, and `server.json` is too common a name: registry manifests name their schema in `$schema`). Patterns are
 * SchemaStore's `fileMatch` globs for the paths the dialects recognise (packages/core/src/dialects/*.ts).
 */
export const CATALOG = [
  { schema: "claude-code", name: "Claude Code .mcp.json", description: "Claude Code project MCP servers (.mcp.json)", fileMatch: [".mcp.json"] },
  { schema: "cursor", name: "Cursor mcp.json", description: "Cursor MCP servers", fileMatch: [".cursor/mcp.json"] },
  { schema: "vscode", name: "VS Code mcp.json", description: "VS Code MCP servers (servers and inputs)", fileMatch: [".vscode/mcp.json"] },
  { schema: "amazonq", name: "Amazon Q Developer mcp.json", description: "Amazon Q Developer MCP servers", fileMatch: [".amazonq/mcp.json", ".aws/amazonq/mcp.json"] },
  { schema: "kiro", name: "Kiro mcp.json", description: "Kiro MCP servers", fileMatch: [".kiro/settings/mcp.json"] },
  { schema: "roo", name: "Roo Code mcp.json", description: "Roo Code MCP servers", fileMatch: [".roo/mcp.json"] },
  { schema: "claude-desktop", name: "Claude Desktop config", description: "Claude Desktop MCP servers (claude_desktop_config.json)", fileMatch: ["claude_desktop_config.json"] },
  { schema: "windsurf", name: "Windsurf mcp_config.json", description: "Windsurf MCP servers", fileMatch: [".codeium/windsurf/mcp_config.json"] },
  { schema: "cline", name: "Cline MCP settings", description: "Cline MCP servers", fileMatch: ["cline_mcp_settings.json", ".cline/mcp.json"] },
  { schema: "continue", name: "Continue MCP server block", description: "Continue MCP server blocks", fileMatch: [".continue/mcpServers/*.yaml", ".continue/mcpServers/*.yml"] },
  { schema: "mcp-lint.config", name: "mcp-lint config", description: "mcp-lint configuration (mcp-lint.config.json)", fileMatch: ["mcp-lint.config.json"] },
];

/** The files this script writes: name -> text. */
export function expected() {
  const files = new Map();
  for (const name of readdirSync(SOURCE).filter((f) => f.endsWith(".schema.json")).sort()) {
    const schema = JSON.parse(readFileSync(join(SOURCE, name), "utf8"));
    // The same schema under its stable URL: `$id` is replaced, every other key kept in order.
    const out = { $schema: schema.$schema, $id: BASE_URL + name };
    for (const [key, value] of Object.entries(schema)) if (key !== "$schema" && key !== "$id") out[key] = value;
    files.set(name, `${JSON.stringify(out, null, 2)}\n`);
  }
  const schemas = CATALOG.map((e) => {
    if (!files.has(`${e.schema}.schema.json`)) throw new Error(`schemas.mjs: no schema ${e.schema}.schema.json`);
    return { name: e.name, description: e.description, fileMatch: e.fileMatch, url: `${BASE_URL}${e.schema}.schema.json` };
  });
  files.set("schemastore-catalog.json", `${JSON.stringify({ schemas }, null, 2)}\n`);
  return files;
}

const check = process.argv.includes("--check");
const files = expected();
const stale = [];
for (const [name, text] of files) {
  let current;
  try {
    current = readFileSync(join(OUT, name), "utf8");
  } catch {
    current = undefined;
  }
  if (current !== text) stale.push(name);
}
const extra = (() => {
  try {
    return readdirSync(OUT).filter((f) => f.endsWith(".json") && !files.has(f));
  } catch {
    return [];
  }
})();
if (check) {
  if (stale.length || extra.length) {
    console.error(`schemas/ is out of date (${[...stale, ...extra].join(", ")}): run \`node scripts/schemas.mjs\`.`);
    process.exit(1);
  }
  console.log(`schemas/: ${files.size} files up to date.`);
} else {
  mkdirSync(OUT, { recursive: true });
  for (const name of stale) writeFileSync(join(OUT, name), files.get(name));
  console.log(`schemas/: ${stale.length} of ${files.size} files written.${extra.length ? ` Not generated (remove them): ${extra.join(", ")}.` : ""}`);
}
