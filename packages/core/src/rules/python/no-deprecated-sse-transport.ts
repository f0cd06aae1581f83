import { noDeprecatedSseTransport as noDeprecatedSseTransportJs } from "../js/no-deprecated-sse-transport.js";
import type { JSONSchema } from "../types.js";
import { keywordArg, methodName, methodObject, positionalArgs, stringValue, type PyFile } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import { stringsOf } from "../../code/python/values.js";
import type { PyLine } from "../../code/python/sdk-catalog.js";
import { definePythonRule } from "./types.js";

type MessageIds = "sseServer" | "sseClient";

/** What to serve instead, per package line. */
const SERVE_INSTEAD: Record<PyLine, string> = {
  mcp1: 'run(transport="streamable-http") or streamable_http_app() (mcp 1.8+)',
  mcp2: 'run("streamable-http") or streamable_http_app()',
  fastmcp: 'run(transport="http") or http_app() (fastmcp 2.9+; "streamable-http" since 2.3)',
  mcp: "StreamableHTTPSessionManager (mcp 1.8+)",
};

/** How a server method call serves: "sse", "other" (stdio, Streamable HTTP, or chosen at run time), or undefined (not serving). */
function serving(call: Node): "sse" | "other" | undefined {
  const callee = call.childForFieldName("function");
  const m = methodName(callee);
  switch (m) {
    case "sse_app":
    case "run_sse_async":
      return "sse";
    case "streamable_http_app":
    case "run_streamable_http_async":
    case "run_stdio_async":
    case "run_http_async":
      return "other";
    case "run":
    case "run_async":
    case "http_app": {
      const t = keywordArg(call, "transport") ?? (m === "http_app" ? undefined : positionalArgs(call)[0]);
      return stringValue(t) === "sse" ? "sse" : "other";
    }
    default:
      return undefined;
  }
}

/**
 * The call sits where SSE is one choice among several: a branch of an `if` (other than the `__main__` guard), of a
 * `match`, of a conditional expression, or an `except` handler (a fallback after Streamable HTTP failed).
 */
function inChoice(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === "function_definition" || n.type === "class_definition" || n.type === "module") return false;
    if (n.type === "except_clause" || n.type === "case_clause" || n.type === "conditional_expression") return true;
    if (n.type === "elif_clause" || n.type === "else_clause") return true;
    if (n.type === "if_statement") {
      const cond = n.childForFieldName("condition")?.text.replace(/\s+/g, "") ?? "";
      if (!/^__name__==["']__main__["']$/.test(cond)) return true;
    }
  }
  return false;
}

/** Server method calls on an SDK server object, with the line of the server. */
function serverCalls(file: PyFile): Array<{ call: Node; how: "sse" | "other"; line: PyLine }> {
  const out: Array<{ call: Node; how: "sse" | "other"; line: PyLine }> = [];
  const bindings = file.bindingsOf("server");
  if (bindings.length === 0) return out;
  const prefixes = bindings.map((b) => `${b.target}.`);
  for (const site of file.calls) {
    if (!prefixes.some((p) => site.calleeText.startsWith(p))) continue;
    const call = site.node;
    const how = serving(call);
    if (!how) continue;
    const b = file.bindingOf(methodObject(call.childForFieldName("function")), "server");
    if (b) out.push({ call, how, line: b.call.symbol.line });
  }
  return out;
}

export const noDeprecatedSseTransport = definePythonRule<MessageIds, { allowBackwardCompatibility?: boolean }>({
  meta: {
    id: "no-deprecated-sse-transport",
    description: "The HTTP+SSE transport is deprecated: serve and connect with Streamable HTTP",
    severity: "warning",
    recommended: true,
    messages: {
      sseServer:
        "{{what}} serves the HTTP+SSE transport, which Streamable HTTP replaced in the 2025-03-26 MCP spec: the SDK keeps SSE only for old clients, and clients built on the current spec try Streamable HTTP first. Serve Streamable HTTP: {{use}}.",
      sseClient:
        "{{what}} connects with the deprecated HTTP+SSE transport (replaced by Streamable HTTP in the 2025-03-26 MCP spec; servers built on the current SDKs may not offer it). Connect with {{use}}, and fall back to SSE only for servers that still need it.",
    },
    // One id, one options schema for both languages: the JavaScript/TypeScript rule's.
    schema: noDeprecatedSseTransportJs.meta.schema as unknown as JSONSchema[],
    defaultOptions: (noDeprecatedSseTransportJs.meta.defaultOptions as Array<Record<string, unknown>>)[0]!,
  },
  check({ file, options, report }) {
    if (!/sse/i.test(file.text)) return;
    const allow = options.allowBackwardCompatibility !== false;
    // Servers: run(transport="sse"), run("sse"), sse_app(), run_sse_async(), http_app(transport="sse"), SseServerTransport.
    const calls = serverCalls(file);
    const lowSse = file.callsOf("sse-server-transport");
    const servesOther =
      calls.some((c) => c.how === "other") || file.callsOf("http-session-manager", "stdio-server").length > 0;
    for (const c of calls) {
      if (c.how !== "sse") continue;
      if (allow && (servesOther || inChoice(c.call))) continue;
      const callee = c.call.childForFieldName("function")!;
      const m = methodName(callee)!;
      const what = m === "run" || m === "run_async" || m === "http_app" ? `${m}() with transport "sse"` : `${m}()`;
      report({ messageId: "sseServer", data: { what, use: SERVE_INSTEAD[c.line] }, node: c.call });
    }
    for (const c of lowSse) {
      if (allow && (servesOther || inChoice(c.node))) continue;
      report({ messageId: "sseServer", data: { what: "SseServerTransport", use: SERVE_INSTEAD.mcp }, node: c.callee });
    }
    // Clients: sse_client(...), fastmcp SSETransport(...).
    const connectsOther = file.callsOf("http-client", "http-transport", "http-params").length > 0;
    for (const c of file.callsOf("sse-client", "sse-transport")) {
      if (allow && (connectsOther || inChoice(c.node))) continue;
      // A connector that takes its URL from a parameter or an attribute (a library's SSE option, a test of a
      // server's SSE support) leaves the choice to its caller: only a URL written here ties the code to SSE.
      const url = keywordArg(c.node, "url") ?? positionalArgs(c.node)[0];
      if (!stringsOf(file, url).some((s) => s.value.length > 0)) continue;
      const use =
        c.symbol.role === "sse-transport"
          ? 'StreamableHttpTransport (or Client("http://…/mcp"))'
          : "streamable_http_client (mcp 1.24+; streamablehttp_client before)";
      report({ messageId: "sseClient", data: { what: c.symbol.short, use }, node: c.callee });
    }
  },
});
