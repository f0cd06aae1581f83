import { addMemberAfter, quote, replaceValue } from "../../document/edits.js";
import type { Fix } from "../../model/finding.js";
import { clientName, entryUrl, httpTypeValue } from "../../util/urls.js";
import { defineConfigRule } from "../types.js";

export const noDeprecatedSse = defineConfigRule({
  meta: {
    id: "no-deprecated-sse",
    description: "Use Streamable HTTP instead of the deprecated HTTP+SSE transport",
    severity: "warning",
    recommended: true,
    hasSuggestions: true,
    messages: {
      sseType:
        "HTTP+SSE was replaced by Streamable HTTP in protocol 2025-03-26 and is deprecated; point at the server's Streamable HTTP endpoint (usually /mcp){{typeAdvice}}.",
      implicitSse:
        '{{client}} treats a URL without "{{typeKey}}" as legacy HTTP+SSE, which Streamable HTTP replaced in protocol 2025-03-26; point at the server\'s Streamable HTTP endpoint (usually /mcp) and add "{{typeKey}}": "{{httpType}}".',
      ssePath:
        "This URL ends in /sse, the endpoint of legacy HTTP+SSE (replaced by Streamable HTTP in protocol 2025-03-26, deprecated); point at the server's Streamable HTTP endpoint (usually /mcp){{typeAdvice}}.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, servers, report }) {
    // A client without SSE at all: supported-transport reports it as an error; one finding is enough.
    // A client that reaches SSE only by falling back from Streamable HTTP (opencode): an /sse URL is still deprecated.
    if (!dialect.transports.includes("sse") && !dialect.httpFallsBackToSse) return;
    const client = clientName(dialect);
    const httpType = httpTypeValue(dialect);
    const typeKey = dialect.keys.type;
    const typeAdvice = httpType ? ` and set the type to "${httpType}"` : "";
    for (const entry of servers) {
      if (entry.kind === "other") continue;
      const typeValue = typeof entry.type?.value === "string" ? entry.type.value : undefined;
      const declared = typeValue !== undefined && Object.prototype.hasOwnProperty.call(dialect.types, typeValue) ? dialect.types[typeValue] : undefined;

      if (entry.type && declared === "sse") {
        const fix = httpType ? replaceValue(document, entry.type.pointer, quote(httpType)) : undefined;
        report({
          messageId: "sseType",
          data: { typeAdvice },
          pointer: entry.type.pointer,
          part: "value",
          ...(fix ? { suggestions: [{ desc: `Change the type to "${httpType}"`, fix }] } : {}),
        });
        continue;
      }

      if (!entry.url) continue;

      if (!entry.type && typeKey && httpType && entry.kind === "url" && entry.transport === "sse" && dialect.urlDefault === "sse") {
        const fix: Fix | undefined = addMemberAfter(document, entry.url.pointer, typeKey, quote(httpType));
        report({
          messageId: "implicitSse",
          data: { client, typeKey, httpType },
          pointer: entry.url.pointer,
          part: "value",
          ...(fix ? { suggestions: [{ desc: `Add "${typeKey}": "${httpType}"`, fix }] } : {}),
        });
        continue;
      }

      const url = entryUrl(entry, dialect);
      if (url?.shape.kind === "url" && (url.shape.parts.scheme === "http" || url.shape.parts.scheme === "https") && /\/sse\/?$/i.test(url.shape.parts.path)) {
        const advice = entry.type && declared !== "http" && httpType ? typeAdvice : "";
        report({ messageId: "ssePath", data: { typeAdvice: advice }, pointer: url.pointer, part: "value" });
      }
    }
  },
});
