import schema from "../schemas/cursor.schema.json" with { type: "json" };
import { mcpServersFamily, pathEndsWith, vscodeFamilyVariables } from "./shared.js";
import type { Dialect } from "./types.js";

export const cursor: Dialect = {
  ...mcpServersFamily,
  id: "cursor",
  client: "Cursor",
  docsUrl: "https://cursor.com/docs/context/mcp",
  paths: [pathEndsWith("\\.cursor/mcp\\.json"), pathEndsWith("cursor/user/mcp\\.json")],
  schema,
  types: { stdio: "stdio", sse: "sse", http: "http", "streamable-http": "http" },
  canonicalType: { stdio: "stdio", http: "http", sse: "sse" },
  urlDefault: "http",
  transports: ["stdio", "http", "sse"],
  variables: { expands: vscodeFamilyVariables, env: (n) => `\${env:${n}}`, describe: "${env:NAME}, ${workspaceFolder}, ${userHome}" },
  // Cursor starts stdio servers in the user's home directory, not the project.
  cwd: "home",
};
