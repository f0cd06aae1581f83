import schema from "../schemas/mcp-registry.schema.json" with { type: "json" };
import { isObject } from "./shared.js";
import type { Dialect } from "./types.js";

export const mcpRegistry: Dialect = {
  id: "mcp-registry",
  client: "MCP Registry server.json",
  docsUrl: "https://github.com/modelcontextprotocol/registry/blob/main/docs/reference/server-json/generic-server-json.md",
  format: "json",
  comments: false,
  trailingCommas: false,
  // server.json is a common name: only files that declare the registry schema are linted by path.
  paths: [],
  sniff: (v) =>
    isObject(v) && typeof v.$schema === "string" && v.$schema.includes("static.modelcontextprotocol.io/schemas/"),
  sniffPriority: 10,
  schema,
  servers: { kind: "list", pointers: ["/remotes"] },
  rootKeys: [],
  keys: { command: "command", type: "type", url: ["url"] },
  types: { "streamable-http": "http", sse: "sse" },
  urlDefault: undefined,
  transports: ["http", "sse"],
  variables: { expands: [], describe: "{variable} URL templates", unknown: true },
  cwd: "unknown",
};
