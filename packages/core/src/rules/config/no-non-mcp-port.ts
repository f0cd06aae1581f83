import { defineConfigRule } from "../types.js";
import { clientName, entryUrl } from "../../util/urls.js";
import { NON_MCP_PORTS } from "../../code/transport-urls.js";

export { NON_MCP_PORTS };

interface Options {
  allow: number[];
}

export const noNonMcpPort = defineConfigRule<"port", Options>({
  meta: {
    id: "no-non-mcp-port",
    description: "A server URL must not point at the port of a well-known non-MCP service (SSH, databases, Minecraft…)",
    severity: "error",
    recommended: true,
    messages: {
      port: "Port {{port}} is {{service}}'s; nothing there speaks MCP, so {{client}} would get a refused connection or garbage. Use the port your MCP server listens on (its Streamable HTTP endpoint, often …/mcp).",
    },
    schema: [
      {
        type: "object",
        properties: {
          allow: { type: "array", items: { type: "integer", minimum: 1, maximum: 65535 }, uniqueItems: true },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: { allow: [] },
  },
  check({ dialect, servers, options, report }) {
    const allow = new Set(options.allow ?? []);
    for (const entry of servers) {
      const url = entryUrl(entry, dialect);
      if (!url) continue;
      const { shape } = url;
      const port = shape.kind === "url" ? shape.parts.port : shape.kind === "host-port" || shape.kind === "no-scheme" ? shape.port : undefined;
      if (port === undefined) continue;
      if (allow.has(port)) continue;
      const service = NON_MCP_PORTS.get(port);
      if (!service) continue;
      report({ messageId: "port", data: { port, service, client: clientName(dialect) }, pointer: url.pointer, part: "value" });
    }
  },
});
