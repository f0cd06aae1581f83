import { defineConfigRule } from "../types.js";
import { clientName, entryUrl, hostPortText } from "../../util/urls.js";

const HTTP_SCHEMES = new Set(["http", "https"]);

export const validUrl = defineConfigRule({
  meta: {
    id: "valid-url",
    description: "A server URL must be an absolute `http://` or `https://` URL",
    severity: "error",
    recommended: true,
    messages: {
      empty:
        "The URL is empty, so {{client}} cannot connect to anything. Set it to the server's Streamable HTTP endpoint (https://…/mcp), or use command/args for a local server.",
      noScheme:
        "This URL ({{target}}…) has no scheme, so {{client}} cannot connect to it: add http:// or https:// in front.",
      hostPort:
        "{{target}} is a bare host:port, not a URL, and MCP has no TCP transport. If the server speaks Streamable HTTP write http://{{target}}/mcp (or its real path); for a local process use command/args (stdio).",
      badScheme:
        "{{client}} cannot use a {{scheme}}: URL: MCP has no TCP/WebSocket transport. Remote servers speak Streamable HTTP over http(s)://…/mcp (or legacy SSE); for a local process use command/args (stdio).",
      unparsable:
        "This {{scheme}} URL cannot be parsed, so {{client}} cannot connect: check for spaces or other characters that must be percent-encoded, a missing host, or a port above 65535.",
      notUrl: "This value is not a URL: {{client}} can only connect to an absolute http:// or https:// URL such as https://example.com/mcp.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ dialect, servers, report }) {
    const client = clientName(dialect);
    for (const entry of servers) {
      const url = entryUrl(entry, dialect);
      if (!url) continue;
      const { shape, pointer } = url;
      const at = { pointer, part: "value" as const };
      switch (shape.kind) {
        case "templated":
          break;
        case "empty":
          report({ messageId: "empty", data: { client }, ...at });
          break;
        case "host-port":
          report({ messageId: "hostPort", data: { target: hostPortText(shape.host, shape.port) }, ...at });
          break;
        case "no-scheme":
          report({ messageId: "noScheme", data: { client, target: hostPortText(shape.host, shape.port) }, ...at });
          break;
        case "not-url":
          report({ messageId: "notUrl", data: { client }, ...at });
          break;
        case "url": {
          const { parts } = shape;
          if (HTTP_SCHEMES.has(parts.scheme)) {
            if (parts.parses === false) report({ messageId: "unparsable", data: { client, scheme: parts.scheme }, ...at });
            break;
          }
          if (dialect.client === "VS Code" && (parts.scheme === "unix" || parts.scheme === "pipe")) break;
          const type = entry.type?.value;
          if (dialect.id === "claude-code" && type === "ws" && (parts.scheme === "ws" || parts.scheme === "wss")) break;
          report({ messageId: "badScheme", data: { client, scheme: safeScheme(parts.scheme) }, ...at });
          break;
        }
      }
    }
  },
});

function safeScheme(scheme: string): string {
  return scheme.length <= 20 ? scheme : "non-http";
}
