import schema from "../schemas/continue.schema.json" with { type: "json" };
import { isObject, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const continueDev: Dialect = {
  id: "continue",
  client: "Continue",
  docsUrl: "https://docs.continue.dev/customize/deep-dives/mcp",
  format: "yaml",
  comments: true,
  trailingCommas: true,
  paths: [pathEndsWith("\\.continue/mcpservers/[^/]+\\.ya?ml"), pathEndsWith("\\.continue/config\\.ya?ml")],
  sniff: (v) => isObject(v) && Array.isArray(v.mcpServers),
  schema,
  servers: { kind: "list", pointers: ["/mcpServers"] },
  rootKeys: ["mcpServers"],
  keys: { command: "command", args: "args", env: "env", cwd: "cwd", type: "type", url: ["url"] },
  types: { stdio: "stdio", sse: "sse", "streamable-http": "http" },
  canonicalType: { stdio: "stdio", http: "streamable-http", sse: "sse" },
  urlDefault: "http",
  transports: ["stdio", "http", "sse"],
  variables: {
    expands: [/^\$\{\{\s*(secrets|inputs)\.[A-Za-z0-9_-]+\s*\}\}$/],
    env: (n) => `\${{ secrets.${n} }}`,
    describe: "${{ secrets.NAME }} or ${{ inputs.NAME }}",
  },
  cwd: "unknown",
};
