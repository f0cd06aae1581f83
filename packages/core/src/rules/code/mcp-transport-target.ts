import type { TSESTree } from "@typescript-eslint/utils";
import { sdkFile } from "../../code/analysis.js";
import { constInit, findVariableFrom, isGlobalReference, staticString, unwrapExpression, type Node, type Scope, type StaticString } from "../../code/ast.js";
import { NON_MCP_PORTS } from "../config/no-non-mcp-port.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "scheme" | "noScheme" | "port";
type Options = [{ allowPorts: number[] }];

/** Extra well-known ports for this rule on top of the shared list (game RCON is not in the config list). */
const EXTRA_PORTS: ReadonlyMap<number, string> = new Map([[25575, "Minecraft RCON"]]);

function serviceOf(port: number): string | undefined {
  return NON_MCP_PORTS.get(port) ?? EXTRA_PORTS.get(port);
}

interface UrlFacts {
  scheme?: string;
  host?: string;
  port?: number;
  /** Written without a scheme: `localhost:3000/mcp`. */
  schemeless?: boolean;
}

const HOST = "(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9][A-Za-z0-9.-]*)";
const SCHEMELESS = new RegExp(`^(${HOST}):(\\d{1,5})?(?:[/?#]|$)`);

/** Scheme, host and port of a (possibly incomplete) URL text; never anything after the authority. */
export function urlFacts(text: string, complete: boolean): UrlFacts | undefined {
  const t = text.trim();
  const bare = SCHEMELESS.exec(t);
  // `localhost:3000`, `127.0.0.1:3000/mcp`, `localhost:${port}`: no scheme (new URL reads "localhost:" as one, or throws).
  if (bare && (bare[2] !== undefined || (!complete && t === bare[0]))) {
    const facts: UrlFacts = { schemeless: true, host: bare[1]!.toLowerCase() };
    if (bare[2] !== undefined && (complete || bare[0].length < t.length)) facts.port = Number(bare[2]);
    return facts;
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/)?/.exec(t);
  if (!m) return undefined;
  const facts: UrlFacts = { scheme: m[1]!.toLowerCase() };
  if (!m[2]) return facts;
  const rest = t.slice(m[0].length);
  const end = rest.search(/[/?#]/);
  if (end < 0 && !complete) return facts; // the authority is not fully known
  let authority = end < 0 ? rest : rest.slice(0, end);
  authority = authority.slice(authority.lastIndexOf("@") + 1);
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(authority);
  if (!hp) return facts;
  facts.host = hp[1]!.toLowerCase();
  if (hp[2] !== undefined) facts.port = Number(hp[2]);
  return facts;
}

function display(f: UrlFacts): string {
  const hostPort = `${f.host ?? ""}${f.port !== undefined ? `:${f.port}` : ""}`;
  return f.scheme ? `${f.scheme}://${hostPort}` : hostPort;
}

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
