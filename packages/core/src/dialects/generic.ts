import schema from "../schemas/generic.schema.json" with { type: "json" };
import { hasServerMap, mcpServersFamily, noVariables, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

/**
 * A Claude-style `mcpServers` file of no known client (`mcp.json`, LM Studio,
 * Junie, samples in docs). Checked as strict JSON, the lowest common
 * denominator of the clients that read this shape.
 */
export const generic: Dialect = {
  ...mcpServersFamily,
  id: "generic",
  client: "an MCP client (mcpServers format)",
  docsUrl: "https://modelcontextprotocol.io/quickstart/user",
  paths: [pathEndsWith("\\.junie/mcp/mcp\\.json"), pathEndsWith("\\.lmstudio/mcp\\.json"), pathEndsWith("mcp\\.json")],
  sniff: (v) => hasServerMap(v, "mcpServers"),
  sniffPriority: 0,
  schema,
  types: { stdio: "stdio", http: "http", sse: "sse", "streamable-http": "http", streamableHttp: "http" },
  urlDefault: "http",
  transports: ["stdio", "http", "sse"],
  variables: { ...noVariables, unknown: true },
  cwd: "unknown",
};
