import schema from "../schemas/claude-desktop.schema.json" with { type: "json" };
import { mcpServersFamily, noVariables, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const claudeDesktop: Dialect = {
  ...mcpServersFamily,
  id: "claude-desktop",
  client: "Claude Desktop",
  docsUrl: "https://modelcontextprotocol.io/quickstart/user",
  paths: [pathEndsWith("claude_desktop_config\\.json")],
  schema,
  keys: { command: "command", args: "args", env: "env", type: "type", url: ["url"] },
  types: { stdio: "stdio" },
  transports: ["stdio"],
  variables: noVariables,
  cwd: "unknown",
};
