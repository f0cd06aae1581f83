import type { Transport } from "../../dialects/types.js";
import { joinPointer } from "../../document/pointer.js";
import { quote } from "../../document/edits.js";
import { TRANSPORT_NAMES, looksLikeSseUrl, typeValueFor } from "../../util/rule-text.js";
import { defineConfigRule } from "../types.js";

/** Type spellings used across clients, for dialects that do not declare them (a Kiro or Codex entry with `"type": "sse"`). */
const COMMON_TYPES: Record<string, Transport> = {
  stdio: "stdio",
  local: "stdio",
  sse: "sse",
  http: "http",
  "streamable-http": "http",
  streamableHttp: "http",
  streamable_http: "http",
  remote: "http",
};

/** Where remote servers go instead, for clients whose file cannot hold them. */
const REMOTE_ELSEWHERE: Record<string, string> = {
  "claude-desktop": "add remote servers in Settings ▸ Connectors, or ",
};

export const supportedTransport = defineConfigRule({
  meta: {
    id: "supported-transport",
    description: "Servers must use a transport the client supports",
    severity: "error",
    recommended: true,
    messages: {
      stdioOnly:
        '{{client}} only starts stdio servers from {{file}}: {{elsewhere}}bridge with "command": "npx", "args": ["-y", "mcp-remote", "<url>"].',
      noSse:
        "{{client}} does not support the legacy HTTP+SSE transport, so it cannot connect to this server. Use the server's Streamable HTTP endpoint (often ending in /mcp){{typeAdvice}}.",
      sseUrl:
        "{{client}} connects over Streamable HTTP only, and this URL ends in /sse, the usual legacy SSE endpoint (a transport {{client}} does not support). Use the server's Streamable HTTP endpoint (often ending in /mcp).",
      unsupported:
        "{{client}} does not support the {{transport}} transport in this file, so it cannot use this server. Use {{supported}} instead.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, servers, report }) {
    const supports = (t: Transport) => dialect.transports.includes(t);
    const anyRemote = supports("http") || supports("sse");
    const file = (): string => (document.filePath.split(/[\\/]/).pop() ?? "").trim() || "this file";

    for (const entry of servers) {
      if (entry.kind === "other" || entry.kind === "neither" || entry.kind === "both") continue;
      const typeValue = typeof entry.type?.value === "string" ? entry.type.value : undefined;
      const rawType = typeValue ?? (dialect.keys.type === undefined && typeof entry.raw.type === "string" ? entry.raw.type : undefined);
      const typeTransport =
        rawType === undefined
          ? undefined
          : Object.prototype.hasOwnProperty.call(dialect.types, rawType)
            ? dialect.types[rawType]
            : COMMON_TYPES[rawType];

      if (entry.kind === "url" && !anyRemote) {
        report({
          messageId: "stdioOnly",
          data: { client: dialect.client, file: file(), elsewhere: REMOTE_ELSEWHERE[dialect.id] ?? "" },
          pointer: entry.url!.pointer,
        });
        continue;
      }

      // A type the client ignores (Codex has no type key) still says what the server speaks.
      const transport = entry.kind === "url" ? (typeTransport ?? entry.transport) : entry.transport;
      if (transport && !supports(transport)) {
        // The type is where the unsupported transport is written; otherwise the URL (or command) implies it.
        const typePointer = entry.type?.pointer ?? (rawType !== undefined ? joinPointer(entry.pointer, "type") : undefined);
        const at =
          typePointer && typeTransport === transport
            ? { pointer: typePointer, part: "value" as const }
            : { pointer: entry.kind === "url" ? entry.url!.pointer : entry.command!.pointer };
        if (transport === "sse") {
          const httpType = typeValueFor(dialect, "http");
          const typeKey = dialect.keys.type;
          report({
            messageId: "noSse",
            data: {
              client: dialect.client,
              typeAdvice: at.pointer === typePointer && typeKey && httpType ? ` with "${typeKey}": ${quote(httpType)}` : "",
            },
            ...at,
          });
        } else {
          report({
            messageId: "unsupported",
            data: {
              client: dialect.client,
              transport: TRANSPORT_NAMES[transport],
              supported: dialect.transports.map((t) => TRANSPORT_NAMES[t]).join(" or "),
            },
            ...at,
          });
        }
        continue;
      }

      // No type says otherwise, but the URL is the conventional SSE endpoint of a server the client cannot speak SSE to.
      if (entry.kind === "url" && !supports("sse") && !dialect.httpFallsBackToSse && typeTransport === undefined && looksLikeSseUrl(entry.url!.value)) {
        report({ messageId: "sseUrl", data: { client: dialect.client }, pointer: entry.url!.pointer });
      }
    }
  },
});
