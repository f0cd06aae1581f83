import schema from "../schemas/kiro.schema.json" with { type: "json" };
import { dollarBraceVariables, mcpServersFamily, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const kiro: Dialect = {
  ...mcpServersFamily,
  id: "kiro",
  client: "Kiro",
  docsUrl: "https://kiro.dev/docs/mcp/configuration/",
  paths: [pathEndsWith("\\.kiro/settings/mcp\\.json")],
  schema,
  types: {},
  urlDefault: "http",
  transports: ["stdio", "http"],
  variables: dollarBraceVariables,
  cwd: "unknown",
};
