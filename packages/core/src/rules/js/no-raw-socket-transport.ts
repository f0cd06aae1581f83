import { fileImports } from "../../code/js/analysis.js";
import { nodeIndex, unwrapExpression, type Node, type Scope } from "../../code/js/ast.js";
import { importsSdk, isModuleObject, memberName, resolveImport, type FileImports } from "../../code/js/imports.js";
import { MCP_WIRE_METHODS } from "../../code/js/prefilter.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "rawSocket";
type Options = [{ reportInSdkModules: boolean }];

const SOCKET_MODULES: Readonly<Record<string, readonly string[]>> = {
  net: ["connect", "createConnection", "createServer", "Socket"],
  tls: ["connect", "createServer", "TLSSocket"],
  dgram: ["createSocket"],
};
const MODULE_NAMES: Readonly<Record<string, readonly string[]>> = {
  net: ["net", "node:net"],
  tls: ["tls", "node:tls"],
  dgram: ["dgram", "node:dgram"],
};

/** JSON-RPC methods only MCP uses (LSP also has "initialize", so it counts only without LSP markers). */
const MCP_METHODS = new Set(MCP_WIRE_METHODS.filter((m) => m !== "initialize"));
const JSON_METHOD = /"method"\s*:\s*"([a-z/_]+)"/gi;
const LSP_MARKERS = /\b(rootUri|processId|textDocument\/|workspaceFolders)\b/;

/** Does the module write an MCP JSON-RPC request (a `method` property or a serialised one)? */
function speaksMcpOnTheWire(nodes: readonly Node[], text: string): boolean {
  const lsp = LSP_MARKERS.test(text);
  const isMcpMethod = (m: string): boolean => MCP_METHODS.has(m) || (m === "initialize" && !lsp);
  let found = false;
  for (const node of nodes) {
    if (found) break;
    if (node.type === "Property" && !node.computed) {
      const key = node.key.type === "Identifier" ? node.key.name : node.key.type === "Literal" ? node.key.value : undefined;
      const value = unwrapExpression(node.value);
      if (key === "method" && value.type === "Literal" && typeof value.value === "string" && isMcpMethod(value.value)) found = true;
    } else if (node.type === "BinaryExpression" && (node.operator === "===" || node.operator === "==")) {
      // `msg.method === "tools/call"`: handling MCP requests by hand
      for (const [a, b] of [[node.left, node.right], [node.right, node.left]] as const) {
        const m = unwrapExpression(a);
        const v = unwrapExpression(b);
        if (m.type === "MemberExpression" && memberName(m) === "method" && v.type === "Literal" && typeof v.value === "string" && isMcpMethod(v.value)) found = true;
      }
    } else if (node.type === "SwitchStatement") {
      const d = unwrapExpression(node.discriminant);
      if (d.type === "MemberExpression" && memberName(d) === "method") {
        for (const c of node.cases) if (c.test?.type === "Literal" && typeof c.test.value === "string" && isMcpMethod(c.test.value)) found = true;
      }
    } else if (node.type === "Literal" && typeof node.value === "string" && node.value.includes('"method"')) {
      for (const m of node.value.matchAll(JSON_METHOD)) if (isMcpMethod(m[1]!)) found = true;
    } else if (node.type === "TemplateElement" && (node.value.cooked ?? "").includes('"method"')) {
      for (const m of (node.value.cooked ?? "").matchAll(JSON_METHOD)) if (isMcpMethod(m[1]!)) found = true;
    }
  }
  return found;
}

