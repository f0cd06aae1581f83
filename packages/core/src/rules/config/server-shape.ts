import { isObject } from "../../dialects/shared.js";
import type { Dialect, Transport } from "../../dialects/types.js";
import type { ConfigDocument } from "../../document/document.js";
import { joinPointer } from "../../document/pointer.js";
import { addMemberAfter, quote, replaceValue } from "../../document/edits.js";
import type { ServerEntry } from "../../dialects/servers.js";
import { TRANSPORT_NAMES, entryLocation, looksLikeSseUrl, memberText, scalarText, serverLabel, typeValueFor } from "../../util/rule-text.js";
import { defineConfigRule, type ReportDescriptor } from "../types.js";

type MessageId =
  | "neither"
  | "neitherCommand"
  | "neitherUrl"
  | "both"
  | "missingType"
  | "stdioTypeWithUrl"
  | "remoteTypeWithCommand"
  | "commandEmpty"
  | "commandType"
  | "commandArray";

export const serverShape = defineConfigRule({
  meta: {
    id: "server-shape",
    description: "Each server needs exactly one of a command (stdio) or a URL, with a type that matches",
    severity: "error",
    recommended: true,
    hasSuggestions: true,
    messages: {
      neither:
        '{{server}} has neither a command (stdio) nor a URL, so {{client}} can neither start nor reach it. Add "{{commandKey}}" to run a local server, or {{urlKeys}} for a remote one.',
      neitherCommand: '{{server}} has no "{{commandKey}}", so {{client}} has nothing to start. Add "{{commandKey}}" with the program to run.',
      neitherUrl: '{{server}} has no "{{urlKey}}", so {{client}} has nothing to connect to. Add "{{urlKey}}" with the server\'s endpoint.',
      both: '{{server}} has both a command and a URL, so {{client}} cannot tell whether to start it or connect to it. Keep "{{commandKey}}" for a local stdio server or "{{urlKey}}" for a remote one, and remove the other.',
      missingType:
        '{{client}} only treats this entry as {{what}} with {{member}}: without "{{typeKey}}" it does not recognise the server. Add {{member}}{{alt}}.',
      stdioTypeWithUrl:
        '"{{typeKey}}" says stdio but {{server}} only has a URL, so {{client}} looks for a command and cannot start it. Set "{{typeKey}}" to {{remoteType}} for a remote server.',
      remoteTypeWithCommand:
        '"{{typeKey}}" says {{transport}} but {{server}} only has a command, so {{client}} looks for a URL and cannot connect. {{advice}}',
      commandEmpty: '"{{commandKey}}" is empty, so {{client}} has no program to start. Set it to the program to run (for example "npx", "uvx" or an absolute path).',
      commandType:
        '"{{commandKey}}" must be a string naming the program to run, so {{client}} cannot start {{server}}. Put the program in "{{commandKey}}" and its arguments in "{{argsKey}}".',
      commandArray:
        '{{client}} expects "{{commandKey}}" to be an array holding the program and then its arguments, e.g. ["npx", "-y", "package"]. Write it as an array of strings.',
    } satisfies Record<MessageId, string>,
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, servers, report }) {
    const k = dialect.keys;
    const supportsStdio = dialect.transports.includes("stdio");
    const supportsUrl = dialect.transports.some((t) => t !== "stdio");

    for (const entry of servers) {
      if (entry.kind === "other") continue;
      const commandProblem = checkCommand(entry, dialect, document, (d) => report(d));

      switch (entry.kind) {
        case "neither": {
          if (commandProblem) break;
          // A server that is switched off is never started: what it lacks is not a failure. A Codex table without
          // command or url can be a project-level override of a server defined in the user's config.
          if (entry.disabled || dialect.id === "codex") break;
          const declared = declaredTransport(entry, dialect);
          const at = entryLocation(entry);
          const base = { server: serverLabel(entry), client: dialect.client, commandKey: k.command, urlKey: k.url[0]! };
          if (declared === "stdio" || (!declared && !supportsUrl)) report({ messageId: "neitherCommand", data: base, ...at });
          else if (declared || !supportsStdio) report({ messageId: "neitherUrl", data: base, ...at });
          else report({ messageId: "neither", data: { ...base, urlKeys: k.url.map((u) => `"${u}"`).join(" or ") }, ...at });
          break;
        }
        case "both":
          report({
            messageId: "both",
            data: { server: serverLabel(entry), client: dialect.client, commandKey: k.command, urlKey: entry.url!.key },
            pointer: entry.url!.pointer,
          });
          break;
        case "url": {
          const declared = declaredTransport(entry, dialect);
          const stdioTyped = declared === "stdio" && k.type;
          const untyped = !entry.disabled && !entry.type && k.type && supportsUrl && dialect.urlDefault === undefined && !dialect.urlKeyTransport?.[entry.url!.key];
          // Nothing to say about most URL entries: the remote type is worked out only when a report may need it.
          if (!stdioTyped && !untyped) break;
          const remote: Transport = looksLikeSseUrl(entry.url!.value) && typeValueFor(dialect, "sse") ? "sse" : "http";
          const remoteType = typeValueFor(dialect, remote) ?? typeValueFor(dialect, "http");
          if (stdioTyped && k.type && remoteType) {
            const fix = replaceValue(document, entry.type!.pointer, scalarText(document, remoteType));
            report({
              messageId: "stdioTypeWithUrl",
              data: { typeKey: k.type, server: serverLabel(entry, false), client: dialect.client, remoteType: quote(remoteType) },
              pointer: entry.type!.pointer,
              part: "value",
              ...(fix ? { suggestions: [{ desc: `Set "${k.type}" to ${quote(remoteType)}`, fix }] } : {}),
            });
          } else if (untyped && k.type && remoteType) {
            const member = memberText(document, k.type, remoteType);
            const sseType = remote === "http" ? typeValueFor(dialect, "sse") : undefined;
            const fix = addMemberAfter(document, entry.url!.pointer, k.type, scalarText(document, remoteType));
            report({
              messageId: "missingType",
              data: {
                client: dialect.client,
                what: remote === "sse" ? "an SSE server" : "HTTP",
                member,
                typeKey: k.type,
                alt: sseType ? ` (or ${memberText(document, k.type, sseType)} for a legacy SSE endpoint)` : "",
              },
              pointer: entry.url!.pointer,
              ...(fix ? { suggestions: [{ desc: `Add ${member}`, fix }] } : {}),
            });
          }
          break;
        }
        case "stdio": {
          const declared = declaredTransport(entry, dialect);
          if (!declared || declared === "stdio" || !k.type) break;
          const stdioType = typeValueFor(dialect, "stdio");
          const fix = stdioType ? replaceValue(document, entry.type!.pointer, scalarText(document, stdioType)) : undefined;
          report({
            messageId: "remoteTypeWithCommand",
            data: {
              typeKey: k.type,
              transport: TRANSPORT_NAMES[declared],
              server: serverLabel(entry, false),
              client: dialect.client,
              advice: stdioType
                ? `Set "${k.type}" to ${quote(stdioType)} for a local server.`
                : `Remove "${k.type}" for a local server, or replace the command with the server's URL.`,
            },
            pointer: entry.type!.pointer,
            part: "value",
            ...(fix ? { suggestions: [{ desc: `Set "${k.type}" to ${quote(stdioType!)}`, fix }] } : {}),
          });
          break;
        }
      }
    }
  },
});

