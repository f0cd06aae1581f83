import schema from "../schemas/claude-code.schema.json" with { type: "json" };
import { dollarBraceVariables, isObject, mcpServersFamily, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";
import { joinPointer } from "../document/pointer.js";

export const claudeCode: Dialect = {
  ...mcpServersFamily,
  id: "claude-code",
  client: "Claude Code",
  docsUrl: "https://code.claude.com/docs/en/mcp",
  // Project scope `.mcp.json`, the user file `~/.claude.json` and admin `managed-mcp.json`.
  paths: [pathEndsWith("\\.mcp\\.json"), pathEndsWith("\\.claude\\.json"), pathEndsWith("managed-mcp\\.json")],
  schema,
  servers: {
    kind: "map",
    // ~/.claude.json also keeps per-project servers under projects["/abs/path"].mcpServers.
    pointers: (value) => {
      const out = ["/mcpServers"];
      if (isObject(value) && isObject(value.projects)) {
        for (const [path, project] of Object.entries(value.projects)) {
          if (isObject(project) && project.mcpServers !== undefined) out.push(joinPointer("/projects", path, "mcpServers"));
        }
      }
      return out;
    },
  },
  types: { stdio: "stdio", http: "http", sse: "sse", ws: undefined },
  canonicalType: { stdio: "stdio", http: "http", sse: "sse" },
  // A URL entry without "type": "http" is not recognised as an HTTP server.
  urlDefault: undefined,
  transports: ["stdio", "http", "sse"],
  variables: dollarBraceVariables,
  cwd: "project",
};
