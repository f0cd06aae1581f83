import schema from "../schemas/windsurf.schema.json" with { type: "json" };
import { isObject, mcpServersFamily, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const windsurf: Dialect = {
  ...mcpServersFamily,
  id: "windsurf",
  client: "Windsurf",
  docsUrl: "https://docs.windsurf.com/windsurf/cascade/mcp",
  // Windsurf, and the clients that copy its file (Antigravity keeps one under ~/.antigravity* or ~/.gemini/antigravity).
  paths: [pathEndsWith("(\\.codeium/windsurf(-next)?|codeium/windsurf|\\.windsurf|devin)/mcp_config\\.json"), pathEndsWith("(\\.antigravity[^/]*|antigravity)/(.+/)?mcp_config\\.json")],
  // `serverUrl` is Windsurf's own key: an mcpServers file that uses it is written for Windsurf or a copy of it.
  sniff: (v) => isObject(v) && isObject(v.mcpServers) && Object.values(v.mcpServers).some((e) => isObject(e) && "serverUrl" in e),
  sniffPriority: 5,
  sniffReason: "a server uses \"serverUrl\", Windsurf's key for a remote server",
  schema,
  keys: { command: "command", args: "args", env: "env", headers: "headers", url: ["serverUrl", "url"] },
  types: {},
  urlDefault: "http",
  transports: ["stdio", "http", "sse"],
  variables: { expands: [/^\$\{env:[^}]+\}$/, /^\$\{file:[^}]+\}$/], env: (n) => `\${env:${n}}`, describe: "${env:NAME} or ${file:/path}" },
  cwd: "unknown",
};
