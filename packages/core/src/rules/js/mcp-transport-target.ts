import type { TSESTree } from "@typescript-eslint/utils";
import { sdkFile } from "../../code/js/analysis.js";
import { constInit, findVariableFrom, isGlobalReference, staticString, unwrapExpression, type Node, type Scope, type StaticString } from "../../code/js/ast.js";
import { display, serviceOf, urlFacts } from "../../code/transport-urls.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "scheme" | "noScheme" | "port" | "noCommand";
type Options = [{ allowPorts: number[] }];

/** The string(s) a URL argument is built from: `new URL(s)`, `s`, a const of either, and `env ?? s` fallbacks. */
function urlStrings(arg: Node, scope: Scope, depth = 0): StaticString[] {
  const n = unwrapExpression(arg);
  if (depth > 4) return [];
  if (n.type === "NewExpression" && n.callee.type === "Identifier" && n.callee.name === "URL" && isGlobalReference(scope, "URL")) {
    const [input, base] = n.arguments;
    if (!input) return [];
    const strings = urlStrings(input, scope, depth + 1);
    if (base) {
      // new URL("/mcp", base): the base decides scheme, host and port.
      const absolute = strings.filter((s) => /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(s.value));
      return absolute.length > 0 ? absolute : urlStrings(base, scope, depth + 1);
    }
    return strings;
  }
  if (n.type === "LogicalExpression" && (n.operator === "??" || n.operator === "||")) {
    return urlStrings(n.right, scope, depth + 1);
  }
  if (n.type === "Identifier") {
    const init = constInit(findVariableFrom(scope, n.name));
    if (init) return urlStrings(init, scope, depth + 1);
    return [];
  }
  const s = staticString(n, scope);
  return s ? [s] : [];
}

export const mcpTransportTarget = createCodeRule<Options, MessageIds>({
  name: "mcp-transport-target",
  meta: {
    type: "problem",
    docs: {
      description: "An MCP client transport must target an http(s) MCP endpoint, not a TCP address, a bare host:port or another service's port",
      recommended: true,
      severity: "error",
    },
    messages: {
      noCommand:
        "new StdioClientTransport({{given}}) names no server command: connect() calls start(), which throws a TypeError before any process starts. Pass the server to run, e.g. { command: \"node\", args: [\"build/index.js\"] }.",
      scheme:
        "{{transport}} speaks HTTP, but this URL's scheme is \"{{scheme}}:\": connect() fails (fetch: unknown scheme) and MCP has no {{scheme}} transport. Use the server's http(s)://host:port/mcp endpoint, or StdioClientTransport for a local server.",
      noScheme:
        "\"{{target}}\" has no scheme, so new URL() takes \"{{first}}:\" for one (or throws) and {{transport}} cannot connect. Write the full endpoint, e.g. http://{{target}}/mcp.",
      port:
        "Port {{port}} is {{service}}'s; nothing there speaks MCP, so {{transport}} gets a refused connection or garbage. Use the port your MCP server listens on (its Streamable HTTP endpoint, often …/mcp).",
    },
    schema: [
      {
        type: "object",
        properties: {
          allowPorts: { type: "array", items: { type: "integer", minimum: 1, maximum: 65535 }, uniqueItems: true },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowPorts: [] }],
  },
  create(context, [options]) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    const allow = new Set(options.allowPorts);
    const seen = new Set<Node>();
    const check = (): void => {
    for (const c of sdk.constructions) {
      const { symbol } = c.resolved;
      if (symbol.role === "stdio-client-transport") {
        // No parameters, or an object literal (no spread) without `command`: start() throws (checked on SDK 1.32 and 2.x).
        const arg = c.node.arguments[0];
        const obj = arg && arg.type !== "SpreadElement" ? unwrapExpression(arg) : undefined;
        const noCommand = arg === undefined || (obj?.type === "ObjectExpression" && obj.properties.every((p) => p.type === "Property" && !p.computed && !(p.key.type === "Identifier" ? p.key.name === "command" : p.key.type === "Literal" && p.key.value === "command")));
        if (noCommand) context.report({ node: c.node, messageId: "noCommand", data: { given: arg === undefined ? "" : "{…}" } });
        continue;
      }
      if (!symbol.takesUrl) continue;
      const arg = c.node.arguments[0];
      if (!arg || arg.type === "SpreadElement") continue;
      const transport = symbol.name;
      const okSchemes = symbol.transport === "websocket" ? ["ws", "wss", "http", "https"] : ["http", "https"];
      for (const s of urlStrings(arg, sdk.scopeOf(arg))) {
        if (seen.has(s.node)) continue;
        const facts = urlFacts(s.value, s.complete);
        if (!facts) continue;
        const node = s.node as TSESTree.Node;
        if (facts.schemeless) {
          seen.add(node);
          context.report({ node, messageId: "noScheme", data: { target: display(facts), first: facts.host ?? "", transport } });
          continue;
        }
        if (facts.scheme && !okSchemes.includes(facts.scheme)) {
          seen.add(node);
          context.report({ node, messageId: "scheme", data: { scheme: facts.scheme, transport } });
          continue;
        }
        if (facts.port !== undefined && !allow.has(facts.port)) {
          const service = serviceOf(facts.port);
          if (service) {
            seen.add(node);
            context.report({ node, messageId: "port", data: { port: facts.port, service, transport } });
          }
        }
      }
    }
    };
    return { Program: check };
  },
});