/** The transport the entry's type value selects in this dialect (undefined: no type, or a value the dialect does not know). */
function declaredTransport(entry: ServerEntry, dialect: Dialect): Transport | undefined {
  const t = entry.type?.value;
  if (typeof t !== "string" || !Object.prototype.hasOwnProperty.call(dialect.types, t)) return undefined;
  return dialect.types[t];
}

/** Reports a command member that cannot name a program; true when it did. */
function checkCommand(
  entry: ServerEntry,
  dialect: Dialect,
  document: ConfigDocument,
  report: (d: ReportDescriptor<MessageId>) => void,
): boolean {
  const key = dialect.keys.command;
  const raw = entry.raw[key];
  if (raw === undefined) return false;
  // Most commands are fine: the pointer and the message data are built only for a report.
  if (dialect.commandIsArray) {
    if (Array.isArray(raw) && raw.length > 0 && typeof raw[0] === "string" && raw[0].trim() !== "") return false;
  } else if (typeof raw === "string" && raw.trim() !== "") return false;
  const pointer = joinPointer(entry.pointer, key);
  const base = { client: dialect.client, commandKey: key, server: serverLabel(entry, false), argsKey: dialect.keys.args ?? "args" };

  if (dialect.commandIsArray) {
    if (typeof raw === "string") {
      // A one-word string: wrapping it is certain. A whole command line is no-command-line's to split.
      if (/\s/.test(raw.trim())) return true;
      if (raw.trim() === "") {
        report({ messageId: "commandEmpty", data: base, pointer, part: "value" });
        return true;
      }
      const fix = replaceValue(document, pointer, `[${quote(raw)}]`);
      report({
        messageId: "commandArray",
        data: base,
        pointer,
        part: "value",
        ...(fix ? { suggestions: [{ desc: "Wrap the command in an array", fix }] } : {}),
      });
      return true;
    }
    if (!Array.isArray(raw)) {
      report({ messageId: "commandArray", data: base, pointer, part: "value" });
      return true;
    }
    if (raw.length === 0) {
      report({ messageId: "commandEmpty", data: base, pointer, part: "value" });
      return true;
    }
    const first = raw[0];
    if (typeof first !== "string") {
      report({ messageId: "commandArray", data: base, pointer: joinPointer(pointer, 0), part: "value" });
      return true;
    }
    if (first.trim() === "") {
      report({ messageId: "commandEmpty", data: base, pointer: joinPointer(pointer, 0), part: "value" });
      return true;
    }
    return false;
  }

  if (typeof raw === "string") {
    if (raw.trim() !== "") return false;
    report({ messageId: "commandEmpty", data: base, pointer, part: "value" });
    return true;
  }
  // Zed's legacy `"command": {"path": ..., "args": [...]}` is a schema matter, not a missing program.
  if (isObject(raw) && typeof raw.path === "string") return false;
  report({ messageId: "commandType", data: base, pointer, part: "value" });
  return true;
}
