import schema from "../schemas/opencode.schema.json" with { type: "json" };
import { isObject, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const opencode: Dialect = {
  id: "opencode",
  client: "opencode",
  docsUrl: "https://opencode.ai/docs/mcp-servers",
  format: "json",
  comments: true,
  trailingCommas: true,
  paths: [pathEndsWith("opencode\\.jsonc?")],
  sniff: (v) => isObject(v) && typeof v.$schema === "string" && v.$schema.startsWith("https://opencode.ai/"),
  schema,
  servers: {
    kind: "map",
    // v1 keeps servers directly under "mcp"; v2 under "mcp.servers".
    pointers: (v) => (isObject(v) && isObject(v.mcp) && isObject(v.mcp.servers) ? ["/mcp/servers"] : ["/mcp"]),
  },
  rootKeys: ["mcp"],
  keys: { command: "command", env: "environment", headers: "headers", cwd: "cwd", type: "type", url: ["url"] },
  commandIsArray: true,
  types: { local: "stdio", remote: "http" },
  canonicalType: { stdio: "local", http: "remote" },
  urlDefault: undefined,
  transports: ["stdio", "http"],
  // A "remote" server is tried with Streamable HTTP first, then with legacy HTTP+SSE (opencode's mcp/index.ts).
  httpFallsBackToSse: true,
  variables: { expands: [/^\{env:[^}]+\}$/, /^\{file:[^}]+\}$/], env: (n) => `{env:${n}}`, describe: "{env:NAME} or {file:path}" },
  cwd: "project",
};
