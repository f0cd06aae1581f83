import schema from "../schemas/zed.schema.json" with { type: "json" };
import { hasServerMap, noVariables, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const zed: Dialect = {
  id: "zed",
  client: "Zed",
  docsUrl: "https://zed.dev/docs/ai/mcp",
  format: "json",
  comments: true,
  trailingCommas: true,
  paths: [pathEndsWith("\\.zed/settings\\.json"), pathEndsWith("zed/settings\\.json")],
  sniff: (v) => hasServerMap(v, "context_servers"),
  schema,
  servers: { kind: "map", pointers: ["/context_servers"] },
  rootKeys: ["context_servers"],
  keys: { command: "command", args: "args", env: "env", headers: "headers", url: ["url"] },
  types: {},
  urlDefault: "http",
  transports: ["stdio", "http"],
  variables: noVariables,
  cwd: "unknown",
};
