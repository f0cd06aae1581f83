import schema from "../schemas/windsurf.schema.json" with { type: "json" };
import { mcpServersFamily, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const windsurf: Dialect = {
  ...mcpServersFamily,
  id: "windsurf",
  client: "Windsurf",
  docsUrl: "https://docs.windsurf.com/windsurf/cascade/mcp",
  paths: [pathEndsWith("(\\.codeium/windsurf(-next)?|codeium/windsurf|\\.windsurf|devin)/mcp_config\\.json")],
  schema,
  keys: { command: "command", args: "args", env: "env", headers: "headers", url: ["serverUrl", "url"] },
  types: {},
  urlDefault: "http",
  transports: ["stdio", "http", "sse"],
  variables: { expands: [/^\$\{env:[^}]+\}$/, /^\$\{file:[^}]+\}$/], env: (n) => `\${env:${n}}`, describe: "${env:NAME} or ${file:/path}" },
  cwd: "unknown",
};
