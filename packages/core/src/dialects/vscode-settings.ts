import vscodeSchema from "../schemas/vscode.schema.json" with { type: "json" };
import { isObject, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";
import { vscode } from "./vscode.js";

/**
 * VS Code's `settings.json` (user or workspace `.vscode/settings.json`) with the older `"mcp": {"servers": …,
 * "inputs": …}` block. The block is read exactly as `mcp.json` is; every other setting is none of mcp-lint's
 * business, and a settings file without the block is not an MCP config at all.
 */
const schema = {
  $schema: vscodeSchema.$schema,
  title: "VS Code settings.json (mcp block)",
  "x-unknownKeys": "ignored",
  type: "object",
  properties: {
    mcp: {
      type: "object",
      properties: { servers: vscodeSchema.properties.servers, inputs: vscodeSchema.properties.inputs },
    },
  },
  definitions: vscodeSchema.definitions,
};

export const vscodeSettings: Dialect = {
  ...vscode,
  id: "vscode-settings",
  paths: [pathEndsWith("\\.vscode/settings\\.json"), pathEndsWith("code( - insiders)?/user/(profiles/[^/]+/)?settings\\.json")],
  sniff: undefined,
  schema,
  servers: { kind: "map", pointers: ["/mcp/servers"] },
  rootKeys: ["mcp"],
  inputsPointer: "/mcp/inputs",
  holdsMcp: {
    test: (value) => isObject(value) && isObject(value.mcp),
    // A file that does not parse: the block's key in the text decides (the syntax finding is worth having then).
    testText: (text) => /"mcp"\s*:/.test(text),
    present: 'its path is where VS Code keeps its settings, and its "mcp" block holds servers (the older format, read from /mcp/servers as VS Code reads mcp.json)',
    absent: 'a VS Code settings file with no "mcp" block: not an MCP config, skipped',
  },
};
