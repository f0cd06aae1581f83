import schema from "../schemas/roo.schema.json" with { type: "json" };
import { isObject, mcpServersFamily, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const roo: Dialect = {
  ...mcpServersFamily,
  id: "roo",
  client: "Roo Code",
  docsUrl: "https://docs.roocode.com/features/mcp/using-mcp-in-roo",
  paths: [pathEndsWith("\\.roo/mcp\\.json"), pathEndsWith("rooveterinaryinc\\.roo-cline/settings/mcp_settings\\.json"), pathEndsWith("roo[^/]*/(.+/)?mcp_settings\\.json")],
  // Roo's own server keys prove a Roo file wherever it lives (its global mcp_settings.json, a copy in dotfiles).
  sniff: (v) =>
    isObject(v) &&
    isObject(v.mcpServers) &&
    Object.values(v.mcpServers).some((e) => isObject(e) && ("alwaysAllow" in e || "watchPaths" in e || "disabledTools" in e)),
  sniffPriority: 3,
  sniffReason: 'a server uses "alwaysAllow", "watchPaths" or "disabledTools", keys of Roo Code',
  schema,
  keys: { command: "command", args: "args", env: "env", headers: "headers", cwd: "cwd", type: "type", url: ["url"] },
  types: { stdio: "stdio", sse: "sse", "streamable-http": "http" },
  canonicalType: { stdio: "stdio", http: "streamable-http", sse: "sse" },
  // Roo requires an explicit type on URL servers.
  urlDefault: undefined,
  transports: ["stdio", "http", "sse"],
  variables: { expands: [/^\$\{env:[^}]+\}$/, /^\$\{workspaceFolder\}$/], env: (n) => `\${env:${n}}`, describe: "${env:NAME} or ${workspaceFolder}" },
  cwd: "project",
};
