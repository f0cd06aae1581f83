import { mcpTransportTarget as mcpTransportTargetJs } from "../js/mcp-transport-target.js";
import type { JSONSchema } from "../types.js";
import { keywordArg, positionalArgs, type PyCall } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import { stringsOf } from "../../code/python/values.js";
import { display, serviceOf, urlFacts } from "../../code/transport-urls.js";
import { definePythonRule } from "./types.js";

type MessageIds = "scheme" | "clientValue" | "noScheme" | "port" | "anyHost";

/** Hosts that mean "every interface" to a server and no reachable host to a client. */
const ANY_HOSTS = new Set(["0.0.0.0", "[::]"]);

/** The URL argument of a client transport call, and how the call reads it. */
interface Target {
  arg: Node;
  transport: string;
  /** fastmcp / mcp 2.x `Client(x)`: x may also be a script path or a server object, so only URL-shaped strings count. */
  client: boolean;
  /** Schemes the call accepts. */
  ok: readonly string[];
}

const HTTP = ["http", "https"];

function targetOf(c: PyCall): Target | undefined {
  const { role, short } = c.symbol;
  const node = c.node;
  switch (role) {
    case "sse-client":
    case "http-client":
    case "http-transport":
    case "sse-transport": {
      const arg = keywordArg(node, "url") ?? positionalArgs(node)[0];
      return arg ? { arg, transport: short, client: false, ok: HTTP } : undefined;
    }
    case "ws-client": {
      const arg = keywordArg(node, "url") ?? positionalArgs(node)[0];
      // websocket_client connects with the `websockets` package: ws(s):// is its scheme (http(s) is left alone).
      return arg ? { arg, transport: short, client: false, ok: ["ws", "wss", ...HTTP] } : undefined;
    }
    case "sse-params":
    case "http-params": {
      const arg = keywordArg(node, "url");
      return arg ? { arg, transport: short, client: false, ok: HTTP } : undefined;
    }
    case "client": {
      const arg = positionalArgs(node)[0] ?? keywordArg(node, c.symbol.line === "fastmcp" ? "transport" : "server");
      return arg ? { arg, transport: c.symbol.line === "fastmcp" ? "fastmcp's Client" : "mcp.Client", client: true, ok: HTTP } : undefined;
    }
    default:
      return undefined;
  }
}

export const mcpTransportTarget = definePythonRule<MessageIds, { allowPorts?: number[] }>({
  meta: {
    id: "mcp-transport-target",
    description: "An MCP client transport must target an http(s) MCP endpoint, not a TCP address, a bare host:port or another service's port",
    severity: "error",
    recommended: true,
    messages: {
      scheme:
        "{{transport}} speaks HTTP, but this URL's scheme is \"{{scheme}}:\": the connection fails ({{failure}}) and MCP has no {{scheme}} transport. Use the server's http(s)://host:port/mcp endpoint, or stdio_client for a local server.",
      clientValue:
        "{{transport}} takes an http(s) URL (Streamable HTTP){{alternatives}}, so \"{{target}}\" {{failure}}. MCP has no {{scheme}} transport: use the server's http(s)://host:port/mcp endpoint.",
      noScheme:
        "\"{{target}}\" has no scheme, so {{transport}} cannot connect ({{failure}}). Write the full endpoint, e.g. http://{{target}}/mcp.",
      port:
        "Port {{port}} is {{service}}'s; nothing there speaks MCP, so {{transport}} gets a refused connection or garbage. Use the port your MCP server listens on (its Streamable HTTP endpoint, often …/mcp).",
      anyHost:
        "{{host}} is the address a server binds to listen on every interface, not one a client can reach: connecting to it fails on Windows and works on Linux and macOS only because they read it as this machine. Connect to 127.0.0.1 (or the server's host name).",
    },
    // One id, one options schema for both languages: the JavaScript/TypeScript rule's.
    schema: mcpTransportTargetJs.meta.schema as unknown as JSONSchema[],
    defaultOptions: (mcpTransportTargetJs.meta.defaultOptions as Array<Record<string, unknown>>)[0]!,
  },
  check({ file, options, report }) {
    const allow = new Set(options.allowPorts ?? []);
    const seen = new Set<number>();
    for (const call of file.sdkCalls) {
      const target = targetOf(call);
      if (!target) continue;
      const fastmcp = call.symbol.line === "fastmcp";
      for (const s of stringsOf(file, target.arg)) {
        if (seen.has(s.node.id)) continue;
        const facts = urlFacts(s.value, s.complete);
        if (!facts) continue;
        const hit = (messageId: MessageIds, data: Record<string, string | number>): void => {
          seen.add(s.node.id);
          report({ messageId, data, node: s.node });
        };
        if (target.client) {
          // Client("server.py"), Client("C:\\srv\\server.py"): a path, not a URL.
          const urlShaped = facts.schemeless ? facts.port !== undefined : /^\s*[A-Za-z][A-Za-z0-9+.-]+:\/\//.test(s.value);
          if (!urlShaped) continue;
          if (facts.schemeless || !target.ok.includes(facts.scheme!)) {
            hit("clientValue", {
              transport: target.transport,
              alternatives: fastmcp ? ", a script path or a server object" : ", a server object or a transport",
              target: display(facts),
              failure: fastmcp
                ? "raises ValueError (\"Could not infer a valid transport\", fastmcp 2.3.5 and later)"
                : "fails in httpx (UnsupportedProtocol)",
              scheme: facts.scheme ?? facts.host ?? "",
            });
            continue;
          }
        } else if (facts.schemeless) {
          hit("noScheme", {
            target: display(facts),
            transport: target.transport,
            failure: fastmcp ? "ValueError: Invalid HTTP/S URL" : "httpx reads it as a relative or unknown-scheme URL: UnsupportedProtocol",
          });
          continue;
        } else if (facts.scheme && !target.ok.includes(facts.scheme)) {
          hit("scheme", {
            transport: target.transport,
            scheme: facts.scheme,
            failure: fastmcp ? "ValueError: Invalid HTTP/S URL" : "httpx.UnsupportedProtocol",
          });
          continue;
        }
        if (facts.port !== undefined && !allow.has(facts.port)) {
          const service = serviceOf(facts.port);
          if (service) {
            hit("port", { port: facts.port, service, transport: target.transport });
            continue;
          }
        }
        if (facts.host !== undefined && ANY_HOSTS.has(facts.host)) hit("anyHost", { host: facts.host });
      }
    }
  },
});
