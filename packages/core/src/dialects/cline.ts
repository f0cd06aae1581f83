import schema from "../schemas/cline.schema.json" with { type: "json" };
import { mcpServersFamily, noVariables, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const cline: Dialect = {
  ...mcpServersFamily,
  id: "cline",
  client: "Cline",
  docsUrl: "https://docs.cline.bot/mcp/configuring-mcp-servers",
  paths: [pathEndsWith("cline_mcp_settings\\.json"), pathEndsWith("\\.cline/mcp\\.json")],
  schema,
  keys: { command: "command", args: "args", env: "env", headers: "headers", cwd: "cwd", type: "type", url: ["url"] },
  types: { stdio: "stdio", sse: "sse", streamableHttp: "http" },
  canonicalType: { stdio: "stdio", http: "streamableHttp", sse: "sse" },
  // Cline keeps legacy behaviour: a url without a type is an SSE server.
  urlDefault: "sse",
  transports: ["stdio", "http", "sse"],
  variables: noVariables,
  cwd: "unknown",
};
