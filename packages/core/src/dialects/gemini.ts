import schema from "../schemas/gemini.schema.json" with { type: "json" };
import { mcpServersFamily, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const gemini: Dialect = {
  ...mcpServersFamily,
  id: "gemini",
  client: "Gemini CLI",
  docsUrl: "https://github.com/google-gemini/gemini-cli/blob/main/docs/tools/mcp-server.md",
  // Gemini strips comments before JSON.parse, but trailing commas still fail.
  comments: true,
  trailingCommas: false,
  paths: [pathEndsWith("\\.gemini/settings\\.json"), pathEndsWith("gemini-extension\\.json"), pathEndsWith("gemini-cli/(settings|system-defaults)\\.json")],
  schema,
  keys: { command: "command", args: "args", env: "env", headers: "headers", cwd: "cwd", type: "type", url: ["url", "httpUrl"] },
  types: { stdio: "stdio", sse: "sse", http: "http" },
  canonicalType: { stdio: "stdio", http: "http", sse: "sse" },
  urlDefault: "http",
  urlKeyTransport: { httpUrl: "http" },
  transports: ["stdio", "http", "sse"],
  variables: {
    expands: [/^\$\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\}$/, /^\$[A-Za-z_][A-Za-z0-9_]*$/],
    env: (n) => `\${${n}}`,
    describe: "$VAR, ${VAR} or ${VAR:-default}",
  },
  cwd: "project",
};
