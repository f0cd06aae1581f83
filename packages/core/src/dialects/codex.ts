import schema from "../schemas/codex.schema.json" with { type: "json" };
import { noVariables, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const codex: Dialect = {
  id: "codex",
  client: "OpenAI Codex",
  docsUrl: "https://github.com/openai/codex/blob/main/docs/config.md",
  format: "toml",
  comments: true,
  trailingCommas: true,
  paths: [pathEndsWith("\\.codex/config\\.toml"), pathEndsWith("codex/config\\.toml")],
  sniff: (v) => typeof v === "object" && v !== null && "mcp_servers" in v,
  schema,
  servers: { kind: "map", pointers: ["/mcp_servers"] },
  rootKeys: ["mcp_servers"],
  keys: { command: "command", args: "args", env: "env", headers: "http_headers", cwd: "cwd", url: ["url"] },
  types: {},
  urlDefault: "http",
  // Codex speaks stdio and Streamable HTTP only: no SSE.
  transports: ["stdio", "http"],
  // No interpolation: forward variables by name with env_vars = ["NAME"].
  variables: noVariables,
  // Codex starts stdio servers in the directory Codex was started from (for a project's .codex/config.toml: the project).
  cwd: "launch",
};
