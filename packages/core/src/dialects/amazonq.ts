import schema from "../schemas/amazonq.schema.json" with { type: "json" };
import { mcpServersFamily, noVariables, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const amazonq: Dialect = {
  ...mcpServersFamily,
  id: "amazonq",
  client: "Amazon Q Developer",
  docsUrl: "https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/command-line-mcp-configuration.html",
  paths: [pathEndsWith("\\.amazonq/mcp\\.json"), pathEndsWith("\\.aws/amazonq/mcp\\.json")],
  schema,
  types: {},
  urlDefault: "http",
  transports: ["stdio", "http"],
  variables: { ...noVariables, unknown: true },
  cwd: "unknown",
};