export const noRawSocketTransport = createCodeRule<Options, MessageIds>({
  name: "no-raw-socket-transport",
  meta: {
    type: "problem",
    docs: {
      description: "MCP has no raw TCP/UDP transport: do not speak MCP JSON-RPC over a net/tls/dgram socket",
      recommended: true,
      severity: "warning",
    },
    messages: {
      rawSocket:
        "This module writes MCP JSON-RPC and opens a raw {{api}} socket, but MCP has no TCP transport: a standard server answers only on stdio (newline-delimited JSON) or Streamable HTTP. Use the SDK's StdioClientTransport / StreamableHTTPClientTransport (or the server transports) instead.",
    },
    schema: [
      {
        type: "object",
        properties: {
          reportInSdkModules: {
            type: "boolean",
            description: "Also report raw sockets in any module importing the MCP SDK, without the JSON-RPC payload signal.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportInSdkModules: false }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const text = sourceCode.text;
    if (!/\b(?:net|tls|dgram)\b/.test(text)) return {};
    if (!/"method"|\bmethod\b/.test(text) && !text.includes("@modelcontextprotocol/")) return {};
    return {
      Program() {
        const imports = fileImports(sourceCode);
        const modules = Object.values(MODULE_NAMES).flat();
        if (!imports.modules.some((m) => modules.includes(m.specifier))) return;
        const nodes = nodeIndex(sourceCode).all;
        const speaks = speaksMcpOnTheWire(nodes, text) || (options.reportInSdkModules && importsSdk(imports));
        if (!speaks) return;
        for (const node of nodes) {
          if (node.type !== "CallExpression" && node.type !== "NewExpression") continue;
          const api = socketApi(node.callee, sourceCode.getScope(node), imports);
          if (api && api.endsWith(".createServer") && freePortProbe(node, text)) continue;
          if (api) context.report({ node, messageId: "rawSocket", data: { api } });
        }
      },
    };
  },
});

/** "net.connect" when `callee` is one of the socket APIs (member of the module object, or a named import). */
function socketApi(calleeNode: Node, scope: Scope, imports: FileImports): string | undefined {
  const callee = unwrapExpression(calleeNode);
  for (const [mod, names] of Object.entries(SOCKET_MODULES)) {
    const specifiers = MODULE_NAMES[mod]!;
    if (callee.type === "MemberExpression") {
      const name = memberName(callee);
      if (name !== undefined && names.includes(name) && isModuleObject(imports, callee.object, scope, specifiers)) return `${mod}.${name}`;
    } else if (callee.type === "Identifier") {
      const r = resolveImport(imports, callee, scope);
      if (r && specifiers.includes(r.module) && names.includes(r.name)) return `${mod}.${r.name}`;
    }
  }
  return undefined;
}

function isZero(n: Node | undefined): boolean {
  const v = n ? unwrapExpression(n) : undefined;
  return v?.type === "Literal" && v.value === 0;
}

/**
 * A server opened only to learn a free port: `listen(0)`, read `address()`, `close()` (in the same function).
 * It never carries a message, so it is no transport.
 */
function freePortProbe(node: Node, text: string): boolean {
  let parent = node.parent;
  let listensZero = false;
  // createServer().listen(0, …)
  if (parent?.type === "MemberExpression" && parent.object === node && memberName(parent) === "listen" && parent.parent?.type === "CallExpression" && isZero(parent.parent.arguments[0] as Node | undefined)) {
    listensZero = true;
    parent = parent.parent.parent;
  }
  let fn: Node | undefined = node.parent;
  while (fn && fn.type !== "FunctionDeclaration" && fn.type !== "FunctionExpression" && fn.type !== "ArrowFunctionExpression") fn = fn.parent;
  const body = fn ? text.slice(fn.range[0], fn.range[1]) : text;
  if (parent?.type !== "VariableDeclarator" || parent.id.type !== "Identifier") {
    return listensZero && /\.address\(\)/.test(body) && /\.close\(/.test(body);
  }
  const name = parent.id.name.replace(/[$]/g, "\\$");
  listensZero ||= new RegExp(`\\b${name}\\.listen\\(\\s*0\\s*[,)]`).test(body);
  return listensZero && new RegExp(`\\b${name}\\.address\\(\\)`).test(body) && new RegExp(`\\b${name}\\.close\\(`).test(body);
}
