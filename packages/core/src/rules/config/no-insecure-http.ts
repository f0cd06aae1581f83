import { quote, replaceValue } from "../../document/edits.js";
import type { Fix } from "../../model/finding.js";
import { valueSubrange } from "../../util/placeholders.js";
import { clientName, entryUrl, isLoopbackHost, isUnspecifiedHost, origin } from "../../util/urls.js";
import { defineConfigRule } from "../types.js";

export const noInsecureHttp = defineConfigRule({
  meta: {
    id: "no-insecure-http",
    description: "Remote servers must be reached over `https://`; plain `http://` is for this machine only",
    severity: "warning",
    recommended: true,
    hasSuggestions: true,
    messages: {
      insecure:
        "{{origin}} is plain HTTP to another machine: credentials and tool traffic cross the network in clear text, and many clients and bridges (mcp-remote) refuse it. Use https://.",
      unspecified:
        "{{origin}} uses 0.0.0.0/[::], an address servers listen on, not one to connect to ({{client}} cannot reach it on Windows and some networks). Use http://127.0.0.1 or http://localhost with the same port.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, servers, report }) {
    const client = clientName(dialect);
    for (const entry of servers) {
      const url = entryUrl(entry, dialect);
      if (!url || url.shape.kind !== "url") continue;
      const { parts } = url.shape;
      if (parts.scheme !== "http" || parts.parses === false || parts.hostTemplated || parts.host === "") continue;
      const host = parts.normalizedHost ?? parts.host;
      if (isLoopbackHost(host) || isLoopbackHost(parts.host)) continue;
      if (isUnspecifiedHost(host) || isUnspecifiedHost(parts.host)) {
        report({ messageId: "unspecified", data: { origin: origin(parts), client }, pointer: url.pointer, part: "value" });
        continue;
      }
      const lead = url.value.length - url.value.trimStart().length;
      const range = valueSubrange(document, url.pointer, lead, lead + "http".length);
      const fix: Fix | undefined = range
        ? { range, text: "https" }
        : replaceValue(document, url.pointer, quote(url.value.replace(/^(\s*)http/i, "$1https")));
      report({
        messageId: "insecure",
        data: { origin: origin(parts) },
        pointer: url.pointer,
        part: "value",
        ...(fix ? { suggestions: [{ desc: "Switch to https:// (the server must serve TLS)", fix }] } : {}),
      });
    }
  },
});
